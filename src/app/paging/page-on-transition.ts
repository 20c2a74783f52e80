import { z } from 'zod';
import type { PostFunctionConfiguration, PostFunctionOptionsResult } from '../../contracts/post-function-config';
import { parseWith } from '../../domain/parse-input';
import { severityDefinitions, severityLevelSchema } from '../../domain/severity';
import type { Configuration } from '../configuration';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { readIncident } from '../incident-fields';
import { claimAndWatch, runClaimedEpisode, takeOverStaleClaim, type PagingDeps, type PagingOutcome } from './page-on-call';
import { claimedEpisode, type PagingIntent } from './paging-episodes';
import type { IssueData } from '../ports';

const configurationSchema = z.strictObject({
  target: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('faulty-service') }),
      z.strictObject({ kind: z.literal('imoc') }),
      z.strictObject({ kind: z.literal('roster'), rosterId: z.string().trim().min(1, 'must name a roster') }),
    ],
    { error: 'must be {kind: "faulty-service"}, {kind: "imoc"} or {kind: "roster", rosterId}' },
  ),
  severities: z
    .array(severityLevelSchema)
    .min(1, 'must list at least one severity, or be left out to page for any')
    .refine((levels) => new Set(levels).size === levels.length, { error: 'must not list a severity twice' })
    .exactOptional(),
});

/**
 * Reads a "Page on-call" post-function configuration (Jira stores it as a JSON string).
 *
 * @throws ValidationError naming the field.
 */
export function parsePostFunctionConfiguration(value: unknown, config?: Configuration): PostFunctionConfiguration {
  let input = value;
  if (typeof value === 'string') {
    try {
      input = JSON.parse(value);
    } catch {
      input = value;
    }
  }
  const parsed = parseWith(configurationSchema, input, 'configuration');
  if (config !== undefined && parsed.target.kind === 'roster') {
    const rosterId = parsed.target.rosterId;
    parseWith(
      z.string().refine((id) => config.rosters.some((roster) => roster.id === id), { error: `roster "${rosterId}" does not exist` }),
      rosterId,
      'configuration.target.rosterId',
    );
  }
  return parsed.severities === undefined ? { target: parsed.target } : { target: parsed.target, severities: [...parsed.severities].sort() };
}

/** The choices the post-function's configuration view offers. */
export function postFunctionOptions(config: Configuration): PostFunctionOptionsResult {
  return {
    rosters: config.rosters.map((roster) => ({ id: roster.id, name: roster.name })),
    imocRosterId: config.imoc.rosterId ?? '',
    severities: severityDefinitions(config.severityScale).map((definition) => ({ level: definition.level, label: definition.label })),
  };
}

export interface TransitionInvocation {
  readonly issue: IssueData;
  readonly configuration: unknown;
  /** Jira's id for this run of the transition; a duplicate delivery carries the same one. */
  readonly executionId: string;
  readonly transitionName?: string;
}

function intentOf(configuration: PostFunctionConfiguration): PagingIntent {
  const severities = configuration.severities === undefined ? {} : { severities: [...configuration.severities] };
  switch (configuration.target.kind) {
    case 'faulty-service':
      return { kind: 'faulty-service', ...severities };
    case 'imoc':
      return { kind: 'imoc', ...severities };
    case 'roster':
      return { kind: 'roster', rosterId: configuration.target.rosterId, ...severities };
  }
}

/**
 * The "Page on-call" post-function: pages whom its configuration names when an incident goes
 * through the transition (e.g. "Escalate to IMOC", reopening a resolved incident). The payload
 * carries no custom fields, so the issue is read while the configuration is read and the episode
 * claimed; then the page goes out.
 *
 * @throws ValidationError when the post-function's configuration is not valid.
 */
export async function pageOnTransition(deps: PagingDeps, invocation: TransitionInvocation): Promise<PagingOutcome> {
  const configuration = parsePostFunctionConfiguration(invocation.configuration);
  const claim = claimedEpisode({
    issueId: invocation.issue.id,
    issueKey: invocation.issue.key,
    episodeId: `transition-${invocation.executionId}`,
    intent: intentOf(configuration),
    reason: invocation.transitionName === undefined ? 'Workflow transition' : `Workflow transition "${invocation.transitionName}"`,
    now: deps.clock.now(),
    leaseUntil: deps.deadline,
  });
  const [stored, claimed, fetched] = await Promise.all([
    deps.store.get(CONFIGURATION_KEY),
    claimAndWatch(deps, claim),
    deps.tracker.getIssue(invocation.issue.id, ['*all']),
    deps.pager.prepare(),
  ]);
  const config = configurationFrom(stored);
  const owned = claimed ? claim : await takeOverStaleClaim(deps, claim);
  if (owned === undefined) return { kind: 'duplicate' };
  if (fetched === undefined) {
    await deps.repo.forget(claim);
    return { kind: 'ignored', reason: `${invocation.issue.key} no longer exists` };
  }
  return runClaimedEpisode(deps, config, owned, readIncident({ ...fetched, fields: { ...invocation.issue.fields, ...fetched.fields } }, config));
}
