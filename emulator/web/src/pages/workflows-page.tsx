/**
 * Workflow settings at `/jira/settings/issues/workflows`: each workflow's transitions with the
 * app's post-functions on them. Adding or editing one shows the module's `create` or `edit` view;
 * the Add/Update button asks the view for its configuration (`workflowRules.onConfigure`, or
 * `view.submit`) and stores it on the transition, where Jira hands it to the post-function. The
 * `view` view shows a configured post-function with `extension.postFunctionConfig`.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { useRef, useState } from 'react';
import * as z from 'zod/mini';
import { describeError, requestJson } from '../api/http';
import { jira } from '../api/jira';
import type { SiteInfo, UiModuleInfo } from '../api/site-info';
import { FullPageMessage, Loading, LoadFailure } from '../components/page-states';
import { CustomUiFrame } from '../host/custom-ui-frame';
import { showHostFlag } from '../host/flags';
import { useAsync } from '../use-async';

export const postFunctionRule = z.object({ moduleKey: z.string(), configuration: z.string() });
const transitionInfo = z.object({ id: z.string(), name: z.string(), from: z.array(z.string()), to: z.string(), postFunctions: z.array(postFunctionRule) });
type TransitionInfo = z.infer<typeof transitionInfo>;
const workflowInfo = z.object({ id: z.string(), name: z.string(), description: z.string(), transitions: z.array(transitionInfo) });
type WorkflowInfo = z.infer<typeof workflowInfo>;
const workflowList = z.object({ workflows: z.array(workflowInfo) });

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400', maxWidth: '1100px' });
const cardStyles = xcss({ border: '1px solid', borderColor: 'color.border', borderRadius: 'radius.medium', padding: 'space.200' });
const ruleStyles = xcss({ borderBlockStart: '1px solid', borderColor: 'color.border', paddingBlockStart: 'space.150' });

type Editing = { kind: 'create'; moduleKey: string } | { kind: 'edit'; index: number };

interface TransitionProps {
  workflow: WorkflowInfo;
  transition: TransitionInfo;
  modules: UiModuleInfo[];
  onSaved: (workflow: WorkflowInfo) => void;
}

function TransitionRules({ workflow, transition, modules, onSaved }: TransitionProps) {
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [choice, setChoice] = useState<string>(modules[0]?.key ?? '');
  const [saving, setSaving] = useState(false);
  const configure = useRef<(() => Promise<unknown>) | undefined>(undefined);
  const moduleByKey = new Map(modules.map((module) => [module.key, module]));

  const store = async (rules: { moduleKey: string; configuration: string }[]) => {
    setSaving(true);
    try {
      const saved = await requestJson(`/__web/workflows/${encodeURIComponent(workflow.id)}/transitions/${encodeURIComponent(transition.id)}/post-functions`, workflowInfo, {
        method: 'PUT',
        body: { postFunctions: rules },
      });
      onSaved(saved);
      setEditing(undefined);
      configure.current = undefined;
    } catch (error) {
      showHostFlag({ id: `rule-${Date.now()}`, title: "Couldn't save the post function", description: describeError(error), appearance: 'error', bold: false, actions: [], autoDismiss: true });
    } finally {
      setSaving(false);
    }
  };

  const save = async (configuration: unknown) => {
    if (editing === undefined || configuration === undefined || configuration === null) return;
    const text = typeof configuration === 'string' ? configuration : JSON.stringify(configuration);
    const rules = [...transition.postFunctions];
    if (editing.kind === 'create') rules.push({ moduleKey: editing.moduleKey, configuration: text });
    else {
      const current = rules[editing.index];
      if (current !== undefined) rules[editing.index] = { ...current, configuration: text };
    }
    await store(rules);
  };

  const editingModule = editing === undefined ? undefined : moduleByKey.get(editing.kind === 'create' ? editing.moduleKey : (transition.postFunctions[editing.index]?.moduleKey ?? ''));
  const editingConfig = editing?.kind === 'edit' ? transition.postFunctions[editing.index]?.configuration : undefined;
  const extension = (entryPoint: 'create' | 'edit' | 'view', config: string | undefined) => ({
    entryPoint,
    workflowId: workflow.id,
    workflowName: workflow.name,
    transitionContext: { id: transition.id, name: transition.name, from: transition.from, to: transition.to },
    isNewEditor: false,
    ...(config === undefined ? {} : { postFunctionConfig: config }),
  });

  return (
    <Box xcss={cardStyles} testId={`transition-rules-${workflow.id}-${transition.id}`}>
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as="h3">
            {transition.name}
          </Heading>
          <Text color="color.text.subtle">{`${transition.from.length === 0 ? 'Any status' : transition.from.join(', ')} → ${transition.to}`}</Text>
        </Inline>
        {transition.postFunctions.map((rule, index) => {
          const module = moduleByKey.get(rule.moduleKey);
          return (
            <Box key={`${rule.moduleKey}-${index}`} xcss={ruleStyles}>
              <Stack space="space.100">
                <Inline spread="space-between" alignBlock="center">
                  <Inline space="space.100" alignBlock="center">
                    <Lozenge appearance="new">App</Lozenge>
                    <Text weight="medium">{module?.title ?? rule.moduleKey}</Text>
                  </Inline>
                  <Inline space="space.100">
                    {module?.resources.edit === undefined ? null : (
                      <Button spacing="compact" onClick={() => setEditing({ kind: 'edit', index })} isDisabled={editing !== undefined}>
                        Edit
                      </Button>
                    )}
                    <Button spacing="compact" appearance="subtle" onClick={() => void store(transition.postFunctions.filter((_, position) => position !== index))} isDisabled={saving}>
                      Remove
                    </Button>
                  </Inline>
                </Inline>
                {module !== undefined && module.resources.view !== undefined ? (
                  <CustomUiFrame module={module} entryPoint="view" instance={`${workflow.id}-${transition.id}-${index}`} extension={extension('view', rule.configuration)} />
                ) : (
                  <Text size="small" color="color.text.subtle">
                    <code>{rule.configuration}</code>
                  </Text>
                )}
              </Stack>
            </Box>
          );
        })}
        {editing !== undefined && editingModule !== undefined ? (
          <Box xcss={ruleStyles} testId="post-function-editor">
            <Stack space="space.150">
              <Text weight="medium">{`${editing.kind === 'create' ? 'Add' : 'Edit'} ${editingModule.title}`}</Text>
              <CustomUiFrame
                module={editingModule}
                entryPoint={editing.kind}
                instance={`${workflow.id}-${transition.id}-${editing.kind}`}
                extension={extension(editing.kind, editingConfig)}
                handlers={{
                  setConfigureCallback: (callback) => {
                    configure.current = callback;
                  },
                  submit: save,
                  close: () => setEditing(undefined),
                }}
              />
              <Inline space="space.100">
                <Button
                  appearance="primary"
                  isDisabled={saving}
                  onClick={() => {
                    // The click handler returns nothing; every failure is caught and shown as a flag inside.
                    void (async () => {
                    if (configure.current === undefined) {
                      showHostFlag({
                        id: `rule-${Date.now()}`,
                        title: 'The view gave no configuration',
                        description: 'It registers none with workflowRules.onConfigure, nor calls view.submit.',
                        appearance: 'warning',
                        bold: false,
                        actions: [],
                        autoDismiss: true,
                      });
                      return;
                    }
                    try {
                      await save(await configure.current());
                    } catch (error) {
                      showHostFlag({ id: `rule-${Date.now()}`, title: 'The view failed to give its configuration', description: describeError(error), appearance: 'error', bold: false, actions: [], autoDismiss: true });
                    }
                    })();
                  }}
                  testId="post-function-save"
                >
                  {editing.kind === 'create' ? 'Add' : 'Update'}
                </Button>
                <Button appearance="subtle" onClick={() => setEditing(undefined)}>
                  Cancel
                </Button>
              </Inline>
            </Stack>
          </Box>
        ) : null}
        {editing === undefined && modules.length > 0 ? (
          <Inline space="space.100" alignBlock="center">
            {modules.length > 1 ? (
              <Box xcss={xcss({ width: '260px' })}>
                <Select
                  aria-label="Post function"
                  options={modules.map((module) => ({ label: module.title, value: module.key }))}
                  value={{ label: moduleByKey.get(choice)?.title ?? choice, value: choice }}
                  onChange={(option) => setChoice(option?.value ?? choice)}
                  spacing="compact"
                />
              </Box>
            ) : null}
            <Button spacing="compact" onClick={() => setEditing({ kind: 'create', moduleKey: choice })} testId={`add-post-function-${transition.id}`}>
              {modules.length > 1 ? 'Add post function' : `Add ${modules[0]?.title ?? 'post function'}`}
            </Button>
          </Inline>
        ) : null}
      </Stack>
    </Box>
  );
}

export function WorkflowsPage({ info }: { info: SiteInfo }) {
  const modules = info.modules.filter((module) => module.kind === 'jira:workflowPostFunction');
  const [permission] = useAsync(() => jira.hasPermissions(['ADMINISTER']), []);
  const [state, reload] = useAsync(() => requestJson('/__web/workflows', workflowList), []);
  const [overrides, setOverrides] = useState<Record<string, WorkflowInfo>>({});
  if (permission.status === 'loading' || state.status === 'loading') return <Loading label="Loading workflows" />;
  if (permission.status === 'failed') return <LoadFailure error={permission.error} what="settings page" />;
  if (permission.value['ADMINISTER'] !== true) {
    return (
      <FullPageMessage title="You don't have access to this page" testId="page-403">
        Only Jira administrators can change workflows.
      </FullPageMessage>
    );
  }
  if (state.status === 'failed') return <LoadFailure error={state.error} what="workflow list" />;
  return (
    <Box xcss={pageStyles} testId="workflows-page">
      <Stack space="space.300">
        <Stack space="space.050">
          <Heading size="large">Workflows</Heading>
          <Text color="color.text.subtle">Post functions run after a transition; the app&apos;s post functions get the configuration stored here.</Text>
        </Stack>
        {modules.length === 0 ? (
          <SectionMessage appearance="information" title="No post functions">
            <Text as="p">The app declares no jira:workflowPostFunction modules.</Text>
          </SectionMessage>
        ) : null}
        {state.value.workflows.map((original) => {
          const workflow = overrides[original.id] ?? original;
          return (
            <Stack key={workflow.id} space="space.150">
              <Heading size="medium" as="h2">
                {workflow.name}
              </Heading>
              {workflow.description === '' ? null : <Text color="color.text.subtle">{workflow.description}</Text>}
              {workflow.transitions.map((transition) => (
                <TransitionRules
                  key={transition.id}
                  workflow={workflow}
                  transition={transition}
                  modules={modules}
                  onSaved={(saved) => {
                    setOverrides((previous) => ({ ...previous, [saved.id]: saved }));
                    reload();
                  }}
                />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Box>
  );
}
