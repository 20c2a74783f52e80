/**
 * Issue search at `/issues/?jql=…` (or `?filter=<id>` for a saved filter): a JQL box, the results as
 * Jira lists them, and Jira's own message when the JQL does not parse.
 */
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import { jira, type JiraIssue } from '../api/jira';
import { describeError } from '../api/http';
import { formatDateTime, IconName, StatusLozenge, UserView, fieldText } from '../components/issue-bits';
import { navigate, useLocation } from '../router';
import { defaultFilter, filterById, savedFilters, searchUrl } from '../saved-filters';
import { useAsync } from '../use-async';

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400' });
const jqlStyles = xcss({ flexGrow: 1, fontFamily: 'font.family.code' });
const nowrapStyles = xcss({ whiteSpace: 'nowrap' });
const searchFields = ['summary', 'status', 'assignee', 'reporter', 'issuetype', 'priority', 'created', 'updated'];

function head() {
  return {
    cells: [
      { key: 'type', content: 'Type' },
      { key: 'key', content: 'Key' },
      { key: 'summary', content: 'Summary', width: 30 },
      { key: 'status', content: 'Status' },
      { key: 'assignee', content: 'Assignee' },
      { key: 'reporter', content: 'Reporter' },
      { key: 'priority', content: 'Priority' },
      { key: 'created', content: 'Created' },
      { key: 'updated', content: 'Updated' },
    ],
  };
}

function NoWrap({ children }: { children: React.ReactNode }) {
  return (
    <Box as="span" xcss={nowrapStyles}>
      {children}
    </Box>
  );
}

function row(issue: JiraIssue) {
  const href = `/browse/${issue.key}`;
  return {
    key: issue.id,
    testId: `result-${issue.key}`,
    cells: [
      { key: 'type', content: <NoWrap><IconName value={issue.fields['issuetype']} /></NoWrap> },
      {
        key: 'key',
        content: (
          <NoWrap>
            <Anchor href={href} testId={`result-link-${issue.key}`}>
              {issue.key}
            </Anchor>
          </NoWrap>
        ),
      },
      { key: 'summary', content: <Anchor href={href}>{fieldText(issue.fields['summary'])}</Anchor> },
      { key: 'status', content: <StatusLozenge value={issue.fields['status']} /> },
      { key: 'assignee', content: <NoWrap><UserView value={issue.fields['assignee']} /></NoWrap> },
      { key: 'reporter', content: <NoWrap><UserView value={issue.fields['reporter']} emptyText="" /></NoWrap> },
      { key: 'priority', content: <NoWrap><IconName value={issue.fields['priority']} /></NoWrap> },
      { key: 'created', content: <NoWrap>{formatDateTime(issue.fields['created'])}</NoWrap> },
      { key: 'updated', content: <NoWrap>{formatDateTime(issue.fields['updated'])}</NoWrap> },
    ],
  };
}

export function SearchPage() {
  const location = useLocation();
  const filter = filterById(location.search.get('filter'));
  const jqlParam = location.search.get('jql');
  const jql = filter?.jql ?? jqlParam ?? defaultFilter.jql;
  const title = filter?.name ?? savedFilters.find((candidate) => candidate.jql === jql)?.name ?? (jqlParam === null ? defaultFilter.name : 'Search');
  const [draft, setDraft] = useState(jql);
  useEffect(() => setDraft(jql), [jql]);
  const [results] = useAsync(() => jira.search(jql, searchFields, 100), [jql]);

  return (
    <Box xcss={pageStyles} testId="search-page">
      <Stack space="space.300">
        <Heading size="large">{title}</Heading>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            navigate(searchUrl(draft.trim()));
          }}
        >
          <Inline space="space.100" alignBlock="center">
            <Box xcss={jqlStyles}>
              <Textfield aria-label="JQL query" value={draft} onChange={(event) => setDraft(event.currentTarget.value)} testId="jql-input" isCompact={false} />
            </Box>
            <Button type="submit" appearance="primary" testId="jql-search">
              Search
            </Button>
          </Inline>
        </form>
        {results.status === 'failed' ? (
          <SectionMessage appearance="error" title="The search failed" testId="jql-error">
            <Text as="p">{describeError(results.error)}</Text>
          </SectionMessage>
        ) : (
          <Stack space="space.100">
            <Text color="color.text.subtle" testId="result-count">
              {results.status === 'loaded' ? `${results.value.issues.length} issue${results.value.issues.length === 1 ? '' : 's'}` : 'Searching…'}
            </Text>
            <DynamicTable
              head={head()}
              rows={results.status === 'loaded' ? results.value.issues.map(row) : []}
              isLoading={results.status === 'loading'}
              emptyView={<Text>No issues match this search.</Text>}
              testId="search-results"
            />
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
