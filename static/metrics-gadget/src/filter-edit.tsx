/** The gadget's edit view: period, severity, faulty service, affected product and trend, saved as the gadget's configuration with `view.submit`. */
import { view } from '@forge/bridge';
import { Box, Button, Form, FormFooter, Label, Select, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { useEffect, useState } from 'react';
import { METRICS_GADGET_RESOLVER_KEYS, METRICS_PERIODS, type MetricsFilterDocument, type MetricsFilterOptions } from '../../../src/contracts/metrics-gadget';
import { callResolver } from './call-resolver';
import { PERIOD_LABELS } from './metrics-format';

interface Option<T> {
  label: string;
  value: T;
}

const ALL = '';

function valueOf<T>(option: unknown, fallback: T): T {
  const value = typeof option === 'object' && option !== null ? (option as { value?: unknown }).value : undefined;
  return value === undefined ? fallback : (value as T);
}

export function FilterEdit({ filter }: { filter: MetricsFilterDocument }) {
  const [draft, setDraft] = useState<MetricsFilterDocument>(filter);
  const [options, setOptions] = useState<MetricsFilterOptions | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    callResolver<MetricsFilterOptions>(METRICS_GADGET_RESOLVER_KEYS.getFilterOptions, {})
      .then((result) => (result.ok ? setOptions(result.value) : setFailure(result.error.message)))
      .catch(() => setFailure('The filter choices could not be loaded.'));
  }, []);

  if (failure !== undefined) {
    return (
      <SectionMessage appearance="error" title="The gadget cannot be configured">
        <Text>{failure}</Text>
      </SectionMessage>
    );
  }
  if (options === undefined) return <Spinner label="Loading filter choices" />;

  const periods: Option<string>[] = METRICS_PERIODS.map((period) => ({ label: PERIOD_LABELS[period], value: period }));
  const severities: Option<string>[] = [{ label: 'All severities', value: ALL }, ...options.severities.map((severity) => ({ label: severity.label, value: String(severity.level) }))];
  const services: Option<string>[] = [{ label: 'All services', value: ALL }, ...options.services.map((service) => ({ label: service, value: service }))];
  const products: Option<string>[] = [{ label: 'All products', value: ALL }, ...options.products.map((product) => ({ label: product, value: product }))];
  const trends: Option<string>[] = [
    { label: 'Per week', value: 'week' },
    { label: 'Per month', value: 'month' },
  ];
  const selected = (list: Option<string>[], value: string) => list.find((option) => option.value === value) ?? list[0];
  const without = (key: 'service' | 'product', value: string): MetricsFilterDocument => {
    const rest: MetricsFilterDocument = { period: draft.period, severities: draft.severities, trend: draft.trend, ...(key === 'service' || draft.service === undefined ? {} : { service: draft.service }), ...(key === 'product' || draft.product === undefined ? {} : { product: draft.product }) };
    return value === ALL ? rest : { ...rest, [key]: value };
  };

  return (
    <Box testId="metrics-edit">
      <Form onSubmit={() => view.submit(draft)}>
        <Stack space="space.150">
          <Label labelFor="metrics-period">Period</Label>
          <Select inputId="metrics-period" options={periods} value={selected(periods, draft.period)} onChange={(option) => setDraft({ ...draft, period: valueOf(option, draft.period) })} />
          <Label labelFor="metrics-severity">Severity</Label>
          <Select
            inputId="metrics-severity"
            options={severities}
            value={selected(severities, draft.severities.length === 1 ? String(draft.severities[0]) : ALL)}
            onChange={(option) => {
              const level = Number(valueOf(option, ALL));
              setDraft({ ...draft, severities: level === 1 || level === 2 || level === 3 ? [level] : [] });
            }}
          />
          <Label labelFor="metrics-service">Faulty service</Label>
          <Select inputId="metrics-service" options={services} value={selected(services, draft.service ?? ALL)} onChange={(option) => setDraft(without('service', valueOf(option, ALL)))} />
          <Label labelFor="metrics-product">Affected product</Label>
          <Select inputId="metrics-product" options={products} value={selected(products, draft.product ?? ALL)} onChange={(option) => setDraft(without('product', valueOf(option, ALL)))} />
          <Label labelFor="metrics-trend">Trend</Label>
          <Select inputId="metrics-trend" options={trends} value={selected(trends, draft.trend)} onChange={(option) => setDraft({ ...draft, trend: valueOf(option, draft.trend) === 'month' ? 'month' : 'week' })} />
        </Stack>
        <FormFooter>
          <Button type="submit" appearance="primary">
            Save
          </Button>
        </FormFooter>
      </Form>
    </Box>
  );
}
