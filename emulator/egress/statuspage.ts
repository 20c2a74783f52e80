/**
 * Stand-in for the Statuspage API (`https://api.statuspage.io/v1/pages/{page_id}/…`): create, update,
 * list and read incidents, list components, with `Authorization: OAuth <key>`. Request bodies are
 * checked against the published document (patched in memory, see ./contracts.ts). Two pages exist
 * from the start, an internal one for staff and an external one for customers, with a component per
 * demo product, readable as status pages at `/status/internal` and `/status/external`.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SiteDatabase } from '../db';
import { statuspageProblems } from './contracts';
import { recordedRequest, type EgressAnswer, type EgressRequest, type StandIn, type StandInDeps } from './egress-types';

const schema = `
CREATE TABLE IF NOT EXISTS statuspage_incidents (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL,
  record TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS statuspage_pages (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS statuspage_components (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  position INTEGER NOT NULL
);
`;

/** The demo organisation's two pages and their components, one per product. */
export const DEMO_STATUS_PAGES = [
  { id: 'intstatus01', slug: 'internal', name: 'Internal status (staff only)', components: [['cmpintbitbucket', 'Bitbucket'], ['cmpintjira', 'Jira'], ['cmpintconfluence', 'Confluence']] },
  { id: 'extstatus01', slug: 'external', name: 'Status', components: [['cmpextbitbucket', 'Bitbucket'], ['cmpextjira', 'Jira'], ['cmpextconfluence', 'Confluence']] },
] as const;

export interface StatusComponent {
  id: string;
  page_id: string;
  name: string;
  status: string;
  position: number;
}

const incidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in_progress', 'verifying', 'completed']);
const incidentInput = z.object({
  incident: z.looseObject({
    name: z.string().min(1).optional(),
    status: incidentStatus.optional(),
    body: z.string().optional(),
    impact_override: z.enum(['none', 'maintenance', 'minor', 'major', 'critical']).optional(),
    component_ids: z.array(z.string()).optional(),
    components: z.record(z.string(), z.string()).optional(),
    deliver_notifications: z.boolean().optional(),
  }),
});

interface IncidentUpdate {
  id: string;
  status: string;
  body: string;
  created_at: string;
}

interface Incident {
  id: string;
  page_id: string;
  name: string;
  status: string;
  impact: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  shortlink: string;
  incident_updates: IncidentUpdate[];
  components: { id: string; status: string }[];
}

export class StatuspageStandIn implements StandIn {
  constructor(
    private readonly db: SiteDatabase,
    private readonly deps: StandInDeps,
  ) {
    db.exec(schema);
    const page = db.prepare('INSERT OR IGNORE INTO statuspage_pages (id, slug, name) VALUES (?, ?, ?)');
    const component = db.prepare('INSERT OR IGNORE INTO statuspage_components (id, page_id, name, status, position) VALUES (?, ?, ?, ?, ?)');
    for (const demo of DEMO_STATUS_PAGES) {
      page.run(demo.id, demo.slug, demo.name);
      demo.components.forEach(([id, name], position) => component.run(id, demo.id, name, 'operational', position));
    }
  }

  /** A page by its slug (`internal`, `external`) or id. */
  page(slugOrId: string): { id: string; slug: string; name: string } | undefined {
    return this.db.prepare('SELECT id, slug, name FROM statuspage_pages WHERE slug = ? OR id = ?').get(slugOrId, slugOrId) as { id: string; slug: string; name: string } | undefined;
  }

  components(pageId: string): StatusComponent[] {
    return this.db.prepare('SELECT * FROM statuspage_components WHERE page_id = ? ORDER BY position').all(pageId) as StatusComponent[];
  }

  handles(url: URL): boolean {
    return url.hostname === 'api.statuspage.io';
  }

  handle(request: EgressRequest): EgressAnswer {
    const answer = this.answer(request);
    const match = /^\/v1\/pages\/([^/]+)\/incidents/.exec(request.url.pathname);
    const incident = answer.status < 300 && isIncident(answer.body) ? answer.body : undefined;
    this.deps.outbox.record({
      channel: 'statuspage',
      to: match?.[1] ?? 'statuspage',
      ...(incident ? { subject: `${incident.name} — ${incident.status}` } : {}),
      body: request.body,
      request: recordedRequest(request, answer),
    });
    return answer;
  }

  incidents(pageId: string): Incident[] {
    const rows = this.db.prepare('SELECT record FROM statuspage_incidents WHERE page_id = ? ORDER BY created_at DESC').all(pageId) as { record: string }[];
    return rows.map((row) => JSON.parse(row.record) as Incident);
  }

  private answer(request: EgressRequest): EgressAnswer {
    if (!/^OAuth\s+\S+$/i.test(request.headers.get('authorization') ?? '')) {
      return { status: 401, body: { error: 'Could not authenticate' } };
    }
    const components = /^\/v1\/pages\/([^/]+)\/components(?:\.json)?$/.exec(request.url.pathname);
    if (components?.[1] !== undefined && request.method === 'GET') return { status: 200, body: this.components(components[1]).map((c) => this.componentAnswer(c)) };
    const match = /^\/v1\/pages\/([^/]+)\/incidents(?:\/([^/]+))?(?:\.json)?$/.exec(request.url.pathname);
    if (!match?.[1]) return { status: 404, body: { error: 'Not found' } };
    if (this.page(match[1]) === undefined) return { status: 404, body: { error: 'Page not found' } };
    if (request.method === 'POST' || request.method === 'PATCH' || request.method === 'PUT') {
      const operation = request.method === 'POST' ? 'POST /pages/{page_id}/incidents' : (`${request.method} /pages/{page_id}/incidents/{incident_id}` as const);
      const problems = statuspageProblems(operation, request.body);
      if (problems.length > 0) return { status: 422, body: { error: problems.join('; ') } };
    }
    const pageId = match[1];
    const incidentId = match[2];
    if (incidentId === undefined) {
      if (request.method === 'GET') return { status: 200, body: this.incidents(pageId) };
      if (request.method === 'POST') return this.create(pageId, request.body);
    } else {
      const existing = this.find(pageId, incidentId);
      if (!existing) return { status: 404, body: { error: 'Not found' } };
      if (request.method === 'GET') return { status: 200, body: existing };
      if (request.method === 'PATCH' || request.method === 'PUT') return this.update(existing, request.body);
    }
    return { status: 405, body: { error: `${request.method} is not allowed here` } };
  }

  private create(pageId: string, body: unknown): EgressAnswer {
    const input = incidentInput.safeParse(body);
    if (!input.success) return { status: 422, body: { error: z.prettifyError(input.error) } };
    const { name, status = 'investigating', body: text = '', impact_override: impact = 'none' } = input.data.incident;
    if (name === undefined) return { status: 422, body: { error: "Name can't be blank" } };
    const at = this.nowIso();
    const id = randomBytes(6).toString('hex');
    const incident: Incident = {
      id,
      page_id: pageId,
      name,
      status,
      impact,
      created_at: at,
      updated_at: at,
      resolved_at: status === 'resolved' ? at : null,
      shortlink: `https://stspg.io/${id}`,
      incident_updates: [{ id: randomBytes(6).toString('hex'), status, body: text, created_at: at }],
      components: Object.entries(input.data.incident.components ?? {}).map(([componentId, componentStatus]) => ({ id: componentId, status: componentStatus })),
    };
    this.db.prepare('INSERT INTO statuspage_incidents (id, page_id, record, created_at) VALUES (?, ?, ?, ?)').run(id, pageId, JSON.stringify(incident), at);
    this.applyComponents(pageId, input.data.incident.components);
    return { status: 201, body: incident };
  }

  private update(existing: Incident, body: unknown): EgressAnswer {
    const input = incidentInput.safeParse(body);
    if (!input.success) return { status: 422, body: { error: z.prettifyError(input.error) } };
    const change = input.data.incident;
    const at = this.nowIso();
    const status = change.status ?? existing.status;
    const updates = change.status !== undefined || change.body !== undefined
      ? [{ id: randomBytes(6).toString('hex'), status, body: change.body ?? '', created_at: at }, ...existing.incident_updates]
      : existing.incident_updates;
    const incident: Incident = {
      ...existing,
      name: change.name ?? existing.name,
      status,
      impact: change.impact_override ?? existing.impact,
      updated_at: at,
      resolved_at: status === 'resolved' ? (existing.resolved_at ?? at) : null,
      incident_updates: updates,
    };
    const components = change.components ?? {};
    incident.components = mergeComponents(existing.components, components);
    this.db.prepare('UPDATE statuspage_incidents SET record = ? WHERE id = ?').run(JSON.stringify(incident), existing.id);
    // A resolved incident gives its components back to operational, as Statuspage does.
    this.applyComponents(existing.page_id, status === 'resolved' ? Object.fromEntries(incident.components.map((c) => [c.id, 'operational'])) : components);
    return { status: 200, body: incident };
  }

  private applyComponents(pageId: string, statuses: Record<string, string> | undefined): void {
    const update = this.db.prepare('UPDATE statuspage_components SET status = ? WHERE id = ? AND page_id = ?');
    for (const [id, status] of Object.entries(statuses ?? {})) update.run(status, id, pageId);
  }

  private componentAnswer(component: StatusComponent): Record<string, unknown> {
    const at = this.nowIso();
    return { id: component.id, page_id: component.page_id, group_id: null, created_at: at, updated_at: at, group: false, name: component.name, description: null, position: component.position, status: component.status, showcase: true, only_show_if_degraded: false, automation_email: `component+${component.id}@notifications.statuspage.io`, start_date: null };
  }

  private find(pageId: string, id: string): Incident | undefined {
    const row = this.db.prepare('SELECT record FROM statuspage_incidents WHERE id = ? AND page_id = ?').get(id, pageId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as Incident) : undefined;
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

function mergeComponents(existing: { id: string; status: string }[], change: Record<string, string>): { id: string; status: string }[] {
  const merged = new Map(existing.map((c) => [c.id, c.status]));
  for (const [id, status] of Object.entries(change)) merged.set(id, status);
  return [...merged].map(([id, status]) => ({ id, status }));
}

function isIncident(value: unknown): value is Incident {
  return typeof value === 'object' && value !== null && 'name' in value && 'status' in value;
}
