/**
 * The app's Jira operations and the manifest scope that covers each. Forge refuses a request whose
 * operation needs a scope `manifest.yml` does not declare, and Atlassian's linter cannot follow the
 * app's client wrapper, so this test is the check: it reads every Jira request in the app's code
 * (functions and Custom UI), runs the app's main flows on the local site (which answers an
 * uncovered operation with Jira's 401), and holds both to the table below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { JiraScopeCheck } from '../emulator/forge/jira-scopes';
import { OpenApiContract } from '../emulator/jira/openapi-validator';
import type { CockpitView } from '../src/contracts/cockpit';
import { resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const root = join(__dirname, '..');

/** Every Jira operation the app uses → the declared scope that lets it call the operation. */
const operationScopes: Record<string, string[]> = {
  'PUT /rest/api/3/app/field/{fieldIdOrKey}/value': [],
  'GET /rest/api/3/field': ['read:jira-work'],
  'POST /rest/api/3/field': ['manage:jira-configuration'],
  'GET /rest/api/3/field/{fieldId}/context': ['manage:jira-configuration'],
  'POST /rest/api/3/field/{fieldId}/context': ['manage:jira-configuration'],
  'GET /rest/api/3/field/{fieldId}/context/{contextId}/option': ['manage:jira-configuration'],
  'POST /rest/api/3/field/{fieldId}/context/{contextId}/option': ['manage:jira-configuration'],
  'PUT /rest/api/3/field/{fieldId}/context/{contextId}/option': ['manage:jira-configuration'],
  'PUT /rest/api/3/field/{fieldId}/context/{contextId}/project': ['manage:jira-configuration'],
  'GET /rest/api/3/fieldconfiguration': ['manage:jira-configuration'],
  'PUT /rest/api/3/fieldconfiguration/{id}/fields': ['manage:jira-configuration'],
  'GET /rest/api/3/fieldconfigurationscheme/mapping': ['manage:jira-configuration'],
  'GET /rest/api/3/fieldconfigurationscheme/project': ['manage:jira-configuration'],
  'POST /rest/api/3/issue': ['write:jira-work'],
  'GET /rest/api/3/issue/{issueIdOrKey}': ['read:jira-work'],
  'PUT /rest/api/3/issue/{issueIdOrKey}': ['write:jira-work'],
  'POST /rest/api/3/issue/{issueIdOrKey}/comment': ['write:jira-work'],
  'POST /rest/api/3/issue/{issueIdOrKey}/notify': ['write:jira-work'],
  'POST /rest/api/3/issue/{issueIdOrKey}/remotelink': ['write:jira-work'],
  'POST /rest/api/3/issue/{issueIdOrKey}/transitions': ['write:jira-work'],
  'POST /rest/api/3/issueLink': ['write:jira-work'],
  'GET /rest/api/3/issueLinkType': ['read:jira-work'],
  'POST /rest/api/3/issueLinkType': ['manage:jira-configuration'],
  'GET /rest/api/3/issuetypescreenscheme/mapping': ['manage:jira-configuration'],
  'GET /rest/api/3/issuetypescreenscheme/project': ['manage:jira-configuration'],
  'GET /rest/api/3/mypermissions': ['read:jira-work'],
  'GET /rest/api/3/project/{projectIdOrKey}': ['read:jira-work'],
  'POST /rest/api/3/screens/addToDefault/{fieldId}': ['manage:jira-project'],
  'GET /rest/api/3/screens/{screenId}/tabs': ['manage:jira-project'],
  'GET /rest/api/3/screens/{screenId}/tabs/{tabId}/fields': ['manage:jira-project'],
  'POST /rest/api/3/screens/{screenId}/tabs/{tabId}/fields': ['manage:jira-project'],
  'POST /rest/api/3/screens/{screenId}/tabs/{tabId}/fields/{id}/move': ['manage:jira-project'],
  'GET /rest/api/3/screenscheme': ['manage:jira-project'],
  'POST /rest/api/3/search/approximate-count': ['read:jira-work'],
  'POST /rest/api/3/search/jql': ['read:jira-work'],
  'GET /rest/api/3/serverInfo': [],
  'GET /rest/api/3/user': ['read:jira-user'],
  'GET /rest/api/3/user/assignable/search': ['read:jira-user'],
  'GET /rest/api/3/user/bulk': ['read:jira-user'],
  'GET /rest/api/3/user/search': ['read:jira-user'],
};

function declaredScopes(): string[] {
  const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { permissions?: { scopes?: string[] } };
  return manifest.permissions?.scopes ?? [];
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'build' || name === 'testing') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `METHOD template` of every Jira REST path written in the app's code, with the method its request names. */
function operationsInCode(): Map<string, string[]> {
  const contract = OpenApiContract.jira();
  const found = new Map<string, string[]>();
  for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'static'))]) {
    const text = readFileSync(file, 'utf8');
    const starts = [...text.matchAll(/[`'"]\/rest\/api\/3\//g)].map((match) => match.index);
    starts.forEach((start, i) => {
      // The request's options follow its path, before the next path in the file.
      const request = text.slice(start, starts[i + 1] ?? text.length);
      const path = (/^.(\/rest\/api\/3\/[^`'"?]*)/.exec(request)?.[1] ?? '').replace(/\$\{[^}]*\}/g, 'X');
      const method = /method: '([A-Z]+)'/.exec(request.slice(0, 400))?.[1] ?? 'GET';
      const match = contract.match(method, path);
      const operation = match.kind === 'operation' ? `${match.method} ${match.template}` : `${method} ${path} (not a Jira operation)`;
      found.set(operation, [...(found.get(operation) ?? []), file.slice(root.length + 1)]);
    });
  }
  return found;
}

describe("the app's Jira operations and the scopes that cover them", () => {
  it('lists every Jira operation written in the app (functions and Custom UI)', () => {
    expect([...operationsInCode().keys()].sort()).toEqual(Object.keys(operationScopes).sort());
  });

  it("are each covered by a scope manifest.yml declares, as Forge checks them", () => {
    const check = new JiraScopeCheck(declaredScopes());
    const covered = Object.keys(operationScopes).map((operation) => {
      const [method = '', template = ''] = operation.split(' ');
      const decision = check.decide(method, template.replace(/\{[^}]+\}/g, 'X'));
      return [operation, decision.kind === 'allowed' ? decision.coveredBy : decision] as const;
    });
    expect(Object.fromEntries(covered)).toEqual(operationScopes);
  });

  describe('when the app runs its flows on the local site', () => {
    let local: LocalSite;

    beforeAll(async () => {
      local = await startLocalSite();
    });

    afterAll(async () => {
      await local.stop();
    });

    it('uses only operations of the table, each covered by the scope it names, and none is refused', async () => {
      const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
        summary: 'Git pushes fail for everyone',
        description: 'Every push answers 500.',
        severity: 1,
        faultyService: 'Bitbucket',
        affectedProducts: ['Bitbucket'],
      });
      await local.site.settle();
      const issue = (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=summary`)).body as { id: string };
      const extension = { issue: { id: issue.id, key: issueKey, type: 'Incident' } };
      const view = await resolve<CockpitView>(local.site, 'incident-cockpit', 'getCockpit', 'bea.bitbucket@example.com', {}, extension);
      await resolve(local.site, 'incident-cockpit', 'escalateIncident', 'bea.bitbucket@example.com', { target: { kind: 'roster', rosterId: 'confluence' }, reason: 'Attachments live in Confluence', requestId: 'req-0000-0042' }, extension);
      await resolve(local.site, 'incident-cockpit', 'takeCommand', 'bea.bitbucket@example.com', { transitionId: view.command.takeCommandTransitionId }, extension);
      await local.site.advanceClock(20 * 60_000);
      await local.site.settle();

      const used = local.site.forge.jiraScopes.operationsUsed();
      expect(used.length).toBeGreaterThan(5);
      for (const { operation, coveredBy } of used) expect({ operation, coveredBy }).toEqual({ operation, coveredBy: operationScopes[operation] });
      const jiraAnswers = local.site.forge.invocations.list().flatMap((record) => record.remoteCalls.filter((call) => call.kind === 'jira').map((call) => call.status));
      expect(jiraAnswers).not.toContain(401);
    });

    it("answers the Custom UI's requestJira with Jira's 401 when the manifest lacks the operation's scope", async () => {
      const asApp = await fetch(`${local.site.baseUrl}/rest/api/3/webhook`, {
        headers: { authorization: `Basic ${Buffer.from('admin@example.com:local').toString('base64')}`, 'x-local-site-app-request': 'bridge', accept: 'application/json' },
      });
      expect(asApp.status).toBe(401);
      expect(await asApp.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
      const allowed = await fetch(`${local.site.baseUrl}/rest/api/3/field`, {
        headers: { authorization: `Basic ${Buffer.from('admin@example.com:local').toString('base64')}`, 'x-local-site-app-request': 'bridge', accept: 'application/json' },
      });
      expect(allowed.status).toBe(200);
    });
  });
});
