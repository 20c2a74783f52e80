/**
 * Every surface's resolver is built by defineResolvers from definitions with a strict payload schema,
 * for every key of every contract: a field nobody defined is refused, and nothing reaches a use case
 * (or a remote call) before the payload is checked.
 */
import { ADMIN_RESOLVER_KEYS } from '../../contracts/admin-page';
import { ALERT_SOURCE_RESOLVER_KEYS } from '../../contracts/alert-sources';
import { COCKPIT_RESOLVER_KEYS } from '../../contracts/cockpit';
import { COMMS_ADMIN_RESOLVER_KEYS, COMMS_RESOLVER_KEYS } from '../../contracts/comms';
import { DECLARE_RESOLVER_KEYS } from '../../contracts/declare-incident-page';
import { DRILL_RESOLVER_KEYS } from '../../contracts/drills';
import { ISSUE_PANEL_RESOLVER_KEYS } from '../../contracts/issue-panel';
import { METRICS_GADGET_RESOLVER_KEYS } from '../../contracts/metrics-gadget';
import { POST_FUNCTION_RESOLVER_KEYS } from '../../contracts/post-function-config';
import { LEARNING_ADMIN_RESOLVER_KEYS, RESOLUTION_RESOLVER_KEYS } from '../../contracts/resolution';
import { adminPageResolver } from './admin-page';
import { declareIncidentPageResolver } from './declare-incident-page';
import { issuePanelResolver } from './issue-panel';
import { metricsGadgetResolver } from './metrics-gadget';
import { postFunctionConfigResolver } from './post-function-config';
import type { SurfaceResolver } from './define-resolvers';

const context = { extension: { issue: { id: '10042', key: 'HOT-12' } } };
const signedIn = { principal: { accountId: 'acc-alice' } };
const keysOf = (...contracts: ReadonlyArray<Readonly<Record<string, string>>>) => contracts.flatMap((keys) => Object.values(keys)).sort();

/** The drill keys each surface answers: scenarios on the admin page, Rehearse on the Declare page, the banner on the panel. */
const { getDrill, endDrill, ...drillAdmin } = DRILL_RESOLVER_KEYS;
const drillDeclare = { listDrillScenarios: DRILL_RESOLVER_KEYS.listDrillScenarios, startDrill: DRILL_RESOLVER_KEYS.startDrill };

const surfaces: ReadonlyArray<readonly [string, SurfaceResolver, readonly string[]]> = [
  ['admin page', adminPageResolver, keysOf(ADMIN_RESOLVER_KEYS, ALERT_SOURCE_RESOLVER_KEYS, COMMS_ADMIN_RESOLVER_KEYS, LEARNING_ADMIN_RESOLVER_KEYS, drillAdmin)],
  ['issue panel', issuePanelResolver, keysOf(ISSUE_PANEL_RESOLVER_KEYS, COCKPIT_RESOLVER_KEYS, COMMS_RESOLVER_KEYS, RESOLUTION_RESOLVER_KEYS, { getDrill, endDrill })],
  ['declare incident page', declareIncidentPageResolver, keysOf(DECLARE_RESOLVER_KEYS, drillDeclare)],
  ['post-function configuration', postFunctionConfigResolver, keysOf(POST_FUNCTION_RESOLVER_KEYS)],
  ['metrics gadget', metricsGadgetResolver, keysOf(METRICS_GADGET_RESOLVER_KEYS)],
];

describe.each(surfaces)('the %s resolver', (_surface, resolve, keys) => {
  it('defines exactly the keys of its contracts', () => {
    expect(Object.keys(resolve.definitions).sort()).toEqual(keys);
  });

  it.each(keys)('%s has a strict payload schema', (key) => {
    const checked = resolve.definitions[key]?.payload.safeParse({ bogus: true });
    expect(checked?.error?.issues.map((issue) => issue.code)).toContain('unrecognized_keys');
  });

  it.each(keys)('%s refuses a payload it does not define before running anything', async (key) => {
    const answer = await resolve({ call: { functionKey: key, payload: { bogus: true } }, context }, signedIn);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
