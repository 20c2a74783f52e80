import { z } from 'zod';
import { BUILT_IN_SCENARIOS } from '../../domain/drills/handbook-scenario';
import { parseScenario, scenarioProblems, scenarioSchema, type Scenario } from '../../domain/drills/scenario';
import type { CheckDrillScenarioResult, ExportDrillScenarioResult, ListDrillScenariosResult } from '../../contracts/drills';
import { RuleViolation, ValidationError } from '../../domain/errors';
import { NotFoundError } from '../errors';
import type { AppStore } from '../ports';

/** Storage key of the scenarios an admin imported; the built-in ones are code, never stored. */
export const DRILL_SCENARIOS_KEY = 'drill-scenarios';

const storedSchema = z.object({ scenarios: z.array(scenarioSchema) });

/** A scenario and where it came from, for the admin page's list. */
export interface CatalogEntry {
  readonly scenario: Scenario;
  readonly builtIn: boolean;
}

async function imported(store: AppStore): Promise<Scenario[]> {
  const stored = storedSchema.safeParse(await store.get(DRILL_SCENARIOS_KEY));
  return stored.success ? stored.data.scenarios : [];
}

/** Every scenario a drill can be started from: built-in first, then the imported ones. */
export async function listScenarios(store: AppStore): Promise<CatalogEntry[]> {
  return [...BUILT_IN_SCENARIOS.map((scenario) => ({ scenario, builtIn: true })), ...(await imported(store)).map((scenario) => ({ scenario, builtIn: false }))];
}

/** One scenario by id. @throws NotFoundError */
export async function findScenario(store: AppStore, id: string): Promise<Scenario> {
  const found = (await listScenarios(store)).find((entry) => entry.scenario.id === id);
  if (found === undefined) throw new NotFoundError('Drill scenario', id.slice(0, 40));
  return found.scenario;
}

/**
 * Imports (or replaces, by id) a scenario document. A built-in scenario's id cannot be taken, so the
 * handbook's example always plays as written.
 *
 * @throws InvalidScenario naming every offending field; RuleViolation for a built-in id.
 */
export async function importScenario(store: AppStore, document: unknown): Promise<Scenario> {
  const scenario = parseScenario(document);
  if (BUILT_IN_SCENARIOS.some((builtIn) => builtIn.id === scenario.id)) {
    throw new RuleViolation('built-in-scenario', `"${scenario.id}" is a built-in scenario; import yours under another id`);
  }
  const others = (await imported(store)).filter((existing) => existing.id !== scenario.id);
  await store.set(DRILL_SCENARIOS_KEY, { scenarios: [...others, scenario] });
  return scenario;
}

/** Removes an imported scenario; removing one that is not there changes nothing. */
export async function deleteScenario(store: AppStore, id: string): Promise<void> {
  const scenarios = await imported(store);
  const kept = scenarios.filter((scenario) => scenario.id !== id);
  if (kept.length !== scenarios.length) await store.set(DRILL_SCENARIOS_KEY, { scenarios: kept });
}

/** The catalogue as the admin and Declare pages list it. */
export async function scenarioSummaries(store: AppStore): Promise<ListDrillScenariosResult> {
  const entries = await listScenarios(store);
  return {
    scenarios: entries.map(({ scenario, builtIn }) => ({
      id: scenario.id,
      title: scenario.title,
      ...(scenario.description === undefined ? {} : { description: scenario.description }),
      builtIn,
      injects: scenario.injects.length,
      lastInjectMinute: scenario.injects.at(-1)?.atMinute ?? 0,
    })),
  };
}

/** Reads the JSON an admin pasted or uploaded; malformed JSON is refused naming the document itself. */
export function scenarioDocument(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new ValidationError('json', `is not valid JSON (${error instanceof Error ? error.message.slice(0, 200) : 'unreadable'})`);
  }
}

/** Every problem of a scenario document, each naming its field, without storing anything. */
export function checkScenario(json: string): CheckDrillScenarioResult {
  let document: unknown;
  try {
    document = scenarioDocument(json);
  } catch (error) {
    if (error instanceof ValidationError) return { problems: [{ field: error.field, reason: error.reason }] };
    throw error;
  }
  return { problems: scenarioProblems(document) };
}

/** A scenario as the JSON document it was imported from (built-in ones too, as a starting point for your own). */
export async function exportScenario(store: AppStore, id: string): Promise<ExportDrillScenarioResult> {
  const scenario = await findScenario(store, id);
  return { json: `${JSON.stringify(scenario, null, 2)}\n` };
}
