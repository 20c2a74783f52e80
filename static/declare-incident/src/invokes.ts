/** One typed wrapper per resolver key of the Declare incident page. */
import * as z from 'zod/mini';
import type { SeverityLevel } from '../../../src/contracts/configuration';
import {
  DECLARE_RESOLVER_KEYS,
  type DeclareIncidentPayload,
  type DeclareIncidentResult,
  type GetDeclareFormResult,
} from '../../../src/contracts/declare-incident-page';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';

const severityLevel: z.ZodMiniType<SeverityLevel> = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const declareFormSchema: z.ZodMiniType<GetDeclareFormResult> = z.object({
  projectKey: z.string(),
  severities: z.array(
    z.object({ level: severityLevel, label: z.string(), description: z.string(), examples: z.array(z.string()), pages: z.boolean() }),
  ),
  services: z.array(z.string()),
  products: z.array(z.string()),
  help: z.object({
    summary: z.string(),
    description: z.string(),
    severity: z.string(),
    faultyService: z.string(),
    affectedProducts: z.string(),
    impactStart: z.string(),
  }),
  severityScaleUrl: z.exactOptional(z.string()),
  canDeclare: z.boolean(),
  askToGrant: z.exactOptional(z.string()),
});

const declaredSchema: z.ZodMiniType<DeclareIncidentResult> = z.object({ issueId: z.string(), issueKey: z.string(), issueUrl: z.string() });

export function getDeclareForm(): Promise<ResolverResult<GetDeclareFormResult>> {
  return callResolver(DECLARE_RESOLVER_KEYS.getDeclareForm, {}, declareFormSchema);
}

export function declareIncident(payload: DeclareIncidentPayload): Promise<ResolverResult<DeclareIncidentResult>> {
  return callResolver(DECLARE_RESOLVER_KEYS.declareIncident, payload, declaredSchema);
}
