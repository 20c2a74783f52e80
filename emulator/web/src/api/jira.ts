/**
 * The Jira REST v3 calls the host page makes, each answer checked against the part of Jira's shape
 * the page reads. Everything runs as the signed-in user.
 */
import * as z from 'zod/mini';
import { requestJson } from './http';

export const user = z.looseObject({
  accountId: z.string(),
  displayName: z.optional(z.string()),
  emailAddress: z.optional(z.string()),
  avatarUrls: z.optional(z.record(z.string(), z.string())),
  active: z.optional(z.boolean()),
  accountType: z.optional(z.string()),
});
export type JiraUser = z.infer<typeof user>;

export const fieldSchema = z.looseObject({
  type: z.string(),
  items: z.optional(z.string()),
  system: z.optional(z.string()),
  custom: z.optional(z.string()),
  customId: z.optional(z.number()),
});
export type FieldSchema = z.infer<typeof fieldSchema>;

export const field = z.looseObject({
  id: z.string(),
  key: z.optional(z.string()),
  name: z.string(),
  custom: z.optional(z.boolean()),
  schema: z.optional(fieldSchema),
});
export type JiraField = z.infer<typeof field>;

export const statusCategory = z.looseObject({ key: z.string(), name: z.optional(z.string()), colorName: z.optional(z.string()) });
export const status = z.looseObject({ id: z.optional(z.string()), name: z.string(), statusCategory: z.optional(statusCategory) });
export type JiraStatus = z.infer<typeof status>;

export const issueType = z.looseObject({ id: z.string(), name: z.string(), iconUrl: z.optional(z.string()), subtask: z.optional(z.boolean()) });
export const projectRef = z.looseObject({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.optional(z.string()), avatarUrls: z.optional(z.record(z.string(), z.string())) });
export type JiraProject = z.infer<typeof projectRef>;

// A cleared value's entry may come without `toString`; reading the property would then find
// Object.prototype.toString (a function) and refuse the whole issue. Only own properties count.
const ownChangeStrings = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? { fromString: null, toString: null, ...Object.fromEntries(Object.entries(value)) } : value;

export const changeItem = z.pipe(
  z.transform(ownChangeStrings),
  z.looseObject({
    field: z.string(),
    fieldId: z.optional(z.string()),
    fromString: z.optional(z.nullable(z.string())),
    toString: z.optional(z.nullable(z.string())),
  }),
);
export const history = z.looseObject({ id: z.string(), author: z.optional(user), created: z.string(), items: z.array(changeItem) });
export type ChangeHistory = z.infer<typeof history>;

export const comment = z.looseObject({ id: z.string(), author: z.optional(user), body: z.unknown(), created: z.string(), updated: z.optional(z.string()) });
export type JiraComment = z.infer<typeof comment>;

export const issue = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
  names: z.optional(z.record(z.string(), z.string())),
  changelog: z.optional(z.looseObject({ histories: z.array(history) })),
});
export type JiraIssue = z.infer<typeof issue>;

export const transition = z.looseObject({
  id: z.string(),
  name: z.string(),
  to: z.optional(status),
  isAvailable: z.optional(z.boolean()),
  hasScreen: z.optional(z.boolean()),
});
export type JiraTransition = z.infer<typeof transition>;

export const remoteLink = z.looseObject({
  id: z.number(),
  object: z.looseObject({ url: z.string(), title: z.string(), summary: z.optional(z.string()) }),
  relationship: z.optional(z.string()),
});
export type RemoteLink = z.infer<typeof remoteLink>;

export const allowedValue = z.looseObject({
  id: z.optional(z.string()),
  value: z.optional(z.string()),
  name: z.optional(z.string()),
  key: z.optional(z.string()),
});
export type AllowedValue = z.infer<typeof allowedValue>;

export const createField = z.looseObject({
  fieldId: z.string(),
  key: z.optional(z.string()),
  name: z.string(),
  required: z.boolean(),
  schema: fieldSchema,
  allowedValues: z.optional(z.array(allowedValue)),
  hasDefaultValue: z.optional(z.boolean()),
  defaultValue: z.optional(z.unknown()),
  autoCompleteUrl: z.optional(z.string()),
  operations: z.optional(z.array(z.string())),
});
export type CreateField = z.infer<typeof createField>;

const paged = <T extends z.ZodMiniType>(item: T) =>
  z.looseObject({
    // Jira has used both names for these pages over the API's life.
    issueTypes: z.optional(z.array(item)),
    fields: z.optional(z.array(item)),
    values: z.optional(z.array(item)),
    results: z.optional(z.array(item)),
    isLast: z.optional(z.boolean()),
    total: z.optional(z.number()),
  });

function items<T>(page: { issueTypes?: T[] | undefined; fields?: T[] | undefined; values?: T[] | undefined; results?: T[] | undefined }): T[] {
  return page.values ?? page.issueTypes ?? page.fields ?? page.results ?? [];
}

export const searchResult = z.looseObject({ issues: z.array(issue), nextPageToken: z.optional(z.nullable(z.string())), isLast: z.optional(z.boolean()) });

const permissionsAnswer = z.looseObject({ permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })) });

const enc = encodeURIComponent;

export const jira = {
  myself: () => requestJson('/rest/api/3/myself', user),
  fields: () => requestJson('/rest/api/3/field', z.array(field)),
  projects: () => requestJson('/rest/api/3/project', z.array(projectRef)),
  /** Only the issue's last-updated time: what the issue view polls to notice changes made elsewhere. */
  issueUpdated: (key: string) =>
    requestJson(`/rest/api/3/issue/${enc(key)}?fields=updated`, z.looseObject({ fields: z.looseObject({ updated: z.optional(z.string()) }) })).then((answer) => answer.fields.updated),
  issue: (key: string) => requestJson(`/rest/api/3/issue/${enc(key)}?expand=names,changelog`, issue),
  transitions: (key: string) => requestJson(`/rest/api/3/issue/${enc(key)}/transitions`, z.looseObject({ transitions: z.array(transition) })).then((page) => page.transitions),
  transition: (key: string, transitionId: string) =>
    requestJson(`/rest/api/3/issue/${enc(key)}/transitions`, z.unknown(), { method: 'POST', body: { transition: { id: transitionId } } }),
  comments: (key: string) =>
    requestJson(`/rest/api/3/issue/${enc(key)}/comment?orderBy=created&maxResults=100`, z.looseObject({ comments: z.array(comment) })).then((page) => page.comments),
  addComment: (key: string, body: unknown) => requestJson(`/rest/api/3/issue/${enc(key)}/comment`, comment, { method: 'POST', body: { body } }),
  remoteLinks: (key: string) => requestJson(`/rest/api/3/issue/${enc(key)}/remotelink`, z.array(remoteLink)),
  search: (jql: string, fields: string[], maxResults = 50) =>
    requestJson('/rest/api/3/search/jql', searchResult, { method: 'POST', body: { jql, fields, maxResults } }),
  createMetaIssueTypes: (projectKey: string) =>
    requestJson(`/rest/api/3/issue/createmeta/${enc(projectKey)}/issuetypes?maxResults=100`, paged(issueType)).then((page) => items(page)),
  createMetaFields: (projectKey: string, issueTypeId: string) =>
    requestJson(`/rest/api/3/issue/createmeta/${enc(projectKey)}/issuetypes/${enc(issueTypeId)}?maxResults=200`, paged(createField)).then((page) => items(page)),
  createIssue: (fields: Record<string, unknown>) =>
    requestJson('/rest/api/3/issue', z.looseObject({ id: z.string(), key: z.string() }), { method: 'POST', body: { fields } }),
  userSearch: (query: string) => requestJson(`/rest/api/3/user/search?query=${enc(query)}&maxResults=20`, z.array(user)),
  hasPermissions: (permissions: string[], projectKey?: string) =>
    requestJson(
      `/rest/api/3/mypermissions?permissions=${enc(permissions.join(','))}${projectKey === undefined ? '' : `&projectKey=${enc(projectKey)}`}`,
      permissionsAnswer,
    ).then((answer) => Object.fromEntries(Object.entries(answer.permissions).map(([key, value]) => [key, value.havePermission]))),
};
