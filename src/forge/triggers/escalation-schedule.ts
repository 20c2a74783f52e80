import { escalateUnacknowledged } from '../../app/paging/escalate-unacknowledged';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';

/** The five-minute scheduled trigger: the safety net behind each page's precise escalation job (see ../consumers/escalation-consumer.ts). */
export async function runEscalations() {
  const report = await escalateUnacknowledged(services(INVOCATION_LIMIT_MS.scheduled).paging);
  if (report.requeued > 0 || report.pagedLate > 0) console.info(`Paging safety net: ${JSON.stringify(report)}`);
  return { statusCode: 204 };
}
