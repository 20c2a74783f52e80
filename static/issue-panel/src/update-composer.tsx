/**
 * The update composer: Initial, Follow-up and Final updates with the internal and external drafts side
 * by side, the live completeness check next to each, a preview of exactly what each channel receives,
 * a second opinion, and the history of sent updates with each channel's delivery. Exported so another
 * part of the panel (Resolve) can open it on the final update with `kind="final"`.
 */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComposerView, Gap, PreviewUpdateResult, SentUpdateView, StatuspageStatusName, UpdateKind } from '../../../src/contracts/comms';
import { Button } from '../../shared-ui/button';
import { Columns, Section } from '../../shared-ui/layout';
import { Lozenge } from '../../shared-ui/lozenge';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { NativeSelect, TextArea, Textfield } from '../../shared-ui/text-field';
import { getComposer, previewUpdate, requestReview, retryFailedChannels, reviewUpdate, sendUpdate } from './comms-invokes';
import { utcMinute } from './format';

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
    <ol data-testid="comms-history" className="ir-rows">
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
                <Lozenge appearance="default">{update.status}</Lozenge>
              </Inline>
              {update.overrideReason === undefined ? null : <span>Sent with gaps: {update.overrideReason}</span>}
              <Inline space="space.050" shouldWrap>
                {update.deliveries.map((delivery) => (
                  <span key={delivery.channel} data-testid={`delivery-${delivery.channel}`} data-state={delivery.state} title={delivery.error ?? ''}>
                    <Lozenge appearance={delivery.state === 'sent' ? 'success' : delivery.state === 'failed' ? 'removed' : 'inprogress'}>
                      {delivery.label}: {delivery.state}
                      {delivery.error === undefined ? '' : ` (${delivery.error})`}
                    </Lozenge>
                  </span>
                ))}
              </Inline>
              {failed.length > 0 && canSend ? (
                <Inline>
                  <Button spacing="compact" testId="retry-failed" isLoading={busy} onClick={() => onRetry(update.id)}>
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

  if (error !== undefined && view === undefined) return <ErrorState title="The updates could not be loaded" message={error} onRetry={() => void load(requested)} />;
  if (view === undefined || kind === undefined) return <LoadingState label="Loading updates" />;

  const review = view.review;
  return (
    <Stack space="space.200" testId="updates-composer">
      {notice === undefined ? null : <SectionMessage role="status" appearance="success" testId="composer-success" onDismiss={() => setNotice(undefined)}>{notice}</SectionMessage>}
      {error === undefined ? null : <SectionMessage role="alert" appearance="error" testId="composer-failure" onDismiss={() => setError(undefined)}>{error}</SectionMessage>}
      {view.nextDue === undefined ? null : (
        <SectionMessage role="status" appearance={view.nextDue.overdue ? 'warning' : 'information'} testId="next-due">
          {view.nextDue.overdue ? `The next update was due at ${utcMinute(view.nextDue.at)}: it is overdue.` : `Next update due at ${utcMinute(view.nextDue.at)}.`}
        </SectionMessage>
      )}
      {view.canSend ? (
        <Section title="Compose an update">
          <Stack space="space.150">
            <Inline space="space.100" role="radiogroup" aria-label="Kind of update">
              {(['initial', 'follow-up', 'final'] as const).map((option) => (
                <Button key={option} spacing="compact" appearance={option === kind ? 'primary' : 'default'} testId={`composer-kind-${option}`} onClick={() => void load(option)}>
                  {KIND_LABELS[option]}
                </Button>
              ))}
            </Inline>
            <Columns template="repeat(auto-fit, minmax(260px, 1fr))" gap="200">
              <Stack space="space.075">
                <label htmlFor="draft-internal">
                  <strong>Internal</strong> — {view.title}
                </label>
                <TextArea id="draft-internal" testId="draft-internal" minimumRows={14} resize="vertical" value={internal} onChange={(event) => setInternal(event.target.value)} />
                <Gaps gaps={check?.internalGaps ?? []} testId="internal-gaps" />
              </Stack>
              <Stack space="space.075">
                <label htmlFor="draft-external">
                  <strong>External</strong> — {view.externalTitle}
                </label>
                <TextArea id="draft-external" testId="draft-external" minimumRows={5} resize="vertical" value={external} onChange={(event) => setExternal(event.target.value)} />
                <Gaps gaps={check?.externalGaps ?? []} testId="external-gaps" />
                <label htmlFor="statuspage-status">Status page status</label>
                <NativeSelect id="statuspage-status" testId="statuspage-status" value={status} isDisabled={kind === 'final'} onChange={(event) => setStatus(event.target.value as StatuspageStatusName)}>
                  {STATUSES.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </NativeSelect>
              </Stack>
            </Columns>
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
                <Textfield id="override-reason" testId="override-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
              </Stack>
            ) : null}
            {check?.approvalRequired === true && !check.approved ? <SectionMessage role="status" appearance="warning">External updates at this severity need an approval: ask for a review first.</SectionMessage> : null}
            <Inline space="space.100">
              <Button appearance="primary" testId="send-update" isLoading={busy} isDisabled={asking && reason.trim() === ''} onClick={() => void send()}>
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
        <SectionMessage role="status" appearance="information" testId="composer-read-only">{view.readOnlyReason ?? 'You can see the updates but not send them.'}</SectionMessage>
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
                <Textfield aria-label="Comment for the writer" value={comment} onChange={(event) => setComment(event.target.value)} />
                <Button spacing="compact" testId="review-approve" onClick={() => void reviewUpdate({ reviewId: review.id, decision: 'approve' }).then((answer) => apply(answer, 'Approved.'))}>
                  Approve
                </Button>
                <Button spacing="compact" testId="review-comment" isDisabled={comment.trim() === ''} onClick={() => void reviewUpdate({ reviewId: review.id, decision: 'comment', comment }).then((answer) => apply(answer, 'Comment sent.'))}>
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
