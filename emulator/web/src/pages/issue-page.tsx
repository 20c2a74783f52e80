/**
 * The issue view at `/browse/<KEY>`, laid out like Jira's: summary, description, linked issues and
 * web links, the app's issue panels in place, then activity (comments, history); on the right the
 * status with its transitions and the details, the app's fields named as `/rest/api/3/field` names
 * them.
 */
import Button from '@atlaskit/button/new';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Anchor, Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import TextArea from '@atlaskit/textarea';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { jira, type JiraField, type JiraIssue, type JiraTransition, type RemoteLink } from '../api/jira';
import { describeError, HttpError } from '../api/http';
import type { SiteInfo, UiModuleInfo } from '../api/site-info';
import { AdfView, textToAdf } from '../components/adf-view';
import { FieldValue, isEmptyValue } from '../components/field-value';
import { formatDateTime, StatusLozenge, UserView, fieldText } from '../components/issue-bits';
import { Loading, LoadFailure } from '../components/page-states';
import { useBridgeHost } from '../host/bridge-context';
import { CustomUiFrame } from '../host/custom-ui-frame';
import { showHostFlag } from '../host/flags';
import { searchUrl } from '../saved-filters';
import { useAsync } from '../use-async';

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400', maxWidth: '1400px' });
const sideStyles = xcss({ border: '1px solid', borderColor: 'color.border', borderRadius: 'radius.medium', padding: 'space.200' });
const sectionStyles = xcss({ border: '1px solid', borderColor: 'color.border', borderRadius: 'radius.medium' });
const sectionHeaderStyles = xcss({ paddingInline: 'space.150', paddingBlock: 'space.100', borderBlockEnd: '1px solid', borderColor: 'color.border' });
const panelBodyStyles = xcss({ padding: 'space.100' });
const detailRowStyles = xcss({ display: 'grid', gridTemplateColumns: '128px minmax(0, 1fr)', gap: 'space.100', alignItems: 'start', paddingBlock: 'space.075' });

/** System fields the details list shows first, in Jira's order. */
const detailFields = ['assignee', 'reporter', 'priority', 'labels', 'components', 'duedate', 'resolution'];
/** Fields shown elsewhere on the page, or never shown as details. */
const hiddenFields = new Set([
  'summary',
  'description',
  'status',
  'issuetype',
  'project',
  'comment',
  'issuelinks',
  'created',
  'updated',
  'resolutiondate',
  'lastViewed',
  'watches',
  'votes',
  'worklog',
  'timetracking',
  'attachment',
  'subtasks',
  'statuscategorychangedate',
  'creator',
  'thumbnail',
]);

const projectSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.optional(z.string()), projectTypeKey: z.optional(z.string()) });
const issueTypeSchema = z.looseObject({ id: z.string(), name: z.string() });
const linkedIssue = z.looseObject({ key: z.string(), fields: z.optional(z.looseObject({ summary: z.optional(z.string()), status: z.optional(z.unknown()) })) });
const issueLink = z.looseObject({
  id: z.string(),
  type: z.looseObject({ name: z.string(), inward: z.string(), outward: z.string() }),
  inwardIssue: z.optional(linkedIssue),
  outwardIssue: z.optional(linkedIssue),
});

interface IssueData {
  issue: JiraIssue;
  fields: JiraField[];
  transitions: JiraTransition[];
  remoteLinks: RemoteLink[];
  canComment: boolean;
}

async function loadIssue(key: string): Promise<IssueData> {
  const [issue, fields] = await Promise.all([jira.issue(key), jira.fields()]);
  const projectKey = projectSchema.safeParse(issue.fields['project']);
  const [transitions, remoteLinks, permissions] = await Promise.all([
    jira.transitions(key).catch(() => []),
    // A site that does not implement remote links (501) leaves the section out rather than failing the page.
    jira.remoteLinks(key).catch(() => []),
    jira.hasPermissions(['ADD_COMMENTS'], projectKey.success ? projectKey.data.key : undefined).catch(() => ({}) as Record<string, boolean>),
  ]);
  return { issue, fields, transitions, remoteLinks, canComment: permissions['ADD_COMMENTS'] === true };
}

function DetailRow({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Box xcss={detailRowStyles} {...(testId === undefined ? {} : { testId })}>
      <Text weight="medium" color="color.text.subtle">
        {label}
      </Text>
      <Box>{children}</Box>
    </Box>
  );
}

function IssuePanel({ module, issue, onRefresh }: { module: UiModuleInfo; issue: JiraIssue; onRefresh: () => void }) {
  const [open, setOpen] = useState(true);
  const project = projectSchema.safeParse(issue.fields['project']);
  const type = issueTypeSchema.safeParse(issue.fields['issuetype']);
  const extension = useMemo(
    () => ({
      issue: { id: issue.id, key: issue.key, type: type.success ? type.data.name : '', typeId: type.success ? type.data.id : '' },
      project: project.success ? { id: project.data.id, key: project.data.key, type: project.data.projectTypeKey ?? 'software' } : {},
      isNewToIssue: false,
    }),
    [issue.id, issue.key, type.success, type.data, project.success, project.data],
  );
  return (
    <Box as="section" xcss={sectionStyles} testId={`issue-panel-${module.key}`} aria-label={module.title}>
      <Box xcss={sectionHeaderStyles}>
        <Inline space="space.100" alignBlock="center">
          <IconButton
            icon={open ? ChevronDownIcon : ChevronRightIcon}
            label={open ? `Collapse ${module.title}` : `Expand ${module.title}`}
            appearance="subtle"
            spacing="compact"
            onClick={() => setOpen((value) => !value)}
          />
          <Heading size="xsmall" as="h3">
            {module.title}
          </Heading>
        </Inline>
      </Box>
      {open ? (
        <Box xcss={panelBodyStyles}>
          <CustomUiFrame module={module} extension={extension} handlers={{ refresh: onRefresh }} />
        </Box>
      ) : null}
    </Box>
  );
}

function Comments({ issueKey, canComment }: { issueKey: string; canComment: boolean }) {
  const [comments, reload] = useAsync(() => jira.comments(issueKey), [issueKey]);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (draft.trim() === '') return;
    setSaving(true);
    try {
      await jira.addComment(issueKey, textToAdf(draft));
      setDraft('');
      reload();
    } catch (error) {
      showHostFlag({ id: `comment-${Date.now()}`, title: "Couldn't add the comment", description: describeError(error), appearance: 'error', bold: false, actions: [], autoDismiss: true });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack space="space.200">
      {canComment ? (
        <Stack space="space.100">
          <TextArea aria-label="Add a comment" placeholder="Add a comment…" value={draft} onChange={(event) => setDraft(event.currentTarget.value)} minimumRows={2} testId="comment-input" />
          <Inline>
            <Button appearance="primary" isDisabled={draft.trim() === '' || saving} onClick={() => void save()} testId="comment-save">
              Save
            </Button>
          </Inline>
        </Stack>
      ) : null}
      {comments.status === 'loading' ? <Text color="color.text.subtle">Loading comments…</Text> : null}
      {comments.status === 'failed' ? <Text color="color.text.danger">{describeError(comments.error)}</Text> : null}
      {comments.status === 'loaded' && comments.value.length === 0 ? <Text color="color.text.subtle">No comments yet.</Text> : null}
      {comments.status === 'loaded'
        ? [...comments.value].reverse().map((comment) => (
            <Stack key={comment.id} space="space.050" testId={`comment-${comment.id}`}>
              <Inline space="space.100" alignBlock="center">
                <UserView value={comment.author} emptyText="Anonymous" />
                <Text size="small" color="color.text.subtlest">
                  {formatDateTime(comment.created)}
                </Text>
              </Inline>
              <Box paddingInlineStart="space.300">
                <AdfView document={comment.body} />
              </Box>
            </Stack>
          ))
        : null}
    </Stack>
  );
}

function History({ issue }: { issue: JiraIssue }) {
  const histories = [...(issue.changelog?.histories ?? [])].reverse();
  if (histories.length === 0) return <Text color="color.text.subtle">No changes yet.</Text>;
  return (
    <Stack space="space.200" testId="history">
      {histories.map((entry) => (
        <Stack key={entry.id} space="space.050">
          <Inline space="space.100" alignBlock="center">
            <UserView value={entry.author} emptyText="Someone" />
            <Text size="small" color="color.text.subtlest">
              {formatDateTime(entry.created)}
            </Text>
          </Inline>
          {entry.items.map((item, index) => (
            <Box key={index} paddingInlineStart="space.300">
              <Text>
                changed <strong>{item.field}</strong>
                {item.fromString === null || item.fromString === undefined || item.fromString === '' ? '' : ` from "${item.fromString}"`}
                {item.toString === null || item.toString === undefined || item.toString === '' ? ' to none' : ` to "${item.toString}"`}
              </Text>
            </Box>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function Links({ issue, remoteLinks }: { issue: JiraIssue; remoteLinks: RemoteLink[] }) {
  const links = z.array(issueLink).safeParse(issue.fields['issuelinks'] ?? []);
  const list = links.success ? links.data : [];
  if (list.length === 0 && remoteLinks.length === 0) return null;
  return (
    <Stack space="space.150">
      {list.length === 0 ? null : (
        <Stack space="space.075" testId="issue-links">
          <Heading size="xsmall" as="h3">
            Linked work items
          </Heading>
          {list.map((link) => {
            const other = link.outwardIssue ?? link.inwardIssue;
            if (other === undefined) return null;
            return (
              <Inline key={link.id} space="space.100" alignBlock="center">
                <Text color="color.text.subtle">{link.outwardIssue === undefined ? link.type.inward : link.type.outward}</Text>
                <Anchor href={`/browse/${other.key}`}>{other.key}</Anchor>
                <Text>{other.fields?.summary ?? ''}</Text>
                <StatusLozenge value={other.fields?.status} />
              </Inline>
            );
          })}
        </Stack>
      )}
      {remoteLinks.length === 0 ? null : (
        <Stack space="space.075" testId="web-links">
          <Heading size="xsmall" as="h3">
            Web links
          </Heading>
          {remoteLinks.map((link) => (
            <Inline key={link.id} space="space.100">
              <Anchor href={link.object.url} target="_blank">
                {link.object.title}
              </Anchor>
              {link.relationship === undefined ? null : <Text color="color.text.subtle">{link.relationship}</Text>}
            </Inline>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Transitions({ issueKey, transitions, onDone }: { issueKey: string; transitions: JiraTransition[]; onDone: () => void }) {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  if (transitions.length === 0) return null;
  return (
    <Inline space="space.100" shouldWrap testId="transitions">
      {transitions.map((transition) => (
        <Button
          key={transition.id}
          isDisabled={busy !== undefined}
          onClick={() => {
            // The click handler returns nothing; every failure is caught and shown as a flag inside.
            void (async () => {
            setBusy(transition.id);
            try {
              await jira.transition(issueKey, transition.id);
              onDone();
            } catch (error) {
              showHostFlag({
                id: `transition-${Date.now()}`,
                title: `Couldn't ${transition.name.toLowerCase()}`,
                description: describeError(error),
                appearance: 'error',
                bold: false,
                actions: [],
                autoDismiss: true,
              });
            } finally {
              setBusy(undefined);
            }
            })();
          }}
          testId={`transition-${transition.id}`}
        >
          {transition.name}
        </Button>
      ))}
    </Inline>
  );
}

/** Below this width the details move under the issue, as Jira's issue view does on narrow windows. */
const NARROW_LAYOUT = '(max-width: 1100px)';

function useNarrowLayout(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_LAYOUT).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_LAYOUT);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

/** How often the issue view asks whether the issue changed elsewhere (Jira Cloud pushes this; the site polls one field). */
const CHANGE_POLL_MS = 1000;

/**
 * Keeps the issue view current as Jira's does: notices changes made elsewhere (a workflow button,
 * another person, the app), reloads, and tells the issue's apps with Jira's `JIRA_ISSUE_CHANGED`
 * bridge event (`events.on` in `@forge/bridge`).
 */
function useIssueChangedEvents(issue: JiraIssue | undefined, issueKey: string, reload: () => void): void {
  const host = useBridgeHost();
  const updated = issue === undefined ? undefined : String(issue.fields['updated'] ?? '');
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (issue === undefined || updated === undefined) return;
    const before = seen.current;
    seen.current = updated;
    if (before === undefined || before === updated) return;
    const project = projectSchema.safeParse(issue.fields['project']);
    host.emit('JIRA_ISSUE_CHANGED', { issueId: issue.id, projectId: project.success ? project.data.id : undefined, changes: [{ changeType: 'updated' }] });
  }, [host, issue, updated]);
  useEffect(() => {
    let busy = false;
    const timer = window.setInterval(() => {
      if (busy || seen.current === undefined) return;
      busy = true;
      jira
        .issueUpdated(issueKey)
        .then((latest) => {
          if (latest !== undefined && latest !== seen.current) reload();
        })
        // A failed poll is simply asked again on the next tick; the page keeps what it shows.
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, CHANGE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [issueKey, reload]);
}

export function IssuePage({ issueKey, info }: { issueKey: string; info: SiteInfo }) {
  const [state, reload] = useAsync(() => loadIssue(issueKey), [issueKey]);
  const refresh = useCallback(() => reload(), [reload]);
  useIssueChangedEvents(state.status === 'loaded' ? state.value.issue : undefined, issueKey, reload);
  const narrow = useNarrowLayout();
  if (state.status === 'loading') return <Loading label={`Loading ${issueKey}`} />;
  if (state.status === 'failed') {
    if (state.error instanceof HttpError && state.error.status === 404) {
      return <LoadFailure error={new HttpError(404, 'GET', issueKey, ['The issue does not exist, or you do not have permission to see it.'], {})} what="issue" />;
    }
    return <LoadFailure error={state.error} what="issue" />;
  }
  const { issue, fields, transitions, remoteLinks, canComment } = state.value;
  const fieldById = new Map(fields.map((field) => [field.id, field]));
  const project = projectSchema.safeParse(issue.fields['project']);
  const panels = info.modules.filter((module) => module.kind === 'jira:issuePanel');
  const nameOf = (id: string) => issue.names?.[id] ?? fieldById.get(id)?.name ?? id;
  const otherFields = Object.keys(issue.fields)
    .filter((id) => !hiddenFields.has(id) && !detailFields.includes(id) && !isEmptyValue(issue.fields[id]))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const timeZone = info.user?.timeZone;

  return (
    <Box xcss={pageStyles} testId="issue-page">
      <Stack space="space.200">
        <Inline space="space.075" alignBlock="center">
          <Anchor href="/issues/">Projects</Anchor>
          <Text color="color.text.subtlest">/</Text>
          {project.success ? <Anchor href={searchUrl(`project = ${project.data.key} ORDER BY created DESC`)}>{project.data.name ?? project.data.key}</Anchor> : null}
          <Text color="color.text.subtlest">/</Text>
          <Text weight="medium" testId="issue-key">
            {issue.key}
          </Text>
        </Inline>
        <Grid templateColumns={narrow ? 'minmax(0, 1fr)' : 'minmax(0, 1fr) 360px'} gap="space.400" alignItems="start">
          <Stack space="space.300">
            <Heading size="large" as="h1" testId="issue-summary">
              {fieldText(issue.fields['summary'])}
            </Heading>
            <Stack space="space.100">
              <Heading size="xsmall" as="h2">
                Description
              </Heading>
              {isEmptyValue(issue.fields['description']) ? <Text color="color.text.subtlest">Add a description…</Text> : <AdfView document={issue.fields['description']} />}
            </Stack>
            <Links issue={issue} remoteLinks={remoteLinks} />
            {panels.map((module) => (
              <IssuePanel key={module.key} module={module} issue={issue} onRefresh={refresh} />
            ))}
            <Stack space="space.100">
              <Heading size="xsmall" as="h2">
                Activity
              </Heading>
              <Tabs id="activity-tabs">
                <TabList>
                  <Tab>Comments</Tab>
                  <Tab>History</Tab>
                </TabList>
                <TabPanel>
                  <Box paddingBlock="space.200" xcss={xcss({ width: '100%' })}>
                    <Comments issueKey={issue.key} canComment={canComment} />
                  </Box>
                </TabPanel>
                <TabPanel>
                  <Box paddingBlock="space.200" xcss={xcss({ width: '100%' })}>
                    <History issue={issue} />
                  </Box>
                </TabPanel>
              </Tabs>
            </Stack>
          </Stack>
          <Stack space="space.200">
            <Inline space="space.100" alignBlock="center" shouldWrap>
              <StatusLozenge value={issue.fields['status']} />
              <Transitions issueKey={issue.key} transitions={transitions} onDone={refresh} />
            </Inline>
            <Box xcss={sideStyles} testId="issue-details">
              <Stack space="space.050">
                <Heading size="xsmall" as="h2">
                  Details
                </Heading>
                {detailFields
                  .filter((id) => id in issue.fields)
                  .map((id) => (
                    <DetailRow key={id} label={nameOf(id)} testId={`detail-${id}`}>
                      <FieldValue value={issue.fields[id]} schema={fieldById.get(id)?.schema} {...(timeZone === undefined ? {} : { timeZone })} />
                    </DetailRow>
                  ))}
                {otherFields.map((id) => (
                  <DetailRow key={id} label={nameOf(id)} testId={`detail-${id}`}>
                    <FieldValue value={issue.fields[id]} schema={fieldById.get(id)?.schema} {...(timeZone === undefined ? {} : { timeZone })} />
                  </DetailRow>
                ))}
              </Stack>
            </Box>
            <Stack space="space.050">
              <Text size="small" color="color.text.subtlest">{`Created ${formatDateTime(issue.fields['created'], timeZone)}`}</Text>
              <Text size="small" color="color.text.subtlest">{`Updated ${formatDateTime(issue.fields['updated'], timeZone)}`}</Text>
              {isEmptyValue(issue.fields['resolutiondate']) ? null : (
                <Text size="small" color="color.text.subtlest">{`Resolved ${formatDateTime(issue.fields['resolutiondate'], timeZone)}`}</Text>
              )}
            </Stack>
          </Stack>
        </Grid>
      </Stack>
    </Box>
  );
}
