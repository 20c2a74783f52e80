import { z } from 'zod';
import { ISSUE_PANEL_RESOLVER_KEYS as KEYS } from '../../contracts/issue-panel';
import { acknowledgeAsUser } from '../../app/paging/acknowledge-page';
import { loadConfiguration } from '../../app/configuration-store';
import { escalateIncident, escalationSchema } from '../../app/paging/escalate-incident';
import { getPagingStatus } from '../../app/paging/get-paging-status';
import { cockpitResolvers } from './cockpit';
import { commsResolvers } from './comms';
import { defineResolvers, resolver } from './define-resolvers';
import { resolutionResolvers } from './resolution';
import { drillPanelResolvers } from './drills';

const nothing = z.strictObject({});

/** The paging resolvers (status, Acknowledge, Escalate); the issue always comes from the panel's context. */
export const pagingResolvers = {
  [KEYS.getPagingStatus]: resolver({
    access: 'on-issue',
    payload: nothing,
    // The viewer's permissions on the issue (read as them, alongside the paging records) keep paging
    // details of issues they cannot see to themselves and say which buttons they get.
    run: ({ services: s, issue, accountId }) => getPagingStatus({ repo: s.paging.repo, clock: s.clock, userTracker: s.userTracker }, issue, accountId),
  }),
  [KEYS.acknowledgePage]: resolver({
    access: 'on-issue',
    payload: z.strictObject({ episodeId: z.string().min(1).max(200).exactOptional() }),
    run: ({ services: s, issue, accountId, payload }) => acknowledgeAsUser({ userTracker: s.userTracker, repo: s.paging.repo, clock: s.clock }, { issue, accountId, payload }),
  }),
  [KEYS.escalateIncident]: resolver({
    access: 'on-issue',
    payload: escalationSchema,
    run: ({ services: s, issue, accountId, payload }) => escalateIncident({ ...s.paging, userTracker: s.userTracker }, { issueKey: issue.key, callerAccountId: accountId, payload }),
  }),
  [KEYS.getEscalationTargets]: resolver({
    access: 'on-issue',
    payload: nothing,
    run: async ({ services: s }) => {
      const config = await loadConfiguration(s.store);
      return { rosters: config.rosters.map((roster) => ({ id: roster.id, name: roster.name })) };
    },
  }),
};

/** The issue panel's one resolver: paging (above) and the incident cockpit (./cockpit). */
export const issuePanelResolver = defineResolvers({ ...pagingResolvers, ...cockpitResolvers, ...commsResolvers, ...resolutionResolvers, ...drillPanelResolvers });
