import type { IncidentFacts } from '../incident';
import { UNKNOWN_SERVICE } from '../incident';
import { DEFAULT_SEVERITY_SCALE, labelOf, type SeverityScale } from '../severity';

/** Joins names as people write them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

const unique = (names: readonly string[]): string[] => [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];

/** What internal messages say is affected: the faulty service (when known), then the affected products. */
export function internalAffected(facts: Pick<IncidentFacts, 'faultyService' | 'affectedProducts'>): string[] {
  const service = facts.faultyService === UNKNOWN_SERVICE ? [] : [facts.faultyService];
  return unique([...service, ...facts.affectedProducts]);
}

/**
 * What customers are told is affected: the products they use, or the faulty service when no product
 * is selected; customers do not know internal service names, so products come first.
 */
export function externalAffected(facts: Pick<IncidentFacts, 'faultyService' | 'affectedProducts'>): string {
  const products = unique(facts.affectedProducts);
  if (products.length > 0) return joinNames(products);
  return facts.faultyService === UNKNOWN_SERVICE ? 'some of our services' : facts.faultyService;
}

/** The internal incident name and email subject: "<KEY> - Sev <n> - <summary>". */
export function internalIncidentName(
  facts: Pick<IncidentFacts, 'key' | 'severity' | 'summary'>,
  scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
): string {
  return `${facts.key} - ${labelOf(scale, facts.severity)} - ${facts.summary}`;
}

/** The external Statuspage incident name: "Investigating issues with <products>". */
export function externalIncidentName(facts: Pick<IncidentFacts, 'faultyService' | 'affectedProducts'>): string {
  return `Investigating issues with ${externalAffected(facts)}`;
}
