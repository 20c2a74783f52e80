import { z } from 'zod';
import { SEVERITY_LEVELS, shouldPage } from '../../domain/severity';
import type { Configuration } from '../configuration';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { AppError } from '../errors';
import { readIncident } from '../incident-fields';
import { and, clause, inList, jqlText } from '../jql';
import { createdClaim, claimAndWatch, runClaimedEpisode, type PagingDeps } from './page-on-call';
import type { EscalationJob } from './paging-episodes';
import type { IssueData } from '../ports';

/** Index entries read per request (Forge KVS pages at most 100). */
const PAGE_SIZE = 100;
/** The precise path gets this long past an episode's time before the safety net steps in. */
const SAFETY_GRACE_MS = 60_000;
/** A new incident's own event gets this long to page it before the safety net pages it, marked late. */
const EVENT_GRACE_MS = 2 * 60_000;
/** The first run looks this far back for incidents nobody paged. */
const FIRST_WINDOW_MS = 60 * 60_000;
/** Incidents paged late per run at most (one JQL page); more wait for the next run. */
const MAX_MISSED = 50;
/** The JQL basis kept in the bookmark is refreshed from the configuration this often. */
const BASIS_MAX_AGE_MS = 60 * 60_000;
/** Stop reading more due work when less than this is left of the invocation. */
const DEADLINE_MARGIN_MS = 60_000;

/** What the bookmark remembers: when the last run looked, and how to find incidents without reading the configuration. */
const bookmarkSchema = z.object({
  lastRunAt: z.number().int(),
  basis: z.object({ readAt: z.number().int(), projectKey: z.string(), issueTypeName: z.string(), severityField: z.string(), labels: z.array(z.string()) }).optional(),
});
type Bookmark = z.output<typeof bookmarkSchema>;
type Basis = NonNullable<Bookmark['basis']>;

export interface EscalationRunReport {
  /** Episodes whose time had come and were handed to the precise path again. */
  readonly requeued: number;
  /** Sev 1/2 incidents found without paging state, paged now (marked late). */
  readonly pagedLate: number;
  /** Whether due work was left for the next run because the deadline came close. */
  readonly leftForNextRun: boolean;
}

/**
 * The scheduled safety net. It reads only what is due: the episodes whose time passed without the
 * precise path handling them (through the index by due time, whose first entry is the run's own
 * bookmark), and the Sev 1/2 incidents created since its last run that have no paging state (one
 * JQL search). Due episodes go back on the job queue in batches, so one run's sequential chain is
 * the index pages plus one push; new incidents nobody paged are claimed and paged, marked late.
 * With nothing due it makes three remote calls whatever is stored.
 */
export async function escalateUnacknowledged(deps: PagingDeps): Promise<EscalationRunReport> {
  const now = deps.clock.now();
  const first = await deps.repo.due(now - SAFETY_GRACE_MS, { limit: PAGE_SIZE });
  const bookmark = bookmarkSchema.safeParse(first.bookmark).data;
  const since = bookmark?.lastRunAt ?? now - FIRST_WINDOW_MS;
  const [requeue, missed] = await Promise.all([requeueDue(deps, first), findMissed(deps, bookmark?.basis, since, now)]);
  const pagedLate = await pageMissed(deps, missed.issues, missed.config);
  await deps.repo.saveBookmark({ lastRunAt: now - EVENT_GRACE_MS, basis: missed.basis } satisfies Bookmark);
  return { requeued: requeue.requeued, pagedLate, leftForNextRun: requeue.leftForNextRun };
}

async function requeueDue(deps: PagingDeps, first: Awaited<ReturnType<PagingDeps['repo']['due']>>): Promise<{ requeued: number; leftForNextRun: boolean }> {
  let page = first;
  let requeued = 0;
  const pushes: Promise<void>[] = [];
  for (;;) {
    const jobs: EscalationJob[] = page.refs.map((ref) => ({ issueId: ref.issueId, episodeId: ref.episodeId }));
    if (jobs.length > 0) pushes.push(deps.queue.schedule(jobs.map((job) => ({ job, at: deps.clock.now() }))));
    requeued += jobs.length;
    if (page.cursor === undefined) break;
    if (deps.clock.now() > deps.deadline - DEADLINE_MARGIN_MS) {
      await Promise.all(pushes);
      return { requeued, leftForNextRun: true };
    }
    page = await deps.repo.due(deps.clock.now() - SAFETY_GRACE_MS, { limit: PAGE_SIZE, cursor: page.cursor });
  }
  await Promise.all(pushes);
  return { requeued, leftForNextRun: false };
}

interface Missed {
  readonly issues: IssueData[];
  readonly basis: Basis | undefined;
  readonly config: Configuration | undefined;
}

async function findMissed(deps: PagingDeps, cached: Basis | undefined, since: number, now: number): Promise<Missed> {
  let basis = cached !== undefined && now - cached.readAt < BASIS_MAX_AGE_MS ? cached : undefined;
  let config: Configuration | undefined;
  if (basis === undefined) {
    config = configurationFrom(await deps.store.get(CONFIGURATION_KEY));
    basis = basisOf(config, now);
    if (basis === undefined) return { issues: [], basis: undefined, config };
  }
  const jql = jqlText(
    and(
      clause('project', '=', basis.projectKey),
      clause('issuetype', '=', basis.issueTypeName),
      inList(basis.severityField, basis.labels),
      clause('created', '>=', jqlInstant(since - 60_000)),
      clause('created', '<=', jqlInstant(now - EVENT_GRACE_MS)),
    ),
  );
  const issues = await deps.tracker.searchIssues(jql, ['*all'], MAX_MISSED);
  return { issues, basis, config };
}

function basisOf(config: Configuration, now: number): Basis | undefined {
  const severityField = config.fields?.severity;
  if (severityField === undefined) return undefined;
  const labels = SEVERITY_LEVELS.filter((level) => shouldPage(config.severityScale, level)).map((level) => config.severityScale.levels[level].label);
  return { readAt: now, projectKey: config.incidentProject.projectKey, issueTypeName: config.incidentProject.issueTypeName, severityField: `cf[${severityField.replace('customfield_', '')}]`, labels };
}

// JQL's minute-precision date literal, in UTC (the app's Jira user's time zone is UTC on the local site).
function jqlInstant(at: number): string {
  const date = new Date(at);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

// Claiming is also the check: an incident its event already paged has its episode, and the claim fails.
async function pageMissed(deps: PagingDeps, issues: readonly IssueData[], known: Configuration | undefined): Promise<number> {
  if (issues.length === 0) return 0;
  const claims = issues.map((issue) => createdClaim(deps, issue, true));
  const [won, stored] = await Promise.all([
    Promise.all(claims.map((claim) => claimAndWatch(deps, claim))),
    known === undefined ? deps.store.get(CONFIGURATION_KEY) : Promise.resolve(undefined),
    deps.pager.prepare(),
  ]);
  const config = known ?? configurationFrom(stored);
  const failures: unknown[] = [];
  let paged = 0;
  await Promise.all(
    issues.map(async (issue, index) => {
      const claim = claims[index];
      if (claim === undefined || won[index] !== true) return;
      try {
        await runClaimedEpisode(deps, config, claim, readIncident(issue, config));
        paged += 1;
      } catch (error) {
        failures.push(error);
      }
    }),
  );
  const [unexpected] = failures.filter((error) => !(error instanceof AppError));
  if (unexpected !== undefined) throw unexpected;
  return paged;
}
