/**
 * The one way the app defines a resolver: its key, a strict payload schema, who may call it and
 * the use case it runs. Every surface's resolver is built from such definitions, so each one
 * validates its payload, checks its caller and maps errors the same way, and a key nobody defined
 * is answered with a plain refusal instead of the platform's internal error.
 */
import Resolver from '@forge/resolver';
import type { z } from 'zod';
import type { ResolverResult } from '../../contracts/resolver-result';
import { requireAdministrator } from '../../app/require-administrator';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services, type Services } from '../composition';
import { resolverResult } from '../edges';
import { callerOf, contextIssue, payloadOf, type ResolverRequest } from './resolver-request';

/**
 * Who may call a resolver. `signed-in`: anyone signed in to Jira (the use case then acts as them,
 * so Jira's permissions decide). `on-issue`: the same, on the issue of the surface's context (never
 * one named in the payload). `administrator`: Jira administrators only, asked of Jira first.
 */
export type Access = 'signed-in' | 'on-issue' | 'administrator';

/** What a use case gets: the invocation's services, the caller, the checked payload and, on an issue surface, the issue. */
export interface ResolverCall<A extends Access, P> {
  readonly services: Services;
  readonly accountId: string;
  readonly payload: P;
  readonly issue: A extends 'on-issue' ? { readonly id: string; readonly key: string } : undefined;
}

export interface ResolverDefinition<A extends Access, S extends z.ZodType, T> {
  readonly access: A;
  /** What an administrator-only resolver does, for the refusal ("change the incident response settings"). */
  readonly action?: string;
  /** A strict schema: unknown fields are refused and named. */
  readonly payload: S;
  /** Where refused fields are named (`update` names `update.kind`); the payload's top level when absent. */
  readonly field?: string;
  // A method, so a table of definitions with different payloads can be held as one type.
  run(call: ResolverCall<A, z.output<S>>): Promise<T>;
}

/** Defines one resolver; the type parameters follow from the arguments. */
export function resolver<A extends Access, S extends z.ZodType, T>(definition: ResolverDefinition<A, S, T>): ResolverDefinition<A, S, T> {
  return definition;
}

// The definitions of one surface, whatever their payloads and results; each was typed by resolver().
type AnyDefinition = ResolverDefinition<Access, z.ZodType, unknown>;

/** How Forge calls a resolver function: the call and context, and the platform's payload with the principal. */
export type ResolverFunction = (request: { call: { functionKey: string; payload?: unknown }; context: unknown }, runtime?: unknown) => Promise<unknown>;

/** Longest part of a caller-supplied key quoted back in an error. */
const QUOTED_KEY_LENGTH = 40;

async function runDefinition(definition: AnyDefinition, request: ResolverRequest): Promise<ResolverResult<unknown>> {
  return resolverResult(async () => {
    const accountId = callerOf(request);
    const issue = definition.access === 'on-issue' ? contextIssue(request) : undefined;
    const payload = payloadOf(request, definition.payload, definition.field);
    const s = services(INVOCATION_LIMIT_MS.resolver);
    if (definition.access === 'administrator') await requireAdministrator(s.userTracker, definition.action ?? 'use the incident response settings');
    return definition.run({ services: s, accountId, payload, issue } as ResolverCall<Access, unknown>);
  });
}

/** A surface's resolver function, carrying the definitions it was built from (so tests can read each key's schema and access). */
export type SurfaceResolver = ResolverFunction & { readonly definitions: Readonly<Record<string, AnyDefinition>> };

/** Builds a surface's resolver function from its definitions, keyed by the resolver keys of its contract. */
export function defineResolvers(definitions: Readonly<Record<string, AnyDefinition>>): SurfaceResolver {
  const forge = new Resolver();
  for (const [key, definition] of Object.entries(definitions)) forge.define(key, (request: ResolverRequest) => runDefinition(definition, request));
  const handle = forge.getDefinitions() as ResolverFunction;
  const surface: ResolverFunction = async (request, runtime) => {
    const key = request.call.functionKey;
    // Only keys defined here: `constructor`, `__proto__` and friends are not actions.
    if (typeof key !== 'string' || !Object.hasOwn(definitions, key)) {
      const quoted = typeof key === 'string' ? key.slice(0, QUOTED_KEY_LENGTH) : typeof key;
      const refusal: ResolverResult<never> = { ok: false, error: { code: 'not-found', reason: 'unknown-action', message: `This app has no action named "${quoted}".` } };
      return refusal;
    }
    return handle(request, runtime);
  };
  return Object.assign(surface, { definitions });
}
