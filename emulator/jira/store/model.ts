/** What the Jira emulator keeps in SQLite, as typed records (rows and their JSON columns parsed with zod). */
import { z } from 'zod';

export const statusCategoryKeys = ['new', 'indeterminate', 'done'] as const;
export type StatusCategoryKey = (typeof statusCategoryKeys)[number];

export interface Status {
  id: string;
  name: string;
  category: StatusCategoryKey;
  description: string;
}

export const postFunctionShape = z.object({ moduleKey: z.string(), configuration: z.string() });
export type PostFunction = z.infer<typeof postFunctionShape>;

export const workflowTransitionShape = z.object({
  id: z.string(),
  name: z.string(),
  /** Status ids the transition leaves from; empty means from any status (a global transition). */
  from: z.array(z.string()),
  to: z.string(),
  /** Whether a screen lets the transition set fields (`fields`/`update` on `POST …/transitions`). */
  screen: z.boolean(),
  /** What the transition does to the resolution when the request does not set one. */
  resolution: z.union([z.object({ set: z.string() }), z.literal('clear'), z.literal('keep')]),
  postFunctions: z.array(postFunctionShape),
  /** App validators (`jira:workflowValidator` module keys) Jira asks before making the transition. */
  validators: z.array(postFunctionShape).optional(),
});
export type WorkflowTransition = z.infer<typeof workflowTransitionShape>;

export const workflowDefinitionShape = z.object({
  initialStatusId: z.string(),
  statusIds: z.array(z.string()),
  transitions: z.array(workflowTransitionShape),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinitionShape>;

export interface Workflow extends WorkflowDefinition {
  id: string;
  name: string;
  description: string;
}

export interface IssueType {
  id: string;
  name: string;
  description: string;
  icon: string;
  subtask: boolean;
}

export interface Project {
  id: string;
  key: string;
  name: string;
  description: string;
  leadAccountId: string;
  projectTypeKey: 'software' | 'service_desk' | 'business';
}

export interface ProjectIssueType {
  projectId: string;
  issueTypeId: string;
  workflowId: string;
  position: number;
}

export const roleNames = ['Administrators', 'Members', 'Viewers'] as const;
export type RoleName = (typeof roleNames)[number];

export interface RoleActor {
  type: 'user' | 'group';
  /** accountId or group id */
  id: string;
}

export interface ForgeFieldDefinition {
  key: string;
  /** `string | number | user | group | date | datetime | object` */
  type: string;
  list: boolean;
  readOnly: boolean;
}

export interface CustomField {
  id: string;
  name: string;
  description: string;
  /** The custom field type key, e.g. `com.atlassian.jira.plugin.system.customfieldtypes:select`; `forge` for app fields. */
  type: string;
  searcherKey: string | null;
  forge: ForgeFieldDefinition | null;
  trashed: boolean;
}

export interface FieldContext {
  id: string;
  fieldId: string;
  name: string;
  description: string;
  /** Empty means every project. */
  projectIds: string[];
  /** Empty means every issue type. */
  issueTypeIds: string[];
}

export interface FieldOption {
  id: string;
  contextId: string;
  value: string;
  disabled: boolean;
  position: number;
}

/** Stored field values by field id; the value forms are described in `fields/field-kinds.ts`. */
export type StoredFields = Record<string, unknown>;

export interface IssueRecord {
  id: string;
  projectId: string;
  num: number;
  key: string;
  fields: StoredFields;
  created: number;
  updated: number;
}

export const visibilityShape = z.object({
  type: z.enum(['group', 'role']),
  value: z.string().optional(),
  identifier: z.string().nullable().optional(),
});
export type Visibility = z.infer<typeof visibilityShape>;

export interface CommentRecord {
  id: string;
  issueId: string;
  author: string;
  updateAuthor: string;
  body: unknown;
  visibility: Visibility | null;
  created: number;
  updated: number;
}

export const changeItemShape = z.object({
  field: z.string(),
  fieldtype: z.string(),
  fieldId: z.string(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});

export interface ChangelogRecord {
  id: string;
  issueId: string;
  author: string;
  created: number;
  items: z.infer<typeof changeItemShape>[];
}

/** `source` <outward description> `destination`, e.g. HOT-1 blocks HOT-2. */
export interface IssueLinkRecord {
  id: string;
  typeId: string;
  sourceIssueId: string;
  destinationIssueId: string;
}

export const remoteLinkShape = z
  .object({
    globalId: z.string().optional(),
    application: z.record(z.string(), z.unknown()).optional(),
    relationship: z.string().optional(),
    object: z.record(z.string(), z.unknown()),
  })
  .passthrough();
export type RemoteLinkData = z.infer<typeof remoteLinkShape>;

export interface RemoteLinkRecord {
  id: number;
  issueId: string;
  globalId: string | null;
  link: RemoteLinkData;
}
