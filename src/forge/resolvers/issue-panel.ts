import Resolver from '@forge/resolver';
import { ISSUE_PANEL_RESOLVER_KEYS as KEYS } from '../../contracts/issue-panel';
import { acknowledgeAsUser } from '../../app/acknowledge-page';
import { loadConfiguration } from '../../app/configuration-store';
import { NotFoundError } from '../../app/errors';
import { escalateIncident } from '../../app/escalate-incident';
import { getPagingStatus } from '../../app/get-paging-status';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';
import { resolverResult } from '../edges';
import { addCockpitResolvers } from './cockpit';
import { callerOf, contextIssue, type ResolverRequest } from './resolver-request';

/** Adds the paging resolvers (status, Acknowledge, Escalate); the issue always comes from the panel's context. */
export function addPagingResolvers(resolver: Resolver): Resolver {
  return resolver
    .define(KEYS.getPagingStatus, (request: ResolverRequest) =>
      resolverResult(async () => {
        callerOf(request);
        const s = services(INVOCATION_LIMIT_MS.resolver);
        const issue = contextIssue(request);
        // Reading the issue as the user keeps paging details of issues they cannot see to themselves;
        // it runs alongside the paging records and the names, so it adds no round trip.
        const [visible, status] = await Promise.all([s.userTracker.getIssue(issue.key, []), getPagingStatus(s, issue)]);
        if (visible === undefined) throw new NotFoundError('Issue', issue.key);
        return status;
      }),
    )
    .define(KEYS.acknowledgePage, (request: ResolverRequest) =>
      resolverResult(async () => {
        const caller = callerOf(request);
        const s = services(INVOCATION_LIMIT_MS.resolver);
        return acknowledgeAsUser({ userTracker: s.userTracker, store: s.store, clock: s.clock }, { issueKey: contextIssue(request).key, accountId: caller });
      }),
    )
    .define(KEYS.escalateIncident, (request: ResolverRequest) =>
      resolverResult(async () => {
        const caller = callerOf(request);
        const s = services(INVOCATION_LIMIT_MS.resolver);
        return escalateIncident({ ...s.paging, userTracker: s.userTracker }, { issueKey: contextIssue(request).key, callerAccountId: caller, payload: request.payload });
      }),
    )
    .define(KEYS.getEscalationTargets, (request: ResolverRequest) =>
      resolverResult(async () => {
        callerOf(request);
        const config = await loadConfiguration(services(INVOCATION_LIMIT_MS.resolver).store);
        return { rosters: config.rosters.map((roster) => ({ id: roster.id, name: roster.name })) };
      }),
    );
}

/** The issue panel's one resolver: paging (above) and the incident cockpit (./cockpit). */
export const issuePanelResolver = addCockpitResolvers(addPagingResolvers(new Resolver())).getDefinitions();
