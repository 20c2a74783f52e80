/** Starts a site in-process for tests: random port, temporary database, the probe app. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site, type SiteOptions } from '../site';

export const probeManifest = join(__dirname, 'manifest.yml');
export const probeSrc = join(__dirname, 'src');

export interface TestSite {
  site: Site;
  dbPath: string;
  /** Closes the site and deletes its database folder. */
  stop(): Promise<void>;
}

export async function startTestSite(options: Partial<SiteOptions> = {}): Promise<TestSite> {
  const folder = mkdtempSync(join(tmpdir(), 'local-site-'));
  const dbPath = options.dbPath ?? join(folder, 'site.db');
  const site = await createSite({ dbPath, port: 0, manifestPath: probeManifest, srcDir: probeSrc, tickMs: 0, ...options });
  return {
    site,
    dbPath,
    stop: async () => {
      await site.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function basicAuth(email: string): string {
  return `Basic ${Buffer.from(`${email}:local`).toString('base64')}`;
}

/** A demo user who can create issues (the first human the seed made). */
export function demoUser(site: Site): { accountId: string; emailAddress: string } {
  const user = site.jira.users().find((candidate) => candidate.accountType === 'atlassian' && candidate.active);
  if (!user) throw new Error('The demo seed made no users');
  return user;
}

export async function jiraJson(site: Site, email: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${site.baseUrl}${path}`, {
    method,
    headers: { authorization: basicAuth(email), 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Creates an issue through the REST API, as `email`, in the first project it can see. */
export async function createIssue(site: Site, email: string, summary: string): Promise<string> {
  const projects = await jiraJson(site, email, 'GET', '/rest/api/3/project');
  const project = (projects.body as { key: string }[])[0];
  if (!project) throw new Error(`No project visible to ${email}: ${JSON.stringify(projects.body)}`);
  const details = await jiraJson(site, email, 'GET', `/rest/api/3/project/${project.key}`);
  const issueType = (details.body as { issueTypes: { id: string; subtask: boolean }[] }).issueTypes.find((type) => !type.subtask);
  if (!issueType) throw new Error(`Project ${project.key} has no issue type`);
  const created = await jiraJson(site, email, 'POST', '/rest/api/3/issue', { fields: { project: { key: project.key }, issuetype: { id: issueType.id }, summary } });
  if (created.status !== 201) throw new Error(`Creating an issue failed: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { key: string }).key;
}

export async function control(site: Site, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${site.baseUrl}/__local/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
