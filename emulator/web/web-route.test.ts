import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { buildProbeApp } from '../../e2e/support/probe-app';
import { createSite, type Site } from '../site';
import { mountWebUi } from './index';
import { siteInfo, siteInfoElementId } from './src/api/site-info';

let site: Site;
let origin: string;
const log: string[] = [];

beforeAll(async () => {
  const probe = await buildProbeApp();
  site = await createSite({ dbPath: join(mkdtempSync(join(tmpdir(), 'web-route-')), 'site.db'), port: 0, fresh: true, tickMs: 0, log: (line) => log.push(line), ...probe });
  await mountWebUi(site, { log: (line) => log.push(line) }).ready;
  origin = `http://127.0.0.1:${site.port}`;
}, 60_000);

afterAll(async () => {
  await site.close();
});

function session(email: string): Record<string, string> {
  return { cookie: `local_as=${encodeURIComponent(email)}` };
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(origin + path, { redirect: 'manual', headers: { accept: 'text/html', ...headers } });
}

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(origin + path, { method, redirect: 'manual', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function accountIdOf(email: string): Promise<string> {
  const user = site.jira.userByEmail(email);
  if (user === undefined) throw new Error(`no user ${email}`);
  return user.accountId;
}

describe('signing in', () => {
  it('sets the session cookie from ?as= and drops the parameter from the URL', async () => {
    const response = await get('/browse/HOT-1?as=jay.jira@example.com&tab=history');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/browse/HOT-1?tab=history');
    expect(response.headers.get('set-cookie')).toMatch(/^local_as=jay\.jira%40example\.com; Path=\/; SameSite=Lax/);
  });

  it('sends an unknown ?as= user to the sign-in page', async () => {
    const response = await get('/issues/?as=nobody@example.com');
    expect(response.headers.get('location')).toBe('/login?unknown=nobody%40example.com&next=%2Fissues%2F');
  });

  it('forgets the session on sign-out', async () => {
    const response = await get('/logout', session('jay.jira@example.com'));
    expect(response.headers.get('location')).toBe('/login');
    expect(response.headers.get('set-cookie')).toMatch(/^local_as=; .*Max-Age=0/);
  });
});

describe('the host page', () => {
  async function embeddedInfo(response: Response) {
    const html = await response.text();
    const match = new RegExp(`<script type="application/json" id="${siteInfoElementId}">(.*?)</script>`).exec(html);
    return siteInfo.parse(JSON.parse(match?.[1] ?? 'null'));
  }

  it("carries who is signed in, everyone they could be, and the app's UI modules from the manifest", async () => {
    const info = await embeddedInfo(await get('/jira/dashboards', session('jay.jira@example.com')));
    expect(info.user?.displayName).toBe('Jay Jira');
    expect(info.users.map((user) => user.emailAddress)).toContain('vera.viewer@example.com');
    expect(info.modules.map((module) => [module.kind, module.key])).toEqual([
      ['jira:issuePanel', 'probe-panel'],
      ['jira:dashboardGadget', 'probe-gadget'],
      ['jira:globalPage', 'probe-page'],
      ['jira:workflowPostFunction', 'probe-post-function'],
    ]);
  });

  it('is served without a session too, so a visitor can choose who to be', async () => {
    const response = await get('/browse/HOT-1');
    expect(response.status).toBe(200);
    expect((await embeddedInfo(response)).user).toBeNull();
  });

  it('opens on the dashboards', async () => {
    expect((await get('/')).headers.get('location')).toBe('/jira/dashboards');
  });

  it('leaves Jira REST to the REST route', async () => {
    const response = await fetch(`${origin}/rest/api/3/myself`, { headers: { accept: 'application/json', ...session('jay.jira@example.com') } });
    expect(z.object({ displayName: z.string() }).parse(await response.json()).displayName).toBe('Jay Jira');
  });
});

describe('Custom UI resources', () => {
  it('serve the page with the bridge script first and a policy that keeps connections to the resource', async () => {
    const response = await get('/forge/probe/?frame=f1');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="en"><head><script src="\/__web\/assets\/forge-frame-[0-9a-f]+\.js"><\/script><meta charset="utf-8">/);
    expect(response.headers.get('content-security-policy')).toContain(`connect-src ${origin}/forge/probe/;`);
  });

  it('answer 404 for a resource the manifest does not declare', async () => {
    expect((await get('/forge/nothing/')).status).toBe(404);
  });
});

describe('invoking resolvers from the host page', () => {
  const call = { moduleKey: 'probe-panel', payload: {}, extension: { issue: { key: 'HOT-1' } }, localId: 'local-1' };

  it('runs the resolver as the signed-in user, with the placement the page gave', async () => {
    const response = await send('POST', '/__web/invoke', { ...call, functionKey: 'whoAmI' }, session('jay.jira@example.com'));
    expect(await response.json()).toEqual({
      ok: true,
      value: { accountId: await accountIdOf('jay.jira@example.com'), displayName: 'Jay Jira', extension: { type: 'jira:issuePanel', issue: { key: 'HOT-1' } } },
    });
  });

  it("answers a resolver's failure in Forge's words", async () => {
    const response = await send('POST', '/__web/invoke', { ...call, functionKey: 'fail' }, session('jay.jira@example.com'));
    expect(await response.json()).toEqual({ ok: false, error: 'There was an error invoking the function - The probe resolver failed on purpose' });
  });

  it('refuses a caller who has not signed in', async () => {
    expect((await send('POST', '/__web/invoke', { ...call, functionKey: 'whoAmI' })).status).toBe(401);
  });

  it('refuses a request that is not an invoke call, naming what is missing', async () => {
    const response = await send('POST', '/__web/invoke', { moduleKey: 'probe-panel' }, session('jay.jira@example.com'));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('functionKey');
  });
});

describe('the inbox', () => {
  const entries = z.object({ entries: z.array(z.object({ to: z.string(), body: z.unknown(), request: z.unknown() })) });
  const outbox = async (scope: string, email: string) => get(`/__web/outbox?scope=${scope}`, { ...session(email), accept: 'application/json' });

  it('shows a person what was sent to them, and a site administrator everything', async () => {
    site.outbox.record({ channel: 'email', to: 'cora.comms@example.com', subject: 'Status update for HOT-1', body: { text: 'Investigating' }, request: {} });
    site.outbox.record({ channel: 'slack', to: '#hot-1', body: { text: 'Declared' }, request: {} });
    const mine = entries.parse(await (await outbox('mine', 'cora.comms@example.com')).json());
    const all = entries.parse(await (await outbox('all', 'admin@example.com')).json());
    expect(mine.entries.map((entry) => entry.to)).toEqual(['cora.comms@example.com']);
    expect(all.entries.map((entry) => entry.to)).toEqual(['cora.comms@example.com', '#hot-1']);
  });

  it('keeps everything sent, with its PagerDuty routing keys, from anyone but a site administrator', async () => {
    const routingKey = 'R0UT1NGKEYFORTHEWEBTEST';
    site.outbox.record({
      channel: 'pagerduty',
      to: routingKey,
      subject: 'trigger',
      body: { routing_key: routingKey, payload: { summary: 'HOT-9', custom_details: { oncall: 'cora.comms@example.com' } } },
      request: { method: 'POST', url: 'https://events.pagerduty.com/v2/enqueue', body: JSON.stringify({ routing_key: routingKey }) },
    });
    for (const email of ['vera.viewer@example.com', 'cora.comms@example.com']) {
      const refused = await outbox('all', email);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(await refused.json())).not.toContain(routingKey);
    }
    const paged = await (await outbox('mine', 'cora.comms@example.com')).text();
    expect(paged).toContain('HOT-9');
    expect(paged).not.toContain(routingKey);
    expect(await (await outbox('all', 'admin@example.com')).text()).toContain(routingKey);
  });
});

describe('dashboard gadgets', () => {
  it('keep what their edit view submitted', async () => {
    const dashboard = z.object({ gadgets: z.array(z.object({ id: z.string(), moduleKey: z.string(), configuration: z.unknown().optional() })) });
    const before = dashboard.parse(await (await get('/__web/dashboards/10000', session('jay.jira@example.com'))).json());
    const gadget = before.gadgets.find((item) => item.moduleKey === 'probe-gadget');
    expect(gadget?.configuration).toBeUndefined();
    const saved = await send('PUT', `/__web/dashboards/10000/gadgets/${gadget?.id ?? ''}/configuration`, { greeting: 'hi' }, session('jay.jira@example.com'));
    expect(saved.status).toBe(200);
    const after = dashboard.parse(await (await get('/__web/dashboards/10000', session('jay.jira@example.com'))).json());
    expect(after.gadgets.find((item) => item.moduleKey === 'probe-gadget')?.configuration).toEqual({ greeting: 'hi' });
  });

  it('are configured only by who may edit the dashboard; a view-only person sees it without Edit and cannot save', async () => {
    const dashboard = z.object({ editable: z.boolean(), gadgets: z.array(z.object({ id: z.string(), moduleKey: z.string(), configuration: z.unknown().optional() })) });
    const asViewer = dashboard.parse(await (await get('/__web/dashboards/10000', session('vera.viewer@example.com'))).json());
    const asSupport = dashboard.parse(await (await get('/__web/dashboards/10000', session('sam.support@example.com'))).json());
    const asImoc = dashboard.parse(await (await get('/__web/dashboards/10000', session('imogen.imoc@example.com'))).json());
    const asAdmin = dashboard.parse(await (await get('/__web/dashboards/10000', session('admin@example.com'))).json());
    expect([asViewer.editable, asSupport.editable, asImoc.editable, asAdmin.editable]).toEqual([false, false, true, true]);

    const gadget = asViewer.gadgets.find((item) => item.moduleKey === 'probe-gadget');
    const path = `/__web/dashboards/10000/gadgets/${gadget?.id ?? ''}/configuration`;
    const before = gadget?.configuration;
    for (const email of ['vera.viewer@example.com', 'sam.support@example.com']) {
      const refused = await send('PUT', path, { greeting: `set by ${email}` }, session(email));
      expect(refused.status).toBe(403);
      expect(JSON.stringify(await refused.json())).toContain('permission to edit this dashboard');
    }
    const after = dashboard.parse(await (await get('/__web/dashboards/10000', session('admin@example.com'))).json());
    expect(after.gadgets.find((item) => item.moduleKey === 'probe-gadget')?.configuration).toEqual(before);
    expect((await send('PUT', path, { greeting: 'from the IMOC' }, session('imogen.imoc@example.com'))).status).toBe(200);
  });

  it('refuse a configuration that is not an object', async () => {
    expect((await send('PUT', '/__web/dashboards/10000/gadgets/10100/configuration', ['x'], session('jay.jira@example.com'))).status).toBe(400);
  });
});

describe('workflow settings', () => {
  const workflows = z.object({ workflows: z.array(z.object({ id: z.string(), transitions: z.array(z.object({ id: z.string(), postFunctions: z.array(z.unknown()) })) })) });

  it('are for Jira administrators only', async () => {
    expect((await get('/__web/workflows', session('vera.viewer@example.com'))).status).toBe(403);
    expect((await get('/__web/workflows', session('admin@example.com'))).status).toBe(200);
  });

  it("store an app post-function's configuration on the transition", async () => {
    const list = workflows.parse(await (await get('/__web/workflows', session('admin@example.com'))).json());
    const workflow = list.workflows[0];
    const transition = workflow?.transitions[0];
    if (workflow === undefined || transition === undefined) throw new Error('the demo site has no workflow');
    const rules = { postFunctions: [{ moduleKey: 'probe-post-function', configuration: '{"comment":"Paged"}' }] };
    const saved = await send('PUT', `/__web/workflows/${workflow.id}/transitions/${transition.id}/post-functions`, rules, session('admin@example.com'));
    expect(saved.status).toBe(200);
    const after = workflows.parse(await (await get('/__web/workflows', session('admin@example.com'))).json());
    expect(after.workflows.find((item) => item.id === workflow.id)?.transitions.find((item) => item.id === transition.id)?.postFunctions).toEqual(rules.postFunctions);
  });

  it('refuse a post-function the app does not declare', async () => {
    const list = workflows.parse(await (await get('/__web/workflows', session('admin@example.com'))).json());
    const workflow = list.workflows[0];
    const response = await send('PUT', `/__web/workflows/${workflow?.id ?? ''}/transitions/${workflow?.transitions[0]?.id ?? ''}/post-functions`, { postFunctions: [{ moduleKey: 'nope', configuration: '{}' }] }, session('admin@example.com'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorMessages: ['The app has no jira:workflowPostFunction "nope"'], errors: {} });
  });
});

describe('avatars', () => {
  it("draw a person's initials", async () => {
    const response = await get(`/secure/useravatar?size=24&id=${await accountIdOf('jay.jira@example.com')}`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('>JJ</text>');
  });
});
