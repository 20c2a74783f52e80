/** The "Page on-call" post-function's configuration form as data: reading what Jira stored, checking, describing. */
import type { SeverityLevel } from '../../../src/contracts/configuration';
import type { PostFunctionConfiguration, PostFunctionOptionsResult } from '../../../src/contracts/post-function-config';
import { postFunctionConfigurationSchema } from './schemas';

export type TargetKind = PostFunctionConfiguration['target']['kind'];

export interface PostFunctionFormValues {
  readonly targetKind: TargetKind;
  readonly rosterId: string | null;
  readonly filterBySeverity: boolean;
  readonly severities: readonly SeverityLevel[];
}

export type PostFunctionFormErrors = Partial<Record<'rosterId' | 'severities', string>>;

export const DEFAULT_POST_FUNCTION_FORM: PostFunctionFormValues = { targetKind: 'faulty-service', rosterId: null, filterBySeverity: false, severities: [] };

/**
 * What Jira hands the edit view as `extension.postFunctionConfig`: the JSON string the view saved
 * (some hosts pass it parsed). Undefined when there is none or it is not a configuration of ours.
 */
export function readSavedConfiguration(raw: unknown): PostFunctionConfiguration | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return undefined;
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const parsed = postFunctionConfigurationSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function formFromConfiguration(configuration: PostFunctionConfiguration | undefined): PostFunctionFormValues {
  if (configuration === undefined) return DEFAULT_POST_FUNCTION_FORM;
  const severities = configuration.severities ?? [];
  return {
    targetKind: configuration.target.kind,
    rosterId: configuration.target.kind === 'roster' ? configuration.target.rosterId : null,
    filterBySeverity: configuration.severities !== undefined,
    severities,
  };
}

export type PostFunctionFormCheck =
  | { readonly ok: true; readonly configuration: PostFunctionConfiguration }
  | { readonly ok: false; readonly errors: PostFunctionFormErrors };

/** Checks the form against the choices the app offers; the backend validates again before Jira stores it. */
export function checkPostFunctionForm(values: PostFunctionFormValues, options: PostFunctionOptionsResult): PostFunctionFormCheck {
  const errors: PostFunctionFormErrors = {};
  if (values.targetKind === 'roster') {
    if (values.rosterId === null) errors.rosterId = 'Choose the roster to page.';
    else if (!options.rosters.some((roster) => roster.id === values.rosterId)) errors.rosterId = 'That roster no longer exists: choose another.';
  }
  const offered = options.severities.map((severity) => severity.level);
  const severities = offered.filter((level) => values.severities.includes(level));
  if (values.filterBySeverity && severities.length === 0) errors.severities = 'Tick at least one severity, or page for every severity.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const target: PostFunctionConfiguration['target'] =
    values.targetKind === 'roster' && values.rosterId !== null ? { kind: 'roster', rosterId: values.rosterId } : values.targetKind === 'imoc' ? { kind: 'imoc' } : { kind: 'faulty-service' };
  return { ok: true, configuration: values.filterBySeverity ? { target, severities } : { target } };
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** One sentence saying what the post-function will do, as the workflow editor's summary reads. */
export function describeConfiguration(configuration: PostFunctionConfiguration, options: PostFunctionOptionsResult): string {
  const whom = (() => {
    switch (configuration.target.kind) {
      case 'faulty-service':
        return "the on-call incident manager of the faulty service's roster (the IMOC when the service has none)";
      case 'imoc':
        return 'the incident manager on call (IMOC)';
      case 'roster': {
        const { rosterId } = configuration.target;
        return `the on-call of the ${options.rosters.find((roster) => roster.id === rosterId)?.name ?? rosterId} roster`;
      }
    }
  })();
  const labels = (configuration.severities ?? []).map((level) => options.severities.find((severity) => severity.level === level)?.label ?? `Sev ${level}`);
  const when = configuration.severities === undefined ? 'whatever the severity' : `only for ${joinOr(labels)} incidents`;
  return `Pages ${whom} after this transition, ${when}.`;
}
