/**
 * A dashboard at `/jira/dashboards/<id>`: Jira's own filter-results gadget for the incidents in
 * progress, then one gadget per `jira:dashboardGadget` module of the app. A gadget with an `edit`
 * view opens it first until it has been configured, and again from its Edit button; what the edit
 * view submits becomes the gadget's `gadgetConfiguration`.
 */
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { Anchor, Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import * as z from 'zod/mini';
import { describeError, requestJson } from '../api/http';
import { jira } from '../api/jira';
import type { SiteInfo, UiModuleInfo } from '../api/site-info';
import { StatusLozenge, UserView, fieldText } from '../components/issue-bits';
import { Loading, LoadFailure } from '../components/page-states';
import { CustomUiFrame } from '../host/custom-ui-frame';
import { showHostFlag } from '../host/flags';
import { defaultFilter, searchUrl } from '../saved-filters';
import { useAsync } from '../use-async';

const gadget = z.object({ id: z.string(), dashboardId: z.string(), moduleKey: z.string(), configuration: z.optional(z.record(z.string(), z.unknown())) });
type Gadget = z.infer<typeof gadget>;
// `editable`: the signed-in person may edit the dashboard, so configure its gadgets (Jira shows others no Edit).
const dashboard = z.object({ id: z.string(), name: z.string(), gadgets: z.array(gadget), editable: z.boolean() });
const dashboardList = z.object({ dashboards: z.array(z.object({ id: z.string(), name: z.string() })), defaultDashboardId: z.string() });

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400' });
const cardStyles = xcss({ border: '1px solid', borderColor: 'color.border', borderRadius: 'radius.medium', backgroundColor: 'elevation.surface.raised', boxShadow: 'elevation.shadow.raised' });
const cardHeaderStyles = xcss({ paddingInline: 'space.200', paddingBlock: 'space.150', borderBlockEnd: '1px solid', borderColor: 'color.border' });
const cardBodyStyles = xcss({ padding: 'space.150' });
const nowrapStyles = xcss({ whiteSpace: 'nowrap' });

function GadgetCard({ title, actions, children, testId }: { title: string; actions?: React.ReactNode; children: React.ReactNode; testId: string }) {
  return (
    <Box xcss={cardStyles} testId={testId} as="section" aria-label={title}>
      <Box xcss={cardHeaderStyles}>
        <Inline spread="space-between" alignBlock="center">
          <Heading size="xsmall" as="h2">
            {title}
          </Heading>
          {actions}
        </Inline>
      </Box>
      <Box xcss={cardBodyStyles}>{children}</Box>
    </Box>
  );
}

/** Jira's filter-results gadget, showing the site's "incidents in progress" filter. */
function FilterResultsGadget() {
  const [results] = useAsync(() => jira.search(defaultFilter.jql, ['summary', 'status', 'assignee'], 20), []);
  return (
    <GadgetCard title={`Filter results: ${defaultFilter.name}`} testId="gadget-filter-results" actions={<Anchor href={`/issues/?filter=${defaultFilter.id}`}>View all</Anchor>}>
      {results.status === 'failed' ? (
        <Text color="color.text.danger">{describeError(results.error)}</Text>
      ) : (
        <DynamicTable
          head={{
            cells: [
              { key: 'key', content: 'Key', width: 14 },
              { key: 'summary', content: 'Summary', width: 46 },
              { key: 'status', content: 'Status', width: 15 },
              { key: 'assignee', content: 'Assignee', width: 25 },
            ],
          }}
          rows={
            results.status === 'loaded'
              ? results.value.issues.map((issue) => ({
                  key: issue.id,
                  cells: [
                    {
                      key: 'key',
                      content: (
                        <Box as="span" xcss={nowrapStyles}>
                          <Anchor href={`/browse/${issue.key}`}>{issue.key}</Anchor>
                        </Box>
                      ),
                    },
                    { key: 'summary', content: fieldText(issue.fields['summary']) },
                    { key: 'status', content: <StatusLozenge value={issue.fields['status']} /> },
                    {
                      key: 'assignee',
                      content: (
                        <Box as="span" xcss={nowrapStyles}>
                          <UserView value={issue.fields['assignee']} />
                        </Box>
                      ),
                    },
                  ],
                }))
              : []
          }
          isLoading={results.status === 'loading'}
          emptyView={<Text>No incidents in progress.</Text>}
        />
      )}
    </GadgetCard>
  );
}

function AppGadget({ module, initial, editable }: { module: UiModuleInfo; initial: Gadget; editable: boolean }) {
  const [current, setCurrent] = useState(initial);
  // A viewer who may not edit the dashboard sees the gadget's view, configured or not (it shows its defaults).
  const hasEdit = module.resources.edit !== undefined && editable;
  const [editing, setEditing] = useState(hasEdit && current.configuration === undefined);
  const extension = {
    gadget: { id: current.id },
    dashboard: { id: current.dashboardId },
    gadgetConfiguration: current.configuration ?? {},
    ...(editing ? { entryPoint: 'edit' } : {}),
  };
  const save = async (payload: unknown) => {
    const configuration = z.record(z.string(), z.unknown()).safeParse(payload ?? {});
    if (!configuration.success) throw new Error('A gadget configuration must be an object');
    const saved = await requestJson(`/__web/dashboards/${current.dashboardId}/gadgets/${current.id}/configuration`, gadget, { method: 'PUT', body: configuration.data });
    setCurrent(saved);
    setEditing(false);
    showHostFlag({ id: `gadget-${current.id}-saved`, title: `${module.title} saved`, appearance: 'success', bold: false, actions: [], autoDismiss: true });
  };
  return (
    <GadgetCard
      title={module.title}
      testId={`gadget-${module.key}`}
      actions={
        hasEdit && !editing ? (
          <Button appearance="subtle" onClick={() => setEditing(true)} testId={`gadget-edit-${module.key}`}>
            Edit
          </Button>
        ) : null
      }
    >
      {editing ? (
        <CustomUiFrame
          key="edit"
          module={module}
          entryPoint="edit"
          instance={current.id}
          extension={extension}
          handlers={{
            submit: save,
            ...(current.configuration === undefined ? {} : { close: () => setEditing(false) }),
          }}
        />
      ) : (
        <CustomUiFrame key="view" module={module} instance={current.id} extension={extension} handlers={{ refresh: () => setCurrent((value) => ({ ...value })) }} />
      )}
    </GadgetCard>
  );
}

export function DashboardPage({ info, dashboardId }: { info: SiteInfo; dashboardId: string | undefined }) {
  const [state] = useAsync(async () => {
    const id = dashboardId ?? (await requestJson('/__web/dashboards', dashboardList)).defaultDashboardId;
    return requestJson(`/__web/dashboards/${encodeURIComponent(id)}`, dashboard);
  }, [dashboardId]);
  if (state.status === 'loading') return <Loading label="Loading dashboard" />;
  if (state.status === 'failed') return <LoadFailure error={state.error} what="dashboard" />;
  const board = state.value;
  const modules = new Map(info.modules.filter((module) => module.kind === 'jira:dashboardGadget').map((module) => [module.key, module]));
  return (
    <Box xcss={pageStyles} testId="dashboard-page">
      <Stack space="space.300">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="large">{board.name}</Heading>
          <Anchor href={searchUrl(defaultFilter.jql)}>Search incidents</Anchor>
        </Inline>
        {modules.size === 0 ? (
          <SectionMessage appearance="information" title="No app gadgets">
            <Text as="p">The app declares no jira:dashboardGadget modules in manifest.yml.</Text>
          </SectionMessage>
        ) : null}
        <Grid templateColumns="repeat(auto-fit, minmax(420px, 1fr))" gap="space.300" alignItems="start">
          <FilterResultsGadget />
          {board.gadgets.map((item) => {
            const module = modules.get(item.moduleKey);
            return module === undefined ? null : <AppGadget key={item.id} module={module} initial={item} editable={board.editable} />;
          })}
        </Grid>
      </Stack>
    </Box>
  );
}
