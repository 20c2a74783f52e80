/** `PUT /app/field/{fieldIdOrKey}/value` and `POST /app/field/value`: the app writes the values of its own fields. */
import { isRecord, noContent, pathParam, queryBoolean, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { fieldErrors, JiraHttpError, notFound } from '../errors';
import type { FieldDef } from '../fields/field-catalog';
import { FieldValueError } from '../fields/field-values';
import { changeItems, commitIssueChanges } from '../issues/field-changes';
import { issueTypeIdOf } from '../issues/workflow-state';
import type { IssueRecord } from '../store/model';

interface FieldUpdate {
  field: FieldDef;
  issueIds: string[];
  value: unknown;
}

export function appFieldOperations(kit: Toolkit): OperationDefinition[] {
  const { services, events } = kit;
  const { catalog, store } = services;

  const appField = (request: OperationRequest, idOrKey: string): FieldDef => {
    const field = catalog.byId(idOrKey) ?? catalog.all().find((candidate) => candidate.customField?.forge?.key === idOrKey);
    if (!field) throw notFound(`The custom field ${idOrKey} was not found.`);
    if (request.actor.kind !== 'app' || !field.customField?.forge) throw new JiraHttpError(403, [`Only the app that provides the field ${idOrKey} can update its value.`]);
    return field;
  };

  const apply = (request: OperationRequest, updates: FieldUpdate[]): void => {
    const changes = new Map<string, { issue: IssueRecord; values: Map<string, unknown> }>();
    const errors: Record<string, string> = {};
    for (const update of updates) {
      for (const issueId of update.issueIds) {
        const issue = changes.get(issueId)?.issue ?? store.issues.find(issueId);
        if (!issue) throw notFound(`The issue with ID ${issueId} was not found.`);
        const entry = changes.get(issue.id) ?? { issue, values: new Map<string, unknown>() };
        try {
          entry.values.set(update.field.id, services.values.parse(update.field, update.value, { projectId: issue.projectId, issueTypeId: issueTypeIdOf(issue) }));
        } catch (error) {
          if (!(error instanceof FieldValueError)) throw error;
          errors[update.field.id] = error.reason;
        }
        changes.set(issue.id, entry);
      }
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    const changelog = queryBoolean(request, 'generateChangelog', true);
    for (const { issue, values } of changes.values()) {
      const items = changeItems(services, issue.fields, values);
      if (changelog) commitIssueChanges(services, events, request, issue, items, values);
      else commitIssueChanges(services, events, { ...request, emit: () => undefined }, issue, items, values, { changelog: false });
    }
  };

  const issueIdsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

  const updateOneField = (request: OperationRequest) => {
    const field = appField(request, pathParam(request, 'fieldIdOrKey'));
    const body = isRecord(request.body) ? request.body : {};
    const updates = (Array.isArray(body['updates']) ? body['updates'] : []).filter(isRecord);
    apply(
      request,
      updates.map((update) => ({ field, issueIds: issueIdsOf(update['issueIds']), value: update['value'] })),
    );
    return noContent();
  };

  const updateManyFields = (request: OperationRequest) => {
    const body = isRecord(request.body) ? request.body : {};
    const updates = (Array.isArray(body['updates']) ? body['updates'] : []).filter(isRecord);
    apply(
      request,
      updates.map((update) => ({ field: appField(request, String(update['customField'])), issueIds: issueIdsOf(update['issueIds']), value: update['value'] })),
    );
    return noContent();
  };

  return [
    { method: 'PUT', template: '/rest/api/3/app/field/{fieldIdOrKey}/value', handler: updateOneField },
    { method: 'POST', template: '/rest/api/3/app/field/value', handler: updateManyFields },
  ];
}
