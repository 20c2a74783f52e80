/** The gadget: TTD, TTR and time to acknowledge (median, p90, histogram), counts by severity and service, the trend, and the incomplete incidents. */
import { BarChart, Box, EmptyState, Heading, HorizontalBarChart, Inline, LineChart, Link, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { useEffect, useState } from 'react';
import { METRICS_GADGET_RESOLVER_KEYS, type DistributionView, type IncidentMetricsView, type MetricsBar, type MetricsFilterDocument } from '../../../src/contracts/metrics-gadget';
import { callResolver } from './call-resolver';
import { chartRows, describeFilter, formatMinutes, searchUrl } from './metrics-format';

type Load = { state: 'loading' } | { state: 'loaded'; view: IncidentMetricsView } | { state: 'failed'; message: string };

function Figure({ name, testId, distribution }: { name: string; testId: string; distribution: DistributionView }) {
  return (
    <Box testId={testId}>
      <Stack space="space.050">
        <Text weight="bold">{name}</Text>
        <Text>{`Median ${formatMinutes(distribution.medianMs)} · p90 ${formatMinutes(distribution.p90Ms)} · ${distribution.count} incidents`}</Text>
      </Stack>
    </Box>
  );
}

function DrillDown({ bars }: { bars: readonly MetricsBar[] }) {
  return (
    <Inline space="space.100" shouldWrap>
      {bars
        .filter((bar) => bar.count > 0)
        .map((bar) => (
          <Link key={bar.label} href={searchUrl(bar.jql)}>{`${bar.label} (${bar.count})`}</Link>
        ))}
    </Inline>
  );
}

export function MetricsView({ filter }: { filter: MetricsFilterDocument }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    callResolver<IncidentMetricsView>(METRICS_GADGET_RESOLVER_KEYS.getIncidentMetrics, { filter })
      .then((result) => {
        if (!current) return;
        setLoad(result.ok ? { state: 'loaded', view: result.value } : { state: 'failed', message: result.error.message });
      })
      .catch((error: unknown) => {
        if (current) setLoad({ state: 'failed', message: error instanceof Error ? error.message : 'The metrics could not be loaded.' });
      });
    return () => {
      current = false;
    };
    // The filter is compared by value: a new object with the same choices does not reload.
  }, [filterKey]);

  if (load.state === 'loading') return <Spinner label="Loading incident metrics" />;
  if (load.state === 'failed') {
    return (
      <SectionMessage appearance="error" title="The incident metrics could not be loaded">
        <Text>{load.message}</Text>
      </SectionMessage>
    );
  }
  const { view } = load;
  const severityLabel = (level: 1 | 2 | 3): string => view.bySeverity.find((bar) => bar.label.endsWith(String(level)))?.label ?? `Sev ${level}`;
  return (
    <Stack space="space.200" testId="incident-metrics">
      <Text testId="metrics-filter">{describeFilter(view.filter, severityLabel)}</Text>
      {view.total === 0 ? (
        <EmptyState header="No incidents" description="No incident matches these filters in this period; cancelled incidents and drills are never counted." />
      ) : (
        <Stack space="space.200">
          <Inline space="space.300" shouldWrap>
            <Box testId="metrics-total">
              <Stack space="space.050">
                <Text weight="bold">Incidents</Text>
                <Text>{`${view.total} counted · ${view.resolved} resolved`}</Text>
                <Link href={searchUrl(view.jql)}>Open in Jira</Link>
              </Stack>
            </Box>
            <Figure name="Time to detect" testId="metrics-ttd" distribution={view.timeToDetect} />
            <Figure name="Time to recover" testId="metrics-ttr" distribution={view.timeToRecover} />
            <Figure name="Time to acknowledge the first page" testId="metrics-tta" distribution={view.timeToAcknowledge} />
          </Inline>
          <Heading size="small">Time to detect</Heading>
          <BarChart data={chartRows(view.timeToDetect.histogram)} xAccessor={0} yAccessor={1} title="Time to detect" />
          <Heading size="small">Time to recover</Heading>
          <BarChart data={chartRows(view.timeToRecover.histogram)} xAccessor={0} yAccessor={1} title="Time to recover" />
          <DrillDown bars={view.timeToRecover.histogram} />
          <Heading size="small">By severity</Heading>
          <BarChart data={chartRows(view.bySeverity)} xAccessor={0} yAccessor={1} title="Incidents by severity" />
          <DrillDown bars={view.bySeverity} />
          <Heading size="small">By faulty service</Heading>
          <HorizontalBarChart data={chartRows(view.byService)} xAccessor={1} yAccessor={0} title="Incidents by faulty service" />
          <DrillDown bars={view.byService} />
          <Heading size="small">{view.filter.trend === 'month' ? 'Incidents per month' : 'Incidents per week'}</Heading>
          <LineChart data={chartRows(view.trend)} xAccessor={0} yAccessor={1} title="Trend" />
          <DrillDown bars={view.trend} />
        </Stack>
      )}
      {view.incomplete.count > 0 ? (
        <SectionMessage appearance="warning" title={`${view.incomplete.count} resolved incidents are incomplete`}>
          <Stack space="space.050">
            <Text>They lack an impact time, so they are left out of the durations they need (but counted above).</Text>
            <Inline space="space.100" shouldWrap>
              {view.incomplete.incidents.map((incident) => (
                <Link key={incident.key} href={`/browse/${incident.key}`}>{`${incident.key} (no ${incident.missing.join(', ')})`}</Link>
              ))}
            </Inline>
            <Link href={searchUrl(view.incomplete.jql)}>All resolved incidents in Jira</Link>
          </Stack>
        </SectionMessage>
      ) : null}
    </Stack>
  );
}
