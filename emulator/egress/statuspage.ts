/**
 * Stand-in for the Statuspage API (`https://api.statuspage.io/v1/pages/{page_id}/incidents`):
 * create, update, list and read incidents with `Authorization: OAuth <key>`.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SiteDatabase } from '../db';
import { recordedRequest, type EgressAnswer, type EgressRequest, type StandIn, type StandInDeps } from './egress-types';

const schema = `
CREATE TABLE IF NOT EXISTS statuspage_incidents (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL,
  record TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;

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
    const match = /^\/v1\/pages\/([^/]+)\/incidents(?:\/([^/]+))?(?:\.json)?$/.exec(request.url.pathname);
    if (!match?.[1]) return { status: 404, body: { error: 'Not found' } };
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
    this.db.prepare('UPDATE statuspage_incidents SET record = ? WHERE id = ?').run(JSON.stringify(incident), existing.id);
    return { status: 200, body: incident };
  }

  private find(pageId: string, id: string): Incident | undefined {
    const row = this.db.prepare('SELECT record FROM statuspage_incidents WHERE id = ? AND page_id = ?').get(id, pageId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as Incident) : undefined;
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

function isIncident(value: unknown): value is Incident {
  return typeof value === 'object' && value !== null && 'name' in value && 'status' in value;
}
