/**
 * The local site's status pages, as customers and staff would see them: `/status/internal` and
 * `/status/external` show each component with its status, and every incident with its updates in order.
 */
import type { StatuspageStandIn } from '../egress/statuspage';
import type { RouteHandler } from './route-handler';

const escape = (value: string): string => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const COMPONENT_LABELS: Record<string, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};

export function renderStatusPage(statuspage: StatuspageStandIn, slug: string): string | undefined {
  const page = statuspage.page(slug);
  if (page === undefined) return undefined;
  const components = statuspage.components(page.id);
  const incidents = statuspage.incidents(page.id);
  const open = incidents.filter((incident) => incident.status !== 'resolved');
  const banner = open.length === 0 ? 'All Systems Operational' : `${open.length} open incident${open.length === 1 ? '' : 's'}`;
  const componentRows = components
    .map((c) => `<li data-testid="component" data-component="${escape(c.name)}" data-status="${escape(c.status)}"><span>${escape(c.name)}</span> <strong>${escape(COMPONENT_LABELS[c.status] ?? c.status)}</strong></li>`)
    .join('');
  const incidentBlocks = incidents
    .map((incident) => {
      // Statuspage lists updates newest first; people read the history top-down the same way.
      const updates = incident.incident_updates
        .map((update) => `<li data-testid="incident-update" data-status="${escape(update.status)}"><strong>${escape(update.status[0]?.toUpperCase() + update.status.slice(1))}</strong> – <time>${escape(update.created_at)}</time><p style="white-space:pre-wrap">${escape(update.body)}</p></li>`)
        .join('');
      return `<section data-testid="incident" data-status="${escape(incident.status)}"><h3>${escape(incident.name)}</h3><p>Status: <span data-testid="incident-status">${escape(incident.status)}</span> · impact ${escape(incident.impact)}</p><ol>${updates}</ol></section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(page.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#172b4d}ul{list-style:none;padding:0}li{padding:.4rem 0;border-bottom:1px solid #dfe1e6}section{border:1px solid #dfe1e6;border-radius:6px;padding:0 1rem;margin:1rem 0}.banner{padding:1rem;border-radius:6px;background:${open.length === 0 ? '#e3fcef' : '#ffebe6'}}</style></head>
<body><h1>${escape(page.name)}</h1><p class="banner" data-testid="banner">${escape(banner)}</p><h2>Components</h2><ul>${componentRows}</ul><h2>Incidents</h2>${incidentBlocks === '' ? '<p>No incidents reported.</p>' : incidentBlocks}</body></html>`;
}

export function createStatusPageRoute(statuspage: StatuspageStandIn): RouteHandler {
  return async (req, res, url) => {
    const match = /^\/status\/([a-z0-9-]+)\/?$/i.exec(url.pathname);
    if (match?.[1] === undefined || req.method !== 'GET') return false;
    const html = renderStatusPage(statuspage, match[1]);
    if (html === undefined) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
    return true;
  };
}
