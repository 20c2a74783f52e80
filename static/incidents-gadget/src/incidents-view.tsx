/** The gadget itself: the incidents in progress, refreshed on an interval, each linking to its issue. */
import { Badge, Button, DynamicTable, EmptyState, Inline, Link, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { useCallback, useEffect, useState } from 'react';
import { describeRefresh, type GadgetConfig } from './gadget-config';
import { formatAge, severityAppearance, type StatusCategory } from './incident-rows';
import { searchIncidents, type SearchOutcome } from './jira-search';

type Load = { state: 'loading' } | { state: 'loaded'; outcome: SearchOutcome; at: number };

const statusAppearance: Record<StatusCategory, 'new' | 'inprogress' | 'success' | 'default'> = {
  new: 'new',
  indeterminate: 'inprogress',
  done: 'success',
  undefined: 'default',
};

const head = {
  cells: [
    { key: 'key', content: 'Key' },
    { key: 'severity', content: 'Severity' },
    { key: 'summary', content: 'Summary' },
    { key: 'status', content: 'Status' },
    { key: 'im', content: 'Incident manager' },
    { key: 'age', content: 'Age' },
  ],
};

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
    const timer = setInterval(() => void refresh(), config.refreshMinutes * 60_000);
    return () => clearInterval(timer);
  }, [refresh, config.refreshMinutes]);

  // Ages keep counting between refreshes.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (load.state === 'loading') return <Spinner label="Loading incidents" />;
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
          <Text size="small" color="color.text.subtlest">
            {refreshing ? 'Refreshing…' : `Updated ${new Date(load.at).toLocaleTimeString()} · auto-refresh ${describeRefresh(config.refreshMinutes).toLowerCase()}`}
          </Text>
          <Button appearance="subtle" spacing="compact" onClick={() => void refresh()} isDisabled={refreshing} testId="gadget-refresh">
            Refresh
          </Button>
        </Inline>
      </Inline>
      {!outcome.ok ? (
        <SectionMessage appearance="error" title="The incidents could not be listed">
          <Text>{outcome.message}</Text>
          <Button onClick={() => void refresh()}>Try again</Button>
        </SectionMessage>
      ) : outcome.rows.length === 0 ? (
        <EmptyState header="No incidents in progress" description={`Nothing matches ${config.jql}`} />
      ) : (
        <>
          <DynamicTable
            label="Incidents in progress"
            testId="incidents-table"
            head={head}
            rows={outcome.rows.map((row) => ({
              key: row.id,
              cells: [
                { key: 'key', content: <Link href={`/browse/${row.key}`}>{row.key}</Link> },
                { key: 'severity', content: row.severity === undefined ? <Text color="color.text.subtlest">—</Text> : <Lozenge appearance={severityAppearance(row.severity)}>{row.severity}</Lozenge> },
                { key: 'summary', content: row.summary },
                { key: 'status', content: <Lozenge appearance={statusAppearance[row.statusCategory]}>{row.status}</Lozenge> },
                { key: 'im', content: row.incidentManager === undefined ? <Text color="color.text.warning">No IM yet</Text> : row.incidentManager },
                { key: 'age', content: formatAge(row.created, now) },
              ],
            }))}
          />
          {outcome.more ? (
            <Text size="small" color="color.text.subtle">
              Showing the first {outcome.rows.length}; narrow the query to see the rest.
            </Text>
          ) : null}
        </>
      )}
    </Stack>
  );
}
