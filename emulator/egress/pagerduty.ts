/**
 * Stand-in for the PagerDuty Events API v2 (`https://events.pagerduty.com/v2/enqueue` and
 * `/v2/change/enqueue`): events are checked against the published contract, alerts are kept
 * per dedup key, and answers have PagerDuty's shapes (202 success, 400 with `errors`). Each alert
 * stands for the PagerDuty incident it opens, so a responder can acknowledge it (see pagerduty-webhooks.ts).
 */
import { randomBytes } from 'node:crypto';
import type { SiteDatabase } from '../db';
import { pagerDutyRequestProblems } from './contracts';
import { recordedRequest, type EgressAnswer, type EgressRequest, type StandIn, type StandInDeps } from './egress-types';

const schema = `
CREATE TABLE IF NOT EXISTS pagerduty_alerts (
  dedup_key TEXT PRIMARY KEY,
  routing_key TEXT NOT NULL,
  status TEXT NOT NULL,
  summary TEXT NOT NULL,
  severity TEXT,
  updated_at TEXT NOT NULL
);
`;

/** Columns added after the table first shipped; a site database from before gets them on start. */
const addedColumns: Record<string, string> = { triggered_at: 'TEXT' };

export interface PagerDutyAlert {
  dedupKey: string;
  routingKey: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  summary: string;
  severity: string | null;
}

/** An alert as the PagerDuty incident it opened: the number and id PagerDuty would give it. */
export interface PagerDutyIncident extends PagerDutyAlert {
  id: string;
  number: number;
  createdAt: string;
}

interface AlertRow {
  rowid: number;
  dedup_key: string;
  routing_key: string;
  status: PagerDutyAlert['status'];
  summary: string;
  severity: string | null;
  updated_at: string;
  triggered_at: string | null;
}

export class PagerDutyStandIn implements StandIn {
  constructor(
    private readonly db: SiteDatabase,
    private readonly deps: StandInDeps,
  ) {
    db.exec(schema);
    const columns = new Set((db.prepare('PRAGMA table_info(pagerduty_alerts)').all() as { name: string }[]).map((column) => column.name));
    for (const [name, type] of Object.entries(addedColumns)) {
      if (!columns.has(name)) db.exec(`ALTER TABLE pagerduty_alerts ADD COLUMN ${name} ${type}`);
    }
  }

  handles(url: URL): boolean {
    return url.hostname === 'events.pagerduty.com';
  }

  handle(request: EgressRequest): EgressAnswer {
    const path = request.url.pathname.replace(/^\/v2/, '');
    const answer = this.answer(path, request);
    const body = isRecord(request.body) ? request.body : {};
    const payload = isRecord(body.payload) ? body.payload : {};
    const action = typeof body.event_action === 'string' ? body.event_action : 'change';
    this.deps.outbox.record({
      channel: 'pagerduty',
      to: typeof body.routing_key === 'string' ? body.routing_key : 'pagerduty',
      subject: `${action}: ${typeof payload.summary === 'string' ? payload.summary : ''}`.trim(),
      body: request.body,
      request: recordedRequest(request, answer),
    });
    return answer;
  }

  alerts(): PagerDutyAlert[] {
    const rows = this.db.prepare('SELECT * FROM pagerduty_alerts ORDER BY updated_at').all() as {
      dedup_key: string;
      routing_key: string;
      status: PagerDutyAlert['status'];
      summary: string;
      severity: string | null;
    }[];
    return rows.map((row) => ({ dedupKey: row.dedup_key, routingKey: row.routing_key, status: row.status, summary: row.summary, severity: row.severity }));
  }

  /** The incident a dedup key opened, or undefined when no trigger used it. */
  incident(dedupKey: string): PagerDutyIncident | undefined {
    const row = this.db.prepare('SELECT rowid, * FROM pagerduty_alerts WHERE dedup_key = ?').get(dedupKey) as AlertRow | undefined;
    return row === undefined ? undefined : toIncident(row);
  }

  incidents(): PagerDutyIncident[] {
    return (this.db.prepare('SELECT rowid, * FROM pagerduty_alerts ORDER BY rowid').all() as AlertRow[]).map(toIncident);
  }

  /** A responder acknowledges in PagerDuty: a triggered or acknowledged incident is (again) acknowledged; a resolved one stays resolved. */
  acknowledge(dedupKey: string): PagerDutyIncident | undefined {
    const incident = this.incident(dedupKey);
    if (incident === undefined || incident.status === 'resolved') return incident;
    this.db.prepare("UPDATE pagerduty_alerts SET status = 'acknowledged', updated_at = ? WHERE dedup_key = ?").run(new Date(this.deps.now()).toISOString(), dedupKey);
    return { ...incident, status: 'acknowledged' };
  }

  private answer(path: string, request: EgressRequest): EgressAnswer {
    if (request.method !== 'POST') return { status: 405, body: { status: 'invalid method', message: 'Only POST is accepted' } };
    if (path !== '/enqueue' && path !== '/change/enqueue') {
      return { status: 404, body: { status: 'not found', message: `No Events API operation at ${request.url.pathname}` } };
    }
    if (!isRecord(request.body)) {
      return invalid('Event object format is unrecognized', ['JSON parse error']);
    }
    const problems = pagerDutyRequestProblems(path, request.body);
    if (path === '/change/enqueue') {
      return problems.length > 0 ? invalid('Event object is invalid', problems) : { status: 202, body: { status: 'success', message: 'Change event processed' } };
    }
    const event = request.body;
    const action = event.event_action;
    if (action === 'trigger' && !isRecord(event.payload)) problems.push("'payload' is missing or blank");
    if ((action === 'acknowledge' || action === 'resolve') && (typeof event.dedup_key !== 'string' || event.dedup_key === '')) {
      problems.push("'dedup_key' is required for acknowledge and resolve events");
    }
    if (problems.length > 0) return invalid('Event object is invalid', problems);
    const dedupKey = typeof event.dedup_key === 'string' && event.dedup_key !== '' ? event.dedup_key : randomBytes(16).toString('hex');
    this.store(dedupKey, event);
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
  }

  private store(dedupKey: string, event: Record<string, unknown>): void {
    const status = event.event_action === 'trigger' ? 'triggered' : event.event_action === 'acknowledge' ? 'acknowledged' : 'resolved';
    const payload = isRecord(event.payload) ? event.payload : {};
    const at = new Date(this.deps.now()).toISOString();
    const existing = this.db.prepare('SELECT summary, severity FROM pagerduty_alerts WHERE dedup_key = ?').get(dedupKey) as
      | { summary: string; severity: string | null }
      | undefined;
    // A resolved alert stays resolved until a new trigger; acknowledging it again changes nothing.
    if (existing === undefined && status !== 'triggered') return;
    this.db
      .prepare(
        `INSERT INTO pagerduty_alerts (dedup_key, routing_key, status, summary, severity, updated_at, triggered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(dedup_key) DO UPDATE SET status = excluded.status, summary = excluded.summary, severity = excluded.severity, updated_at = excluded.updated_at`,
      )
      .run(
        dedupKey,
        String(event.routing_key),
        status,
        typeof payload.summary === 'string' ? payload.summary : (existing?.summary ?? ''),
        typeof payload.severity === 'string' ? payload.severity : (existing?.severity ?? null),
        at,
        at,
      );
  }
}

function toIncident(row: AlertRow): PagerDutyIncident {
  return {
    id: `Q${row.rowid.toString(36).toUpperCase().padStart(6, '0')}`,
    number: row.rowid,
    dedupKey: row.dedup_key,
    routingKey: row.routing_key,
    status: row.status,
    summary: row.summary,
    severity: row.severity,
    createdAt: row.triggered_at ?? row.updated_at,
  };
}

function invalid(message: string, errors: string[]): EgressAnswer {
  return { status: 400, body: { status: 'invalid event', message, errors } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
