/** Raise and Escalate: who was paged and whether they answered, Acknowledge, and paging another team or person. */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useEffect, useState } from 'react';
import type { CockpitView, PersonView } from '../../../src/contracts/cockpit';
import type { EscalationTargetsResult, PagingEpisodeView, PagingStatusResult } from '../../../src/contracts/issue-panel';
import { Button } from '../../shared-ui/button';
import { FormField, selectControl } from '../../shared-ui/form-field';
import { Section } from '../../shared-ui/layout';
import { Lozenge, type LozengeAppearance } from '../../shared-ui/lozenge';
import { PersonPicker } from '../../shared-ui/people-picker';
import { SectionMessage } from '../../shared-ui/section-message';
import { NativeSelect, Textfield } from '../../shared-ui/text-field';
import { acknowledgement, channelName, recipientName, utcMinute } from './format';
import { acknowledgePage, escalateIncident, getEscalationTargets, searchAssignable } from './invokes';
import { fieldError, type Cockpit } from './use-cockpit';

const STATE_TONES: Readonly<Record<PagingEpisodeView['state'], LozengeAppearance>> = { paging: 'inprogress', acknowledged: 'success', exhausted: 'removed', 'not-paged': 'default' };

export function PagingCard({ view, paging, cockpit }: { view: CockpitView; paging: PagingStatusResult; cockpit: Cockpit }) {
  const [escalating, setEscalating] = useState(false);
  // What the viewer may do comes from Jira's permissions for them (and whether they were paged);
  // an older answer without it falls back to whether they may edit the incident.
  const editable = view.viewer.readOnlyReason === undefined;
  const mayEscalate = paging.viewer?.mayEscalate ?? editable;
  const mayAcknowledge = (episode: PagingEpisodeView): boolean => episode.state === 'paging' && (episode.viewerMayAcknowledge ?? editable);
  const acknowledge = async (episodeId: string) => {
    const status = await cockpit.run('acknowledge', () => acknowledgePage(episodeId));
    if (status !== undefined) cockpit.setPaging(status);
  };
  const unanswered = paging.episodes.filter((episode) => episode.unanswered !== undefined && episode.state === 'paging');
  return (
    <div className="ir-card">
      <Section
        title="Paging"
        actions={
          mayEscalate ? (
            <Button spacing="compact" onClick={() => setEscalating(!escalating)} testId="escalate-open">
              Escalate
            </Button>
          ) : undefined
        }
      >
        {unanswered.length > 0 ? (
          <SectionMessage appearance="error" role="alert" title="Nobody has acknowledged" testId="paging-unanswered">
            Every level was paged; the last level is paged again every {unanswered[0]?.unanswered?.everyMinutes ?? 5} minutes and the fallback team is alerted until someone
            acknowledges.
          </SectionMessage>
        ) : null}
        {paging.viewer?.explanation === undefined ? null : (
          <span className="ir-muted" data-testid="paging-why-no-buttons">
            {paging.viewer.explanation}
          </span>
        )}
        {paging.episodes.length === 0 ? <span className="ir-muted">Nobody has been paged for this incident.</span> : null}
        <ul className="ir-rows" data-testid="paging">
          {paging.episodes.map((episode) => (
            <li key={episode.id}>
              <Stack space="space.025">
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <Lozenge appearance={STATE_TONES[episode.state]}>{episode.unanswered !== undefined && episode.state === 'paging' ? 'unanswered' : episode.state}</Lozenge>
                  <span>{episode.reason}</span>
                  {mayAcknowledge(episode) ? (
                    <Button spacing="compact" appearance="primary" onClick={() => void acknowledge(episode.id)} isLoading={cockpit.busy === 'acknowledge'} testId={`acknowledge-${episode.id}`}>
                      Acknowledge
                    </Button>
                  ) : null}
                </Inline>
                <span className="ir-muted">
                  {episode.deliveries
                    .map((delivery) => `${recipientName(delivery)} (${channelName(delivery.channel)}${delivery.status === 'failed' ? ', failed' : delivery.status === 'sending' ? ', sending' : ''}${delivery.resent === true ? ', re-sent' : ''})`)
                    .join(', ') || 'no pages sent'}
                  {episode.late === true ? ' · paged late: the app missed the event that should have paged' : ''}
                  {episode.nextEscalationAt === undefined ? '' : ` · escalates at ${utcMinute(episode.nextEscalationAt)} unless acknowledged`}
                </span>
                {episode.acknowledgedAt === undefined ? null : <span data-testid={`acknowledged-${episode.id}`}>{acknowledgement(episode)}</span>}
              </Stack>
            </li>
          ))}
        </ul>
        {escalating && mayEscalate ? <EscalateForm cockpit={cockpit} onDone={() => setEscalating(false)} /> : null}
      </Section>
    </div>
  );
}

function EscalateForm({ cockpit, onDone }: { cockpit: Cockpit; onDone: () => void }) {
  const [targets, setTargets] = useState<EscalationTargetsResult | undefined>();
  const [kind, setKind] = useState<'roster' | 'user'>('roster');
  const [rosterId, setRosterId] = useState('');
  const [person, setPerson] = useState<PersonView | undefined>();
  const [reason, setReason] = useState('');
  const [requestId] = useState(() => crypto.randomUUID());
  useEffect(() => {
    void getEscalationTargets().then((result) => setTargets(result.ok ? result.value : { rosters: [] }));
  }, []);
  const target = kind === 'roster' ? (rosterId === '' ? undefined : { kind, rosterId }) : person === undefined ? undefined : { kind, accountId: person.accountId };
  const submit = async () => {
    if (target === undefined) return;
    const status = await cockpit.run('escalate', () => escalateIncident({ target, reason, requestId }));
    if (status !== undefined) {
      cockpit.setPaging(status);
      onDone();
    }
  };
  return (
    <Stack space="space.100">
      <div role="radiogroup" aria-label="Whom to page">
        <Inline space="space.150">
          <label>
            <input type="radio" name="escalate-kind" checked={kind === 'roster'} onChange={() => setKind('roster')} /> A team's on-call roster
          </label>
          <label>
            <input type="radio" name="escalate-kind" checked={kind === 'user'} onChange={() => setKind('user')} /> A person
          </label>
        </Inline>
      </div>
      {kind === 'roster' ? (
        <FormField id="escalate-roster" label="Roster" error={fieldError(cockpit.failure, 'escalate', 'target')}>
          {(control) => (
            <NativeSelect {...control} value={rosterId} onChange={(event) => setRosterId(event.target.value)}>
              <option value="">{targets === undefined ? 'Loading…' : 'Choose a roster'}</option>
              {targets?.rosters.map((roster) => (
                <option key={roster.id} value={roster.id}>
                  {roster.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      ) : (
        <FormField id="escalate-person" label="Person">
        {(control) => <PersonPicker {...selectControl(control)} search={searchAssignable} value={person ?? null} onChange={(chosen) => setPerson(chosen ?? undefined)} />}
      </FormField>
      )}
      <FormField id="escalate-reason" label="Why they are needed" error={fieldError(cockpit.failure, 'escalate', 'reason')}>
        {(control) => <Textfield {...control} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </FormField>
      <Inline space="space.100">
        <Button appearance="primary" onClick={() => void submit()} isDisabled={target === undefined || reason.trim() === ''} isLoading={cockpit.busy === 'escalate'} testId="escalate-submit">
          Page them
        </Button>
        <Button appearance="subtle" onClick={onDone}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
