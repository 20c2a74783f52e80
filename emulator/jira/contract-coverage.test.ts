import { createJiraHarness, type JiraHarness } from './jira-test-harness';
import { OpenApiContract } from './openapi-validator';

/** A path for an operation template, with harmless values in place of its parameters. */
function samplePath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => (/Id$|^id$/.test(name) && name !== 'issueIdOrKey' && name !== 'fieldId' ? '10000' : 'HOT-1'));
}

let site: JiraHarness;
let operations: { method: string; template: string }[];
beforeAll(() => {
  site = createJiraHarness();
  operations = site.jira.implementedOperations().map((entry) => {
    const [method = '', template = ''] = entry.split(' ');
    return { method, template };
  });
});
afterAll(() => site.close());

describe('every implemented operation', () => {
  it('is an operation of the official contract', () => {
    const contract = OpenApiContract.jira();
    for (const { method, template } of operations) {
      expect(contract.match(method, samplePath(template))).toMatchObject({ kind: 'operation', template });
    }
    expect(operations.length).toBeGreaterThanOrEqual(50);
  });

  it('refuses anonymous callers with 401 and a Jira error body, except server information', async () => {
    for (const { method, template } of operations) {
      const answer = await site.call('anonymous', method, samplePath(template), method === 'GET' || method === 'DELETE' ? undefined : {});
      if (template === '/rest/api/3/serverInfo') expect(answer.status).toBe(200);
      else expect([template, answer.status]).toEqual([template, 401]);
    }
  });

  it('refuses a missing body with 400 where the contract requires one', async () => {
    const contract = OpenApiContract.jira();
    const needsBody = operations.filter(({ method, template }) => {
      try {
        contract.validateRequest(method, template, {}, new URLSearchParams(), undefined);
        return false;
      } catch {
        return true;
      }
    });
    expect(needsBody.length).toBeGreaterThan(10);
    for (const { method, template } of needsBody) {
      const answer = await site.call('app', method, samplePath(template), undefined);
      expect([template, answer.status]).toEqual([template, 400]);
    }
  });
});
