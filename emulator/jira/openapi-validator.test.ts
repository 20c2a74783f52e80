import { JiraHttpError } from './errors';
import { OpenApiContract } from './openapi-validator';

const contract = OpenApiContract.jira();

function refusal(work: () => unknown): JiraHttpError {
  try {
    work();
  } catch (error) {
    if (error instanceof JiraHttpError) return error;
    throw error;
  }
  throw new Error('The request was accepted');
}

describe('matching paths to operations', () => {
  it('prefers literal segments over path parameters', () => {
    expect(contract.match('GET', '/rest/api/3/issue/createmeta/HOT/issuetypes')).toMatchObject({ kind: 'operation', template: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes' });
    expect(contract.match('GET', '/rest/api/3/issue/HOT-1')).toEqual({ kind: 'operation', method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', pathParams: { issueIdOrKey: 'HOT-1' } });
  });

  it('decodes path parameters', () => {
    expect(contract.match('GET', '/rest/api/3/status/In%20Progress')).toMatchObject({ pathParams: { idOrName: 'In Progress' } });
  });

  it('tells an unknown path from a method the path does not have', () => {
    expect(contract.match('GET', '/rest/api/3/nothing-here')).toEqual({ kind: 'unknown' });
    expect(contract.match('PATCH', '/rest/api/3/issue/HOT-1')).toEqual({ kind: 'method-not-allowed', template: '/rest/api/3/issue/{issueIdOrKey}', allowed: ['GET', 'PUT', 'DELETE'] });
  });
});

describe('validating requests', () => {
  it('types query parameters and fills in the documented defaults', () => {
    const { query } = contract.validateRequest('GET', '/rest/api/3/search/jql', {}, new URLSearchParams('jql=project%3DHOT&maxResults=5&fields=summary&fields=status'), undefined);
    expect(query).toMatchObject({ jql: 'project=HOT', maxResults: 5, fields: ['summary', 'status'], fieldsByKeys: false, failFast: false });
  });

  it('refuses a query parameter of the wrong type, naming it', () => {
    const error = refusal(() => contract.validateRequest('GET', '/rest/api/3/search/jql', {}, new URLSearchParams('maxResults=many'), undefined));
    expect(error.status).toBe(400);
    expect(error.errorMessages[0]).toContain("'maxResults'");
  });

  it('refuses a missing required query parameter', () => {
    const error = refusal(() => contract.validateRequest('GET', '/rest/api/3/user/bulk', {}, new URLSearchParams(''), undefined));
    expect(error.errorMessages).toEqual(["The 'accountId' query parameter is required."]);
  });

  it('refuses a missing required body and unknown properties', () => {
    expect(refusal(() => contract.validateRequest('POST', '/rest/api/3/issue', {}, new URLSearchParams(), undefined)).errorMessages).toEqual(['No content to map due to end-of-input']);
    const unknown = refusal(() => contract.validateRequest('POST', '/rest/api/3/field', {}, new URLSearchParams(), { name: 'x', type: 'y', colour: 'red' }));
    expect(unknown.errorMessages).toEqual(['Unrecognized field "colour" in the request body.']);
  });

  it('refuses a body value of the wrong type, saying where', () => {
    const error = refusal(() => contract.validateRequest('POST', '/rest/api/3/issue', {}, new URLSearchParams(), { fields: { summary: 'x' }, update: { labels: 'x' } }));
    expect(error.errorMessages).toEqual(["Invalid value in '/update/labels': it must be array."]);
  });

  it('answers 404 for a path parameter of the wrong type', () => {
    const error = refusal(() => contract.validateRequest('GET', '/rest/api/3/field/{fieldId}/context/{contextId}/option', { fieldId: 'customfield_1', contextId: 'abc' }, new URLSearchParams(), undefined));
    expect(error.status).toBe(404);
  });

  it('follows Jira where the document is narrower than Jira: unassigning with a null account id', () => {
    expect(() => contract.validateRequest('PUT', '/rest/api/3/issue/{issueIdOrKey}/assignee', { issueIdOrKey: 'HOT-1' }, new URLSearchParams(), { accountId: null })).not.toThrow();
  });
});

describe('validating responses', () => {
  it('accepts an answer that fits the documented schema', () => {
    expect(contract.validateResponse('GET', '/rest/api/3/issueLinkType', 200, { issueLinkTypes: [{ id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks', self: 'http://localhost/x' }] })).toEqual([]);
  });

  it('names what does not fit', () => {
    expect(contract.validateResponse('GET', '/rest/api/3/issueLinkType', 200, { issueLinkTypes: [{ id: 1, colour: 'red' }] })).toEqual(['/issueLinkTypes/0 must NOT have additional properties ("colour")', '/issueLinkTypes/0/id must be string']);
  });

  it('accepts the list of remote links Jira answers without a global id', () => {
    expect(contract.validateResponse('GET', '/rest/api/3/issue/{issueIdOrKey}/remotelink', 200, [{ id: 1, object: { url: 'https://x', title: 'x' } }])).toEqual([]);
  });
});
