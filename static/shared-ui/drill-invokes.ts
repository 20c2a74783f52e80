/** One typed wrapper per drill resolver key; the admin page, the Declare page and the issue panel share the keys. */
import * as z from 'zod/mini';
import {
  DRILL_RESOLVER_KEYS as KEYS,
  type CheckDrillScenarioResult,
  type DrillView,
  type ExportDrillScenarioResult,
  type GetDrillResult,
  type ListDrillScenariosResult,
  type StartDrillPayload,
  type StartDrillResult,
} from '../../src/contracts/drills';
import type { ResolverResult } from '../../src/contracts/resolver-result';
import { callResolver } from './call-resolver';

const part = z.enum(['incident-manager', 'tech-lead', 'communications-manager']);

const listSchema: z.ZodMiniType<ListDrillScenariosResult> = z.object({
  scenarios: z.array(z.object({ id: z.string(), title: z.string(), description: z.exactOptional(z.string()), builtIn: z.boolean(), injects: z.number(), lastInjectMinute: z.number() })),
});
const checkSchema: z.ZodMiniType<CheckDrillScenarioResult> = z.object({ problems: z.array(z.object({ field: z.string(), reason: z.string() })) });
const exportSchema: z.ZodMiniType<ExportDrillScenarioResult> = z.object({ json: z.string() });
const startedSchema: z.ZodMiniType<StartDrillResult> = z.object({ runId: z.string(), issueKey: z.string(), issueUrl: z.string(), startedAt: z.string() });
const injectSchema = z.object({ index: z.number(), atMinute: z.number(), kind: z.string(), description: z.string(), firedAt: z.exactOptional(z.string()) });
const lineSchema = z.object({ step: z.string(), stepName: z.string(), measure: z.string(), actual: z.string(), target: z.string(), verdict: z.enum(['met', 'missed', 'unscored']) });
const drillSchema: z.ZodMiniType<DrillView> = z.object({
  runId: z.string(),
  scenarioTitle: z.string(),
  startedAt: z.string(),
  elapsedMinutes: z.number(),
  participants: z.array(z.object({ accountId: z.string(), part, name: z.string() })),
  injects: z.array(injectSchema),
  nextInject: z.exactOptional(injectSchema),
  ended: z.exactOptional(z.object({ at: z.string(), scorecard: z.object({ ending: z.enum(['resolved', 'abandoned']), lines: z.array(lineSchema), met: z.number(), scored: z.number() }) })),
});
const getDrillSchema: z.ZodMiniType<GetDrillResult> = z.object({ drill: z.exactOptional(drillSchema) });

export const listDrillScenarios = (): Promise<ResolverResult<ListDrillScenariosResult>> => callResolver(KEYS.listDrillScenarios, {}, listSchema);
export const checkDrillScenario = (json: string): Promise<ResolverResult<CheckDrillScenarioResult>> => callResolver(KEYS.checkDrillScenario, { json }, checkSchema);
export const importDrillScenario = (json: string): Promise<ResolverResult<{ id: string; title: string }>> => callResolver(KEYS.importDrillScenario, { json }, z.object({ id: z.string(), title: z.string() }));
export const exportDrillScenario = (id: string): Promise<ResolverResult<ExportDrillScenarioResult>> => callResolver(KEYS.exportDrillScenario, { id }, exportSchema);
export const deleteDrillScenario = (id: string): Promise<ResolverResult<ListDrillScenariosResult>> => callResolver(KEYS.deleteDrillScenario, { id }, listSchema);
export const startDrill = (payload: StartDrillPayload): Promise<ResolverResult<StartDrillResult>> => callResolver(KEYS.startDrill, payload, startedSchema);
export const getDrill = (): Promise<ResolverResult<GetDrillResult>> => callResolver(KEYS.getDrill, {}, getDrillSchema);
export const endDrill = (): Promise<ResolverResult<GetDrillResult>> => callResolver(KEYS.endDrill, {}, getDrillSchema);
