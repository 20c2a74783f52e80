/**
 * Forge's scope check on the app's Jira requests: an operation answers only when `manifest.yml`
 * declares every scope of one of the sets the operation's `x-atlassian-oauth2-scopes` lists (its
 * classic scope or its granular ones); otherwise Jira answers 401 "scope does not match". Atlassian's
 * linter cannot see calls made through the app's client wrapper, so the local site checks each call.
 * The check also records which operations the app used and the scopes that covered each.
 */
import { OpenApiContract } from '../jira/openapi-validator';

export type ScopeDecision =
  | { kind: 'allowed'; operation: string; coveredBy: string[] }
  | { kind: 'refused'; operation: string; needsOneOf: string[][] }
  /** Not an operation of the document: Jira's own routing answers it (404/405). */
  | { kind: 'unknown-operation' };

/** Jira's answer to an OAuth 2.0 / Forge request whose token lacks the operation's scope. */
export const scopeMismatchBody = { code: 401, message: 'Unauthorized; scope does not match' } as const;

export class JiraScopeCheck {
  private readonly declared: ReadonlySet<string>;
  private readonly used = new Map<string, string[]>();

  constructor(
    declaredScopes: readonly string[],
    private readonly contract: OpenApiContract = OpenApiContract.jira(),
  ) {
    this.declared = new Set(declaredScopes);
  }

  decide(method: string, path: string): ScopeDecision {
    const pathname = new URL(path, 'http://jira.local').pathname;
    const match = this.contract.match(method, pathname);
    if (match.kind !== 'operation') return { kind: 'unknown-operation' };
    const operation = `${match.method} ${match.template}`;
    const sets = this.contract.oauthScopeSets(match.method, match.template);
    const covering = sets.find((set) => set.every((scope) => this.declared.has(scope)));
    if (covering === undefined) return { kind: 'refused', operation, needsOneOf: sets };
    this.used.set(operation, covering);
    return { kind: 'allowed', operation, coveredBy: covering };
  }

  /** Every operation the app called since the site started, with the declared scopes that covered it. */
  operationsUsed(): { operation: string; coveredBy: string[] }[] {
    return [...this.used].map(([operation, coveredBy]) => ({ operation, coveredBy })).sort((a, b) => a.operation.localeCompare(b.operation));
  }
}
