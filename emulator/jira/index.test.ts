import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JiraEmulator } from './index';
import { adf, appFieldsForTests, createIncident, createJiraHarness, createOptionField, issueFields, testAppId, testBaseUrl, type JiraHarness } from './jira-test-harness';

const bea = 'bea.bitbucket@example.com';

function basic(credentials: string): string {
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

describe('authentication', () => {
  let site: JiraHarness;
  beforeEach(() => {
    site = createJiraHarness();
  });
  afterEach(() => site.close());

  it('signs people in with HTTP Basic <email>:local', () => {
    expect(site.jira.authenticate(basic('bea.bitbucket@example.com:local'))).toEqual({ kind: 'user', accountId: site.accountId(bea) });
    expect(site.jira.authenticate(basic('BEA.Bitbucket@example.com:local'))).toEqual({ kind: 'user', accountId: site.accountId(bea) });
  });

  it('treats a missing header as anonymous and anything wrong as a failed sign-in', () => {
    expect(site.jira.authenticate(undefined)).toEqual({ kind: 'anonymous' });
    expect(site.jira.authenticate(basic('bea.bitbucket@example.com:secret'))).toBeUndefined();
    expect(site.jira.authenticate(basic('nobody@example.com:local'))).toBeUndefined();
    expect(site.jira.authenticate('Bearer abc')).toBeUndefined();
  });

  it('does not let anyone sign in as the app account', () => {
    expect(site.jira.authenticate(basic(`${site.jira.appUser().emailAddress}:local`))).toBeUndefined();
  });

  it('lists the people of the site, not the app', () => {
    const emails = site.jira.users().map((user) => user.emailAddress);
    expect(emails).toHaveLength(14);
    expect(emails).toContain('vera.viewer@example.com');
    expect(site.jira.users().every((user) => user.accountType === 'atlassian')).toBe(true);
  });
});

describe('operations outside what the site implements', () => {
  let site: JiraHarness;
  beforeEach(() => {
    site = createJiraHarness();
  });
  afterEach(() => site.close());

  it('answers 501 naming an operation of the contract that is not implemented', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/dashboard');
    expect(answer).toMatchObject({ status: 501, body: { errorMessages: ['Not implemented on the local site: GET /rest/api/3/dashboard'], errors: {} } });
    const templated = await site.call(bea, 'GET', '/rest/api/3/issue/HOT-1/worklog');
    expect((templated.body as { errorMessages: string[] }).errorMessages).toEqual(['Not implemented on the local site: GET /rest/api/3/issue/{issueIdOrKey}/worklog']);
  });

  it('answers 501 for a path the contract does not know', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/teleport');
    expect(answer).toMatchObject({ status: 501, body: { errorMessages: ['Not implemented on the local site: GET /rest/api/3/teleport'] } });
  });

  it('answers 405 for a method the path does not have', async () => {
    const answer = await site.call(bea, 'PATCH', '/rest/api/3/issue/HOT-1');
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET, PUT, DELETE');
  });

  it('implements every operation it registers against the contract', () => {
    expect(site.jira.implementedOperations()).toEqual(expect.arrayContaining(['POST /rest/api/3/issue', 'GET /rest/api/3/search/jql', 'PUT /rest/api/3/app/field/{fieldIdOrKey}/value']));
  });
});

describe('persistence', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'jira-emulator-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps issues, comments, links, options, app field ids and history when the same file is opened again', async () => {
    const path = join(folder, 'site.db');
    const first = createJiraHarness({ dbPath: path });
    const severity = await createOptionField(first, 'Severity', 'select', ['Sev 1', 'Sev 2']);
    const key = await createIncident(first, bea, 'Pushes fail', { [severity.id]: { value: 'Sev 1' }, labels: ['bitbucket'] });
    const other = await createIncident(first, bea, 'Cleanup');
    await first.call(bea, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('On it') });
    await first.call(bea, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '11' } });
    await first.call(bea, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key }, outwardIssue: { key: other } });
    await first.call(bea, 'POST', `/rest/api/3/issue/${key}/remotelink`, { object: { url: 'https://chat.example.com/hot-1', title: '#hot-1' } });
    const appFieldsBefore = ((await first.call('app', 'GET', '/rest/api/3/field')).body as { id: string; custom: boolean }[]).filter((field) => field.custom);
    first.close();

    const second = createJiraHarness({ dbPath: path });
    const fields = await issueFields(second, bea, key);
    expect(fields).toMatchObject({ summary: 'Pushes fail', status: { name: 'Fixing' }, labels: ['bitbucket'], [severity.id]: { value: 'Sev 1' }, comment: { total: 1 } });
    expect(fields['issuelinks']).toHaveLength(1);
    expect((await second.call(bea, 'GET', `/rest/api/3/issue/${key}/remotelink`)).body).toHaveLength(1);
    expect(((await second.call(bea, 'GET', `/rest/api/3/issue/${key}/changelog`)).body as { total: number }).total).toBe(2);
    const appFieldsAfter = ((await second.call('app', 'GET', '/rest/api/3/field')).body as { id: string; custom: boolean }[]).filter((field) => field.custom);
    expect(appFieldsAfter.map((field) => field.id)).toEqual(appFieldsBefore.map((field) => field.id));
    expect(await createIncident(second, bea, 'Next')).toBe('HOT-3');
    second.close();
  });

  it('trashes app fields that left the manifest and keeps the ids of those that stayed', async () => {
    const path = join(folder, 'site.db');
    const db = new Database(path);
    const open = (customFields = appFieldsForTests): JiraEmulator => new JiraEmulator({ db, now: () => 0, baseUrl: testBaseUrl, customFields, appId: testAppId });
    const idsOf = (jira: JiraEmulator): Promise<string[]> =>
      jira
        .handle({ method: 'GET', path: '/rest/api/3/field', headers: {}, actor: { kind: 'app' } })
        .then((answer) => (answer.body as { id: string; custom: boolean }[]).filter((field) => field.custom).map((field) => field.id));
    const before = await idsOf(open());
    const after = await idsOf(open(appFieldsForTests.slice(1)));
    expect(after).toEqual(before.slice(1));
    db.close();
  });
});

describe('the demo organisation', () => {
  it('is created once, however often the site starts', () => {
    const site = createJiraHarness();
    site.jira.seedDemo();
    site.jira.seedDemo();
    expect(site.jira.users()).toHaveLength(14);
    expect(site.jira.userByEmail('imogen.imoc@example.com')?.groups).toEqual(['imoc', 'jira-users']);
    expect(site.jira.userByEmail('admin@example.com')?.siteAdmin).toBe(true);
    site.close();
  });

  it('records each service’s deployments and other changes as resolved issues of the Changes project, labelled with the service', async () => {
    const site = createJiraHarness();
    site.jira.seedDemo();
    for (const label of ['bitbucket', 'jira-cloud', 'confluence']) {
      const found = (await site.call('bea.bitbucket@example.com', 'POST', '/rest/api/3/search/jql', { jql: `project = CHG AND labels = ${label}`, fields: ['resolutiondate', 'issuetype'] })).body as {
        issues: { fields: { resolutiondate: string; issuetype: { name: string } } }[];
      };
      expect(found.issues.length).toBeGreaterThanOrEqual(2);
      expect(found.issues.every((issue) => Date.parse(issue.fields.resolutiondate) < site.now())).toBe(true);
    }
    site.close();
  });
});

describe('start-up', () => {
  it('opens a fresh site well within the two-second budget', () => {
    const started = performance.now();
    const db = new Database(':memory:');
    const jira = new JiraEmulator({ db, now: () => Date.now(), baseUrl: testBaseUrl, customFields: appFieldsForTests, appId: testAppId });
    jira.seedDemo();
    expect(performance.now() - started).toBeLessThan(1000);
    db.close();
  });
});
