/** Review: the handbook's discipline questions the facts raise, open streams of work, fatigue and the handover brief. */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useState } from 'react';
import type { CockpitView } from '../../../src/contracts/cockpit';
import { Button } from '../../shared-ui/button';
import { Section } from '../../shared-ui/layout';
import { Lozenge } from '../../shared-ui/lozenge';
import { SectionMessage } from '../../shared-ui/section-message';
import { duration } from './format';

export function ReviewTab({ view, onHandOver }: { view: CockpitView; onHandOver: () => void }) {
  const { review } = view;
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(review.handoverBrief).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <Stack space="space.200">
      {review.fatigue.map((warning) => (
        <SectionMessage role="status" key={`${warning.person.accountId}-${warning.role}`} appearance={warning.urgency === 'hand-over-now' ? 'warning' : 'information'} title={warning.urgency === 'hand-over-now' ? 'Time to hand over' : 'Plan a handover'} testId="fatigue">
          <span>{warning.message}</span>
          {warning.role === 'incident-manager' && view.viewer.readOnlyReason === undefined ? (
            <Inline>
              <Button spacing="compact" onClick={onHandOver}>
                Choose who takes over
              </Button>
            </Inline>
          ) : null}
        </SectionMessage>
      ))}
      <Section title="Discipline">
        {review.prompts.length === 0 ? <span className="ir-muted">Nothing the recorded facts show needs attention. Keep asking the questions anyway.</span> : null}
        <ul className="ir-rows" data-testid="prompts">
          {review.prompts.map((prompt) => (
            <li key={prompt.prompt}>
              <Stack space="space.025">
                <strong>{prompt.question}</strong>
                <span>{prompt.prompt}</span>
              </Stack>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Open streams of work">
        {review.openStreams.length === 0 ? <span className="ir-muted">No untested theory or running experiment.</span> : null}
        <ul className="ir-rows">
          {review.openStreams.map((stream) => (
            <li key={stream}>{stream}</li>
          ))}
        </ul>
      </Section>
      <Section title="Time on the incident">
        {review.timeOnIncident.length === 0 ? <span className="ir-muted">Nobody holds a role yet.</span> : null}
        <ul className="ir-rows">
          {review.timeOnIncident.map((entry) => (
            <li key={entry.person.accountId}>
              <Inline space="space.100" alignBlock="center">
                <span>{entry.person.displayName}</span>
                <span>{duration(entry.ms)}</span>
                {entry.active ? null : <Lozenge appearance="default">off the incident</Lozenge>}
              </Inline>
            </li>
          ))}
        </ul>
      </Section>
      <Section
        title="Handover brief"
        actions={
          <Button spacing="compact" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        }
      >
        <pre className="ir-pre" data-testid="handover-brief">
          {review.handoverBrief}
        </pre>
      </Section>
    </Stack>
  );
}
