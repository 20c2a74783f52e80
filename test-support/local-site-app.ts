/**
 * The app on an in-process local site, installed and configured: rosters for the seeded people
 * (Bea for Bitbucket, Cal for Confluence, Imogen as IMOC), the fields provisioned by the install
 * event. Shared by the local-site tests and the paging benchmark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigurationDocument, FieldIdsDocument } from '../src/contracts/configuration';
import type { ResolverResult } from '../src/contracts/resolver-result';
import { createSite, type Site } from '../emulator/site';
import { configurationDocument, rosterDocument } from '../src/app/testing/fixtures';

export interface LocalSite {
  site: Site;
  people: Record<string, string>;
  fields: FieldIdsDocument;
  stop(): Promise<void>;
}

export function personId(site: Site, email: string): string {
  const user = site.jira.users().find((candidate) => candidate.emailAddress === email);
  if (user === undefined) throw new Error(`The local site has no ${email}`);
  return user.accountId;
}

export async function resolve<T>(site: Site, moduleKey: string, functionKey: string, email: string, payload: unknown, extension?: Record<string, unknown>): Promise<T> {
  const result = (await site.forge.invokeResolver({ moduleKey, functionKey, accountId: personId(site, email), payload, ...(extension === undefined ? {} : { extension }) })) as ResolverResult<T>;
  if (!result.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function configuration(site: Site): ConfigurationDocument {
  // The use-case tests' configuration, with the local site's people on the rosters.
  return configurationDocument({
    rosters: [
      rosterDocument('bitbucket', 'Bitbucket incident managers', [personId(site, 'bea.bitbucket@example.com')], {}, '2020-01-06'),
      rosterDocument('confluence', 'Confluence incident managers', [personId(site, 'cal.confluence@example.com')], {}, '2020-01-06'),
      rosterDocument('imoc', 'Incident manager on call', [personId(site, 'imogen.imoc@example.com')], {}, '2020-01-06'),
    ],
    supportCases: { projectKeys: ['SUP'] },
  });
}

/** Starts the site; `adjust` may change the configuration the admin saves (channels, integrations). */
export async function startLocalSite(adjust: (document: ConfigurationDocument, site: Site) => ConfigurationDocument = (document) => document): Promise<LocalSite> {
  const folder = mkdtempSync(join(tmpdir(), 'incident-response-'));
  const site = await createSite({ dbPath: join(folder, 'site.db'), port: 0, fresh: true, tickMs: 0 });
  // The install event provisions the fields; the admin then saves rosters for the seeded people.
  await site.settle();
  const saved = await resolve<{ configuration: ConfigurationDocument }>(site, 'incident-settings', 'saveConfiguration', 'admin@example.com', { configuration: adjust(configuration(site), site) });
  const fields = saved.configuration.fields;
  if (fields === undefined) throw new Error('The install event did not provision the fields');
  const people = Object.fromEntries(site.jira.users().map((user) => [user.emailAddress, user.accountId]));
  return {
    site,
    people,
    fields,
    stop: async () => {
      await site.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function rest(site: Site, email: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${site.baseUrl}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${email}:local`).toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}


/** An incident issue as a panel sees it. */
export interface IncidentRef {
  readonly key: string;
  readonly id: string;
}

/** Jay (support) declares the tests' usual Sev 1 Bitbucket incident from the Declare page; settles its events. */
export async function declareBitbucketIncident(local: LocalSite, options: { description?: string; severity?: 1 | 2 | 3 } = {}): Promise<IncidentRef> {
  const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
    summary: 'Git pushes fail for everyone',
    description: options.description ?? 'Every push answers 500.',
    severity: options.severity ?? 1,
    faultyService: 'Bitbucket',
    affectedProducts: ['Bitbucket'],
  });
  await local.site.settle();
  const issue = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=summary`);
  return { key: issueKey, id: String((issue.body as { id: string }).id) };
}

/** The issue panel's resolvers on one incident: `call` answers the value (throws on refusal), `raw` the result. */
export function panelOn(local: LocalSite, issue: IncidentRef, moduleKey = 'incident-cockpit') {
  const extension = { issue: { id: issue.id, key: issue.key, type: 'Incident' } };
  return {
    extension,
    call: <T>(email: string, functionKey: string, payload: unknown = {}) => resolve<T>(local.site, moduleKey, functionKey, email, payload, extension),
    raw: (email: string, functionKey: string, payload: unknown = {}) =>
      local.site.forge.invokeResolver({ moduleKey, functionKey, accountId: personId(local.site, email), payload, extension }) as Promise<ResolverResult<unknown>>,
  };
}
