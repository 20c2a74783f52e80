/** The "Declare incident" global page: the form's choices and the declaration itself (created as the signed-in user). */
import type { SeverityLevel } from './configuration';

export const DECLARE_RESOLVER_KEYS = {
  getDeclareForm: 'getDeclareForm',
  declareIncident: 'declareIncident',
} as const;

export interface SeverityChoice {
  readonly level: SeverityLevel;
  readonly label: string;
  readonly description: string;
  readonly examples: readonly string[];
  /** True for the levels that page people right away. */
  readonly pages: boolean;
}

/** The handbook's help text for each field of the form. */
export interface DeclareFormHelp {
  readonly summary: string;
  readonly description: string;
  readonly severity: string;
  readonly faultyService: string;
  readonly affectedProducts: string;
  readonly impactStart: string;
}

export interface GetDeclareFormResult {
  readonly projectKey: string;
  readonly severities: readonly SeverityChoice[];
  /** Configured services, "Unknown" included. */
  readonly services: readonly string[];
  readonly products: readonly string[];
  readonly help: DeclareFormHelp;
  readonly severityScaleUrl?: string;
  /** Whether the signed-in person may create incidents; checked before they type anything. */
  readonly canDeclare: boolean;
  /** When they may not: who can give them the permission, in a sentence. */
  readonly askToGrant?: string;
}

export interface DeclareIncidentPayload {
  /** What's the emergency? */
  readonly summary: string;
  /** What's the impact on customers? Include your contact details. */
  readonly description: string;
  readonly severity: SeverityLevel;
  readonly faultyService: string;
  readonly affectedProducts: readonly string[];
  /** When did customers start to be affected? An ISO-8601 instant with offset; absent when unknown. */
  readonly impactStart?: string;
}

export interface DeclareIncidentResult {
  readonly issueId: string;
  readonly issueKey: string;
  readonly issueUrl: string;
}
