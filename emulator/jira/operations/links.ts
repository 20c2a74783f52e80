/** Issue links (`/issueLink`, `/issueLinkType`) and remote links (`/issue/{issueIdOrKey}/remotelink`). */
import { adfProblem } from '../adf';
import { created, isRecord, noContent, ok, pathParam, queryString, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { fieldErrors, JiraHttpError, notFound } from '../errors';
import { commitIssueChanges } from '../issues/field-changes';
import { visibleIssue } from '../issues/issue-access';
import { remoteLinkShape, visibilityShape, type IssueRecord } from '../store/model';
import type { ChangeItem } from '../types';

export function linkOperations(kit: Toolkit): OperationDefinition[] {
  const { services, renderer, events } = kit;
  const { permissions, store, present } = services;

  const linkableIssue = (request: OperationRequest, reference: unknown): IssueRecord => {
    const idOrKey = isRecord(reference) ? (reference['key'] ?? reference['id']) : undefined;
    const issue = typeof idOrKey === 'string' ? store.issues.find(idOrKey) : undefined;
    if (!issue || !permissions.canBrowse(request.actor, issue.projectId)) throw notFound(`Issue does not exist or you do not have permission to see it.`);
    return issue;
  };

  const linkIssues = (request: OperationRequest) => {
    const body = isRecord(request.body) ? request.body : {};
    const typeReference = isRecord(body['type']) ? body['type'] : {};
    const type = store.links.linkTypes().find((candidate) => candidate.id === typeReference['id'] || candidate.name === typeReference['name']);
    if (!type) throw notFound(`No issue link type with name '${String(typeReference['name'] ?? typeReference['id'])}' found.`);
    // Jira's "from" issue is the one sent as `inwardIssue`: it gets the type's outward description.
    const source = linkableIssue(request, body['inwardIssue']);
    const destination = linkableIssue(request, body['outwardIssue']);
    if (!permissions.has(request.actor, source.projectId, 'LINK_ISSUES')) throw notFound('You do not have the permission to link issues.');
    let comment: { body: unknown; visibility: ReturnType<typeof visibilityShape.parse> | null } | undefined;
    if (body['comment'] !== undefined) {
      const commentBody = isRecord(body['comment']) ? body['comment'] : {};
      const problem = adfProblem(commentBody['body']);
      if (problem !== undefined) throw fieldErrors({ comment: problem });
      const visibility = commentBody['visibility'] === undefined ? null : visibilityShape.safeParse(commentBody['visibility']);
      if (visibility !== null && !visibility.success) throw fieldErrors({ comment: 'The comment visibility is invalid.' });
      comment = { body: commentBody['body'], visibility: visibility === null ? null : visibility.data };
    }
    if (!store.links.findLink(type.id, source.id, destination.id)) {
      store.links.insertLink({ typeId: type.id, sourceIssueId: source.id, destinationIssueId: destination.id });
      const item = (to: IssueRecord, description: string): ChangeItem => ({
        field: 'Link',
        fieldtype: 'jira',
        fieldId: 'issuelinks',
        from: null,
        fromString: null,
        to: to.key,
        toString: `This issue ${description} ${to.key}`,
      });
      commitIssueChanges(services, events, request, source, [item(destination, type.outward)], new Map(), comment ? { comment } : {});
      if (destination.id !== source.id) commitIssueChanges(services, events, request, destination, [item(source, type.inward)], new Map());
    } else if (comment) {
      commitIssueChanges(services, events, request, source, [], new Map(), { comment });
    }
    return { status: 201, headers: {} };
  };

  const getLink = (request: OperationRequest) => {
    const link = store.links.linkById(pathParam(request, 'linkId'));
    const source = link ? store.issues.find(link.sourceIssueId) : undefined;
    const destination = link ? store.issues.find(link.destinationIssueId) : undefined;
    const type = store.links.linkTypes().find((candidate) => candidate.id === link?.typeId);
    if (!link || !source || !destination || !type || !permissions.canBrowse(request.actor, source.projectId) || !permissions.canBrowse(request.actor, destination.projectId)) {
      throw notFound('No issue link with id exists.');
    }
    return ok({ id: link.id, self: present.api(`/issueLink/${link.id}`), type: present.linkType(type), inwardIssue: renderer.linkedIssue(source), outwardIssue: renderer.linkedIssue(destination) });
  };

  const linkTypes = () => ok({ issueLinkTypes: present.linkTypes() });

  // Jira asks for Administer Jira; the app holds it through manage:jira-configuration.
  const createLinkType = (request: OperationRequest) => {
    if (!permissions.hasGlobal(request.actor, 'ADMINISTER')) throw new JiraHttpError(403, ['You do not have permission to create issue link types.']);
    const body = isRecord(request.body) ? request.body : {};
    const text = (name: string): string => (typeof body[name] === 'string' ? String(body[name]).trim() : '');
    const type = { name: text('name'), inward: text('inward'), outward: text('outward') };
    const missing = Object.entries(type).filter(([, value]) => value === '');
    if (missing.length > 0) throw fieldErrors(Object.fromEntries(missing.map(([name]) => [name, `The issue link type ${name} is required.`])));
    if (store.links.linkTypes().some((existing) => existing.name.toLowerCase() === type.name.toLowerCase())) {
      throw new JiraHttpError(400, [`An issue link type with the name '${type.name}' already exists.`]);
    }
    return created(present.linkType(store.links.insertLinkType(type)));
  };

  const linkType = (request: OperationRequest) => {
    const type = store.links.linkTypes().find((candidate) => candidate.id === pathParam(request, 'issueLinkTypeId'));
    if (!type) throw notFound(`No issue link type with id '${pathParam(request, 'issueLinkTypeId')}' found.`);
    return ok(present.linkType(type));
  };

  const remoteLinkJson = (issue: IssueRecord, record: ReturnType<typeof store.links.remoteLinks>[number]) => ({
    id: record.id,
    self: present.api(`/issue/${issue.key}/remotelink/${record.id}`),
    ...(record.globalId === null ? {} : { globalId: record.globalId }),
    ...(record.link.application ? { application: record.link.application } : {}),
    ...(record.link.relationship === undefined ? {} : { relationship: record.link.relationship }),
    object: record.link.object,
  });

  const getRemoteLinks = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const links = store.links.remoteLinks(issue.id);
    const globalId = queryString(request, 'globalId');
    if (globalId !== undefined) {
      const match = links.find((link) => link.globalId === globalId);
      if (!match) throw notFound(`No remote link with global id '${globalId}' found.`);
      return ok(remoteLinkJson(issue, match));
    }
    return ok(links.map((link) => remoteLinkJson(issue, link)));
  };

  const createRemoteLink = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    if (!permissions.has(request.actor, issue.projectId, 'LINK_ISSUES')) throw new JiraHttpError(403, ['You do not have permission to link issues.']);
    const parsed = remoteLinkShape.safeParse(request.body);
    if (!parsed.success) throw fieldErrors({ object: 'The remote link needs an object with a title and url.' });
    const object = parsed.data.object;
    if (typeof object['url'] !== 'string' || object['url'] === '') throw fieldErrors({ url: "'url' is required." });
    if (typeof object['title'] !== 'string' || object['title'] === '') throw fieldErrors({ title: "'title' is required." });
    const existing = parsed.data.globalId === undefined ? undefined : store.links.remoteLinks(issue.id).find((link) => link.globalId === parsed.data.globalId);
    if (existing) {
      store.links.updateRemote({ ...existing, link: parsed.data });
      return ok({ id: existing.id, self: present.api(`/issue/${issue.key}/remotelink/${existing.id}`) });
    }
    const record = store.links.insertRemote(issue.id, parsed.data);
    issue.updated = services.now();
    store.issues.save(issue);
    return created({ id: record.id, self: present.api(`/issue/${issue.key}/remotelink/${record.id}`) });
  };

  const deleteLink = (request: OperationRequest) => {
    const link = store.links.linkById(pathParam(request, 'linkId'));
    const source = link ? store.issues.find(link.sourceIssueId) : undefined;
    if (!link || !source || !permissions.canBrowse(request.actor, source.projectId)) throw notFound('No issue link with id exists.');
    if (!permissions.has(request.actor, source.projectId, 'LINK_ISSUES')) throw new JiraHttpError(403, ['You do not have the permission to delete this link.']);
    store.links.deleteLink(link.id);
    return noContent();
  };

  return [
    { method: 'POST', template: '/rest/api/3/issueLink', handler: linkIssues },
    { method: 'GET', template: '/rest/api/3/issueLink/{linkId}', handler: getLink },
    { method: 'DELETE', template: '/rest/api/3/issueLink/{linkId}', handler: deleteLink },
    { method: 'GET', template: '/rest/api/3/issueLinkType', handler: linkTypes },
    { method: 'POST', template: '/rest/api/3/issueLinkType', handler: createLinkType },
    { method: 'GET', template: '/rest/api/3/issueLinkType/{issueLinkTypeId}', handler: linkType },
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/remotelink', handler: getRemoteLinks },
    { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/remotelink', handler: createRemoteLink },
  ];
}
