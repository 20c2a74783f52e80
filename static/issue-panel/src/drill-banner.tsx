/**
 * On a drill's incident: "DRILL — rehearsal" with the scenario, the time since the start, the next
 * inject and the ones that arrived, who plays which part, End drill, and the scorecard once ended.
 * Nothing at all on a real incident. Read on its own, so the cockpit's first answer never waits for it.
 */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useCallback, useEffect, useState } from 'react';
import type { DrillView } from '../../../src/contracts/drills';
import { endDrill, getDrill } from '../../shared-ui/drill-invokes';
import { Button } from '../../shared-ui/button';
import { Lozenge } from '../../shared-ui/lozenge';
import { SectionMessage } from '../../shared-ui/section-message';

const REFRESH_MS = 15_000;

const PART_NAMES = { 'incident-manager': 'Incident manager', 'tech-lead': 'Tech lead', 'communications-manager': 'Communications manager' } as const;

export function DrillBanner({ onEnded }: { onEnded: () => void }) {
  const [drill, setDrill] = useState<DrillView | undefined>();
  const [ending, setEnding] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    const result = await getDrill();
    if (result.ok) setDrill(result.value.drill);
  }, []);
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  if (drill === undefined) return null;

  const end = async () => {
    setEnding(true);
    const result = await endDrill();
    setEnding(false);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(undefined);
    setDrill(result.value.drill);
    onEnded();
  };

  const fired = drill.injects.filter((inject) => inject.firedAt !== undefined);
  return (
    <div className="ir-card" data-testid="drill-banner" role="region" aria-label="Drill">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" spread="space-between">
          <strong data-testid="drill-title">DRILL — rehearsal: {drill.scenarioTitle}</strong>
          <Lozenge appearance={drill.ended === undefined ? 'moved' : 'success'} testId="drill-elapsed">
            {drill.ended === undefined ? `${drill.elapsedMinutes} min since the start` : `ended after ${drill.elapsedMinutes} min`}
          </Lozenge>
        </Inline>
        <span>Only the participants are paged; updates stay in the drill&apos;s chat room; the drill never counts in the metrics.</span>
        <span data-testid="drill-participants">{drill.participants.map((participant) => `${PART_NAMES[participant.part]}: ${participant.name}`).join(' · ')}</span>
        {drill.nextInject === undefined ? null : (
          <span data-testid="drill-next-inject">
            Next inject at minute {drill.nextInject.atMinute}: {drill.nextInject.description}
          </span>
        )}
        {fired.length === 0 ? null : (
          <details>
            <summary>{`${fired.length} of ${drill.injects.length} injects arrived`}</summary>
            <ul className="ir-list" data-testid="drill-injects">
              {fired.map((inject) => (
                <li key={inject.index} data-testid="drill-inject" data-at-minute={inject.atMinute} data-fired-at={inject.firedAt}>
                  Minute {inject.atMinute}: {inject.description}
                </li>
              ))}
            </ul>
          </details>
        )}
        {failure === undefined ? null : (
          <SectionMessage appearance="error" title="The drill did not end" testId="drill-end-failure">
            {failure}
          </SectionMessage>
        )}
        {drill.ended === undefined ? (
          <Inline>
            <Button onClick={() => void end()} isLoading={ending} testId="end-drill">
              End drill
            </Button>
          </Inline>
        ) : (
          <Scorecard drill={drill} />
        )}
      </Stack>
    </div>
  );
}

function Scorecard({ drill }: { drill: DrillView }) {
  const scorecard = drill.ended?.scorecard;
  if (scorecard === undefined) return null;
  return (
    <Stack space="space.050" testId="drill-scorecard">
      <strong>
        Scorecard: {scorecard.ending === 'resolved' ? 'resolved' : 'abandoned'}, {scorecard.met} of {scorecard.scored} targets met
      </strong>
      <table className="ir-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Measure</th>
            <th scope="col">Actual</th>
            <th scope="col">Target</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {scorecard.lines.map((line) => (
            <tr key={line.measure} data-testid="scorecard-line" data-measure={line.measure} data-actual={line.actual} data-verdict={line.verdict}>
              <td>{line.stepName}</td>
              <td>{line.measure}</td>
              <td>{line.actual}</td>
              <td>{line.target}</td>
              <td>
                <Lozenge appearance={line.verdict === 'met' ? 'success' : line.verdict === 'missed' ? 'removed' : 'default'}>{line.verdict}</Lozenge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}
