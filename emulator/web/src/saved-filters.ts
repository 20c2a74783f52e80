/**
 * The site's saved filters, shown beside the search like Jira's starred filters. Jira's built-in
 * filters keep their negative ids; the site's own start at 10000.
 */
export interface SavedFilter {
  id: string;
  name: string;
  jql: string;
}

export const savedFilters: readonly SavedFilter[] = [
  { id: '10000', name: 'Incidents in progress', jql: 'project = HOT AND statusCategory != Done ORDER BY created DESC' },
  { id: '10001', name: 'All incidents', jql: 'project = HOT ORDER BY created DESC' },
  { id: '10002', name: 'Resolved incidents', jql: 'project = HOT AND statusCategory = Done ORDER BY updated DESC' },
  { id: '-1', name: 'My open issues', jql: 'assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC' },
  { id: '-2', name: 'Reported by me', jql: 'reporter = currentUser() ORDER BY created DESC' },
  { id: '-4', name: 'All issues', jql: 'ORDER BY created DESC' },
];

export const defaultFilter: SavedFilter = savedFilters[0] ?? { id: '-4', name: 'All issues', jql: 'ORDER BY created DESC' };

export function filterById(id: string | null): SavedFilter | undefined {
  return savedFilters.find((filter) => filter.id === id);
}

export function searchUrl(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}
