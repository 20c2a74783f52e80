/** The gadget itself: the incidents in progress, refreshed on an interval, each linking to its issue. */
import Badge from '@atlaskit/badge';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { router } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../shared-ui/button';
import { DataTable } from '../../shared-ui/data-table';
import { Lozenge } from '../../shared-ui/lozenge';
import { EmptyState, ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeRefresh, type GadgetConfig } from './gadget-config';
import { formatAge, severityAppearance, type IncidentRow, type StatusCategory } from './incident-rows';
import { searchIncidents, type SearchOutcome } from './jira-search';

type Load = { state: 'loading' } | { state: 'loaded'; outcome: SearchOutcome; at: number };

const statusAppearance: Record<StatusCategory, 'new' | 'inprogress' | 'success' | 'default'> = {
  new: 'new',
  indeterminate: 'inprogress',
  done: 'success',
  undefined: 'default',
};

function openIssue(issueKey: string): void {
  void router.navigate({ target: 'issue', issueKey }).catch(() => router.open(`/browse/${issueKey}`));
}

function IssueLink({ row }: { row: IncidentRow }) {
  return (
    <a
      className="ir-key-link"
      href={`/browse/${row.key}`}
      onClick={(event) => {
        event.preventDefault();
        openIssue(row.key);
      }}
    >
      {row.key}
    </a>
  );
}

export function IncidentsView({ config }: { config: GadgetConfig }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    setRefreshing(true);
    const outcome = await searchIncidents(config.jql);
    const at = Date.now();
    setLoad({ state: 'loaded', outcome, at });
    setNow(at);
    setRefreshing(false);
  }, [config.jql]);

  useEffect(() => {
    void refresh();
    if (config.refreshMinutes === 0) return undefined;
    const timer = window.setInterval(() => void refresh(), config.refreshMinutes * 60_000);
    return () => window.clearInterval(timer);
  }, [refresh, config.refreshMinutes]);

  // Ages keep counting between refreshes.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  if (load.state === 'loading') return <LoadingState label="Loading incidents" />;
  const { outcome } = load;
  return (
    <Stack space="space.100" testId="incidents-gadget">
      <Inline spread="space-between" alignBlock="center" shouldWrap>
        <Inline space="space.100" alignBlock="center">
          {outcome.ok ? (
            <>
              <Badge appearance={outcome.rows.length > 0 ? 'important' : 'default'}>{outcome.rows.length}</Badge>
              <Text>{outcome.rows.length === 1 ? 'incident in progress' : 'incidents in progress'}</Text>
            </>
          ) : null}
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Text size="small" color="color.text.subtlest" role="status">
            {refreshing ? 'Refreshing…' : `Updated ${new Date(load.at).toLocaleTimeString()} · auto-refresh ${describeRefresh(config.refreshMinutes).toLowerCase()}`}
          </Text>
          <Button appearance="subtle" spacing="compact" onClick={() => void refresh()} isDisabled={refreshing} testId="gadget-refresh">
            Refresh
          </Button>
        </Inline>
      </Inline>
      {!outcome.ok ? (
        <ErrorState title="The incidents could not be listed" message={outcome.message} onRetry={() => void refresh()} />
      ) : outcome.rows.length === 0 ? (
        <EmptyState title="No incidents in progress">Nothing matches {config.jql}</EmptyState>
      ) : (
        <>
          <DataTable
            label="Incidents in progress"
            testId="incidents-table"
            columns={[
              { key: 'key', label: 'Key' },
              { key: 'severity', label: 'Severity' },
              { key: 'summary', label: 'Summary' },
              { key: 'status', label: 'Status' },
              { key: 'im', label: 'Incident manager' },
              { key: 'age', label: 'Age' },
            ]}
            rows={outcome.rows.map((row) => ({
              key: row.id,
              cells: {
                key: <IssueLink row={row} />,
                severity: row.severity === undefined ? <Text color="color.text.subtlest">—</Text> : <Lozenge appearance={severityAppearance(row.severity)}>{row.severity}</Lozenge>,
                summary: row.summary,
                status: <Lozenge appearance={statusAppearance[row.statusCategory]}>{row.status}</Lozenge>,
                im: row.incidentManager === undefined ? <Text color="color.text.warning">No IM yet</Text> : row.incidentManager,
                age: <time dateTime={row.created} title={row.created === '' ? undefined : new Date(row.created).toLocaleString()}>{formatAge(row.created, now)}</time>,
              },
            }))}
          />
          {outcome.more ? <Text size="small" color="color.text.subtle">Showing the first {outcome.rows.length}; narrow the query to see the rest.</Text> : null}
        </>
      )}
    </Stack>
  );
}
