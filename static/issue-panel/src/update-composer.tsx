/**
 * The update composer: Initial, Follow-up and Final updates with the internal and external drafts side
 * by side, the live completeness check next to each, a preview of exactly what each channel receives,
 * a second opinion, and the history of sent updates with each channel's delivery. Exported so another
 * part of the panel (Resolve) can open it on the final update with `kind="final"`.
 */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComposerView, Gap, PreviewUpdateResult, SentUpdateView, StatuspageStatusName, UpdateKind } from '../../../src/contracts/comms';
import { describeFailure } from '../../shared-ui/resolver-result';
import { getComposer, previewUpdate, requestReview, retryFailedChannels, reviewUpdate, sendUpdate } from './comms-invokes';
import { utcMinute } from './format';
import { Button, Message, Pill, Section } from './ui';

const KIND_LABELS: Readonly<Record<UpdateKind, string>> = { initial: 'Initial', 'follow-up': 'Follow-up', final: 'Final' };
const STATUSES: readonly StatuspageStatusName[] = ['investigating', 'identified', 'monitoring', 'resolved'];
/** How long typing pauses before the check and preview are asked for. */
const PREVIEW_DELAY_MS = 400;

const newUpdateId = (): string => crypto.randomUUID();

function Gaps({ gaps, testId }: { gaps: readonly Gap[]; testId: string }) {
  if (gaps.length === 0) return <span className="ir-muted" data-testid={`${testId}-ok`}>Complete.</span>;
  return (
    <ul data-testid={testId} className="ir-gaps">
      {gaps.map((gap) => (
        <li key={`${gap.field}:${gap.message}`} data-field={gap.field}>
          {gap.message}
        </li>
      ))}
    </ul>
  );
}

function History({ history, canSend, onRetry, busy }: { history: readonly SentUpdateView[]; canSend: boolean; onRetry: (id: string) => void; busy: boolean }) {
  if (history.length === 0) return <span className="ir-muted">No update sent yet.</span>;
  return (
    <ol data-testid="comms-history" className="ir-list">
      {history.map((update) => {
        const failed = update.deliveries.filter((delivery) => delivery.state !== 'sent');
        return (
          <li key={update.id} data-testid="history-item" data-kind={update.kind}>
            <Stack space="space.050">
              <Inline space="space.100" alignBlock="center">
                <strong>{KIND_LABELS[update.kind]} update</strong>
                <span>{utcMinute(update.at)}</span>
                <span>by {update.byName}</span>
                {update.approvedBy === undefined ? null : <span>approved by {update.approvedBy}</span>}
                <Pill tone="default">{update.status}</Pill>
              </Inline>
              {update.overrideReason === undefined ? null : <span>Sent with gaps: {update.overrideReason}</span>}
              <Inline space="space.050" shouldWrap>
                {update.deliveries.map((delivery) => (
                  <span key={delivery.channel} data-testid={`delivery-${delivery.channel}`} data-state={delivery.state} title={delivery.error ?? ''}>
                    <Pill tone={delivery.state === 'sent' ? 'done' : delivery.state === 'failed' ? 'danger' : 'pending'}>
                      {delivery.label}: {delivery.state}
                      {delivery.error === undefined ? '' : ` (${delivery.error})`}
                    </Pill>
                  </span>
                ))}
              </Inline>
              {failed.length > 0 && canSend ? (
                <Inline>
                  <Button small testId="retry-failed" busy={busy} onClick={() => onRetry(update.id)}>
                    Retry failed channels
                  </Button>
                </Inline>
              ) : null}
            </Stack>
          </li>
        );
      })}
    </ol>
  );
}

export function UpdateComposer({ kind: requested, onSent }: { kind?: UpdateKind; onSent?: (view: ComposerView) => void }) {
  const [view, setView] = useState<ComposerView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [kind, setKind] = useState<UpdateKind | undefined>(requested);
  const [internal, setInternal] = useState('');
  const [external, setExternal] = useState('');
  const [status, setStatus] = useState<StatuspageStatusName>('investigating');
  const [check, setCheck] = useState<PreviewUpdateResult | undefined>();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const updateId = useRef(newUpdateId());

  const load = useCallback(async (wanted?: UpdateKind) => {
    const answer = await getComposer(wanted);
    if (!answer.ok) {
      setError(describeFailure(answer.error));
      return;
    }
    setView(answer.value);
    setKind(answer.value.kind);
    setInternal(answer.value.internal);
    setExternal(answer.value.external);
    setStatus(answer.value.status);
    setCheck({ internalGaps: answer.value.internalGaps, externalGaps: answer.value.externalGaps, previews: answer.value.previews, approvalRequired: answer.value.approvalRequired, approved: false, ...(answer.value.nextUpdateAt === undefined ? {} : { nextUpdateAt: answer.value.nextUpdateAt }) });
    setAsking(false);
    setReason('');
    updateId.current = newUpdateId();
  }, []);

  useEffect(() => {
    void load(requested);
  }, [load, requested]);

  // The live check: asked for when typing pauses, the newest answer wins.
  useEffect(() => {
    if (view === undefined || kind === undefined || !view.canSend) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      void previewUpdate({ kind, internal, external, status }).then((answer) => {
        if (current && answer.ok) setCheck(answer.value);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [view, kind, internal, external, status]);

  const apply = (answer: Awaited<ReturnType<typeof sendUpdate>>, success: string) => {
    if (!answer.ok) {
      setError(describeFailure(answer.error));
      return false;
    }
    setError(undefined);
    setNotice(success);
    setView(answer.value);
    return true;
  };

  const send = async () => {
    if (kind === undefined) return;
    const gaps = (check?.internalGaps.length ?? 0) + (check?.externalGaps.length ?? 0);
    if (gaps > 0 && reason.trim() === '') {
      setAsking(true);
      return;
    }
    setBusy(true);
    const answer = await sendUpdate({ updateId: updateId.current, kind, internal, external, status, ...(gaps > 0 ? { overrideReason: reason.trim() } : {}) });
    setBusy(false);
    if (apply(answer, `${KIND_LABELS[kind]} update sent.`) && answer.ok) {
      onSent?.(answer.value);
      await load(answer.value.suggestedKind);
      setNotice(`${KIND_LABELS[kind]} update sent.`);
    }
  };

  if (error !== undefined && view === undefined) return <Message tone="error" title="The updates could not be loaded">{error}</Message>;
  if (view === undefined || kind === undefined) return <span role="status">Loading updates…</span>;

  const review = view.review;
  return (
    <Stack space="space.200" testId="updates-composer">
      {notice === undefined ? null : <Message tone="success" testId="composer-success" onDismiss={() => setNotice(undefined)}>{notice}</Message>}
      {error === undefined ? null : <Message tone="error" testId="composer-failure" onDismiss={() => setError(undefined)}>{error}</Message>}
      {view.nextDue === undefined ? null : (
        <Message tone={view.nextDue.overdue ? 'warning' : 'info'} testId="next-due">
          {view.nextDue.overdue ? `The next update was due at ${utcMinute(view.nextDue.at)}: it is overdue.` : `Next update due at ${utcMinute(view.nextDue.at)}.`}
        </Message>
      )}
      {view.canSend ? (
        <Section title="Compose an update">
          <Stack space="space.150">
            <Inline space="space.100" role="radiogroup" aria-label="Kind of update">
              {(['initial', 'follow-up', 'final'] as const).map((option) => (
                <Button key={option} small appearance={option === kind ? 'primary' : 'default'} testId={`composer-kind-${option}`} onClick={() => void load(option)}>
                  {KIND_LABELS[option]}
                </Button>
              ))}
            </Inline>
            <div className="ir-columns">
              <Stack space="space.075">
                <label htmlFor="draft-internal">
                  <strong>Internal</strong> — {view.title}
                </label>
                <textarea id="draft-internal" data-testid="draft-internal" className="ir-input" rows={14} value={internal} onChange={(event) => setInternal(event.target.value)} />
                <Gaps gaps={check?.internalGaps ?? []} testId="internal-gaps" />
              </Stack>
              <Stack space="space.075">
                <label htmlFor="draft-external">
                  <strong>External</strong> — {view.externalTitle}
                </label>
                <textarea id="draft-external" data-testid="draft-external" className="ir-input" rows={5} value={external} onChange={(event) => setExternal(event.target.value)} />
                <Gaps gaps={check?.externalGaps ?? []} testId="external-gaps" />
                <label htmlFor="statuspage-status">Status page status</label>
                <select id="statuspage-status" data-testid="statuspage-status" className="ir-input" value={status} disabled={kind === 'final'} onChange={(event) => setStatus(event.target.value as StatuspageStatusName)}>
                  {STATUSES.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              </Stack>
            </div>
            <Section title="What each channel receives">
              <Stack space="space.100">
                {(check?.previews ?? view.previews).map((preview) => (
                  <details key={preview.channel} data-testid={`preview-${preview.channel}`}>
                    <summary>
                      {preview.label} → {preview.to}
                      {preview.subject === undefined ? '' : ` · ${preview.subject}`}
                      {preview.status === undefined ? '' : ` · ${preview.status}`}
                    </summary>
                    <pre className="ir-preview">{preview.body}</pre>
                  </details>
                ))}
                {view.missing.map((missing) => (
                  <span key={missing.channel} className="ir-muted" data-testid={`missing-${missing.channel}`}>
                    {missing.label}: {missing.hint}
                  </span>
                ))}
              </Stack>
            </Section>
            {asking ? (
              <Stack space="space.075">
                <label htmlFor="override-reason">The update has gaps. Why send it anyway? (one line, recorded with the update)</label>
                <input id="override-reason" data-testid="override-reason" className="ir-input" value={reason} onChange={(event) => setReason(event.target.value)} />
              </Stack>
            ) : null}
            {check?.approvalRequired === true && !check.approved ? <Message tone="warning">External updates at this severity need an approval: ask for a review first.</Message> : null}
            <Inline space="space.100">
              <Button appearance="primary" testId="send-update" busy={busy} disabled={asking && reason.trim() === ''} onClick={() => void send()}>
                {asking ? 'Send anyway' : `Send ${KIND_LABELS[kind].toLowerCase()} update`}
              </Button>
              <Button
                testId="ask-review"
                onClick={() => void requestReview({ kind, internal, external }).then((answer) => apply(answer, 'Review requested in the chat room and by Jira notification.'))}
              >
                Ask for review
              </Button>
            </Inline>
          </Stack>
        </Section>
      ) : (
        <Message tone="info" testId="composer-read-only">{view.readOnlyReason ?? 'You can see the updates but not send them.'}</Message>
      )}
      {review === undefined ? null : (
        <Section title="Second opinion">
          <Stack space="space.100" testId="review">
            <span>
              {review.requestedByName} asked {review.reviewerName ?? 'a communications manager'} to review the {review.kind} update: <strong data-testid="review-state">{review.state}</strong>
              {review.comment === undefined ? '' : ` — “${review.comment}”`}
            </span>
            {view.canSend && review.state === 'requested' ? (
              <Inline space="space.100" alignBlock="center">
                <input aria-label="Comment for the writer" className="ir-input" value={comment} onChange={(event) => setComment(event.target.value)} />
                <Button small testId="review-approve" onClick={() => void reviewUpdate({ reviewId: review.id, decision: 'approve' }).then((answer) => apply(answer, 'Approved.'))}>
                  Approve
                </Button>
                <Button small testId="review-comment" disabled={comment.trim() === ''} onClick={() => void reviewUpdate({ reviewId: review.id, decision: 'comment', comment }).then((answer) => apply(answer, 'Comment sent.'))}>
                  Comment
                </Button>
              </Inline>
            ) : null}
          </Stack>
        </Section>
      )}
      <Section title="Sent updates">
        <History
          history={view.history}
          canSend={view.canSend}
          busy={busy}
          onRetry={(id) => {
            setBusy(true);
            void retryFailedChannels(id).then((answer) => {
              setBusy(false);
              apply(answer, 'Failed channels retried.');
            });
          }}
        />
      </Section>
    </Stack>
  );
}
