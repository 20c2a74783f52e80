/** Every handler invocation the site ran, with its remote calls; what `/__local/invocations` serves. */
import type { SiteDatabase } from '../db';
import type { InvocationTrigger, RemoteCall } from './invocation-scope';

export interface InvocationRecord {
  seq: number;
  invocationId: string;
  moduleKey: string;
  functionKey: string;
  trigger: InvocationTrigger;
  accountId?: string;
  startedAt: string;
  durationMs: number;
  /** `ok`, `timeout`, or `error: <message>` */
  outcome: string;
  remoteCalls: RemoteCall[];
  sequentialRemoteCalls: number;
}

export type NewInvocationRecord = Omit<InvocationRecord, 'seq'>;

export class InvocationLog {
  constructor(private readonly db: SiteDatabase) {}

  append(record: NewInvocationRecord): InvocationRecord {
    const result = this.db.prepare('INSERT INTO site_invocations (record) VALUES (?)').run(JSON.stringify(record));
    return { seq: Number(result.lastInsertRowid), ...record };
  }

  list(since = 0): InvocationRecord[] {
    const rows = this.db.prepare('SELECT seq, record FROM site_invocations WHERE seq > ? ORDER BY seq').all(since) as { seq: number; record: string }[];
    return rows.map((row) => ({ ...(JSON.parse(row.record) as NewInvocationRecord), seq: row.seq }));
  }
}
