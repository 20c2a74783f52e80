/**
 * Dashboards of the local site and the gadgets on them, with each gadget's configuration (what a
 * gadget's `edit` view submits). Jira keeps these per dashboard item; the site keeps them in its
 * SQLite file, so a restart shows the same dashboards.
 */
import type { SiteDatabase } from '../db';
import { z } from 'zod';

const schema = `
CREATE TABLE IF NOT EXISTS web_dashboards (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS web_dashboard_gadgets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dashboard_id INTEGER NOT NULL REFERENCES web_dashboards (id),
  module_key TEXT NOT NULL,
  position INTEGER NOT NULL,
  configuration TEXT,
  UNIQUE (dashboard_id, module_key)
);
`;

/** Jira numbers dashboards from 10000; the site's own dashboard takes the first id. */
export const defaultDashboardId = '10000';

/**
 * Who may edit the dashboards (and so configure their gadgets), besides Jira administrators: the
 * groups the demo's dashboard is shared with for editing, the people who run incidents. Everyone
 * else sees the dashboard as it is configured, as Jira shows a dashboard shared for viewing only.
 */
export const dashboardEditGroups: readonly string[] = ['incident-managers', 'imoc'];
const firstGadgetId = 10100;

export interface Gadget {
  id: string;
  dashboardId: string;
  moduleKey: string;
  /** What the gadget's edit view submitted; undefined until it is configured. */
  configuration?: Record<string, unknown>;
}

export interface Dashboard {
  id: string;
  name: string;
  gadgets: Gadget[];
}

const gadgetRow = z.object({ id: z.number(), dashboard_id: z.number(), module_key: z.string(), configuration: z.string().nullable() });
const dashboardRow = z.object({ id: z.number(), name: z.string() });
const configuration = z.record(z.string(), z.unknown());

export class UnknownGadgetError extends Error {
  override readonly name = 'UnknownGadgetError';
  constructor(dashboardId: string, gadgetId: string) {
    super(`Dashboard ${dashboardId} has no gadget ${gadgetId}`);
  }
}

export class DashboardStore {
  constructor(private readonly db: SiteDatabase) {
    db.exec(schema);
    db.prepare('INSERT OR IGNORE INTO web_dashboards (id, name) VALUES (?, ?)').run(Number(defaultDashboardId), 'Default dashboard');
    db.prepare(`INSERT OR IGNORE INTO sqlite_sequence (name, seq) SELECT 'web_dashboard_gadgets', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'web_dashboard_gadgets')`).run(firstGadgetId - 1);
  }

  /**
   * The dashboard with one gadget per gadget module of the app, in manifest order; gadgets of
   * modules the manifest no longer declares are left out.
   */
  dashboard(dashboardId: string, gadgetModuleKeys: readonly string[]): Dashboard | undefined {
    const row = this.db.prepare('SELECT id, name FROM web_dashboards WHERE id = ?').get(Number(dashboardId));
    if (row === undefined) return undefined;
    const dashboard = dashboardRow.parse(row);
    const insert = this.db.prepare('INSERT OR IGNORE INTO web_dashboard_gadgets (dashboard_id, module_key, position) VALUES (?, ?, ?)');
    gadgetModuleKeys.forEach((key, position) => insert.run(dashboard.id, key, position));
    const gadgets = this.db
      .prepare('SELECT id, dashboard_id, module_key, configuration FROM web_dashboard_gadgets WHERE dashboard_id = ? ORDER BY position, id')
      .all(dashboard.id)
      .map((raw) => toGadget(gadgetRow.parse(raw)))
      .filter((gadget) => gadgetModuleKeys.includes(gadget.moduleKey));
    return { id: String(dashboard.id), name: dashboard.name, gadgets };
  }

  dashboards(): { id: string; name: string }[] {
    return this.db
      .prepare('SELECT id, name FROM web_dashboards ORDER BY id')
      .all()
      .map((raw) => {
        const row = dashboardRow.parse(raw);
        return { id: String(row.id), name: row.name };
      });
  }

  /** Stores what the gadget's edit view submitted. */
  configure(dashboardId: string, gadgetId: string, value: Record<string, unknown>): Gadget {
    const result = this.db
      .prepare('UPDATE web_dashboard_gadgets SET configuration = ? WHERE dashboard_id = ? AND id = ?')
      .run(JSON.stringify(value), Number(dashboardId), Number(gadgetId));
    if (result.changes === 0) throw new UnknownGadgetError(dashboardId, gadgetId);
    const row = this.db.prepare('SELECT id, dashboard_id, module_key, configuration FROM web_dashboard_gadgets WHERE id = ?').get(Number(gadgetId));
    return toGadget(gadgetRow.parse(row));
  }
}

function toGadget(row: z.infer<typeof gadgetRow>): Gadget {
  return {
    id: String(row.id),
    dashboardId: String(row.dashboard_id),
    moduleKey: row.module_key,
    ...(row.configuration === null ? {} : { configuration: configuration.parse(JSON.parse(row.configuration)) }),
  };
}
