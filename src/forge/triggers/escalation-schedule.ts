import { escalateUnacknowledged } from '../../app/paging/escalate-unacknowledged';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';

/** The five-minute scheduled trigger: escalate unacknowledged pages, retry failed deliveries, recover abandoned claims. */
export async function runEscalations() {
  const report = await escalateUnacknowledged(services(INVOCATION_LIMIT_MS.scheduled).paging);
  if (report.episodes > 0) console.info(`Escalation run: ${report.episodes} open episode(s) ${JSON.stringify(report.progress)}`);
  return { statusCode: 204 };
}
