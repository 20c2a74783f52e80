/** What an operation handler is given: the request, already validated against the contract, and the site's services. */
import type { EventFactory } from './events';
import type { FieldCatalog } from './fields/field-catalog';
import type { FieldValues } from './fields/field-values';
import type { IssueRenderer } from './issues/issue-renderer';
import type { Permissions } from './permissions';
import type { Presenter } from './presenter';
import type { JiraStore } from './store/jira-store';
import type { Actor, JiraResponse, JiraSiteEvent } from './types';

export interface AppAccount {
  accountId: string;
  displayName: string;
  appUuid: string;
  environmentId: string;
}

export interface JiraServices {
  store: JiraStore;
  catalog: FieldCatalog;
  values: FieldValues;
  permissions: Permissions;
  present: Presenter;
  now(): number;
  app: AppAccount;
}

export interface OperationRequest {
  actor: Actor;
  /** The account acting: the signed-in user, or the app's own account when the app calls. */
  actorAccountId: string;
  pathParams: Record<string, string>;
  /** Declared query parameters, typed and defaulted by the contract. */
  query: Record<string, unknown>;
  body: unknown;
  /** Queues an event; it is delivered only once the operation's changes are committed. */
  emit(event: JiraSiteEvent): void;
}

/** The services plus the issue renderer and event factory built on them: what operation modules close over. */
export interface Toolkit {
  services: JiraServices;
  renderer: IssueRenderer;
  events: EventFactory;
}

export type OperationHandler = (request: OperationRequest) => JiraResponse;

export interface OperationDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path template exactly as the OpenAPI document writes it. */
  template: string;
  handler: OperationHandler;
  /** Jira answers this operation without authentication. */
  anonymous?: boolean;
}

const json = { 'content-type': 'application/json;charset=UTF-8' };

export function ok(body: unknown): JiraResponse {
  return { status: 200, headers: json, body };
}

export function created(body: unknown): JiraResponse {
  return { status: 201, headers: json, body };
}

export function noContent(): JiraResponse {
  return { status: 204, headers: {} };
}

export function pathParam(request: OperationRequest, name: string): string {
  return request.pathParams[name] ?? '';
}

export function queryString(request: OperationRequest, name: string): string | undefined {
  const value = request.query[name];
  return typeof value === 'string' ? value : undefined;
}

export function queryNumber(request: OperationRequest, name: string, fallback: number): number {
  const value = request.query[name];
  return typeof value === 'number' ? value : fallback;
}

export function queryBoolean(request: OperationRequest, name: string, fallback: boolean): boolean {
  const value = request.query[name];
  return typeof value === 'boolean' ? value : fallback;
}

/** A list parameter, accepting both repeated parameters and comma-separated values as Jira does. */
export function queryList(request: OperationRequest, name: string): string[] | undefined {
  const value = request.query[name];
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? [value] : undefined;
  if (raw === undefined) return undefined;
  return raw.flatMap((entry) => String(entry).split(',')).map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** The comma-separated `expand` parameter as a set. */
export function expandSet(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
