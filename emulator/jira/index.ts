/**
 * The local site's Jira Cloud: the REST v3 operations the app uses, over SQLite, judged by the
 * official OpenAPI document, with Jira's permissions, workflows, changelog and Forge events.
 */
import { insertIncidentHistory, type HistoricIncident, type HistoryFieldIds } from './seed-incident-history';
import type { JiraServices, OperationDefinition, OperationRequest, Toolkit } from './context';
import { JiraHttpError, toJiraResponse } from './errors';
import { EventBus, EventFactory } from './events';
import { FieldCatalog } from './fields/field-catalog';
import { FieldValues } from './fields/field-values';
import { IssueRenderer } from './issues/issue-renderer';
import { checkTransitionValidators, type WorkflowValidatorRunner } from './issues/workflow-validators';
import { OpenApiContract } from './openapi-validator';
import { appFieldOperations } from './operations/app-fields';
import { commentOperations } from './operations/comments';
import { fieldOperations } from './operations/fields';
import { issueActivityOperations } from './operations/issue-activity';
import { issueOperations } from './operations/issues';
import { linkOperations } from './operations/links';
import { myPermissionsOperations } from './operations/my-permissions';
import { projectOperations } from './operations/projects';
import { searchOperations } from './operations/search';
import { screenOperations } from './operations/screens';
import { siteMetadataOperations } from './operations/site-metadata';
import { transitionOperations } from './operations/transitions';
import { userOperations } from './operations/users';
import { Permissions } from './permissions';
import { Presenter } from './presenter';
import { JiraRouter } from './router';
import { seedDemo } from './seed-demo';
import { JiraStore } from './store/jira-store';
import { accountIdFor, uuidFor } from './store/stable-ids';
import type {
  Actor,
  JiraEmulatorOptions,
  JiraEventListener,
  JiraRequest,
  JiraResponse,
  JiraSiteEvent,
  JiraUser,
} from './types';

export type {
  Actor,
  ChangeItem,
  EmailNotification,
  EmailRecipient,
  EventIssue,
  ForgeProductEvent,
  JiraEmulatorOptions,
  JiraEventListener,
  JiraRequest,
  JiraResponse,
  JiraSiteEvent,
  JiraUser,
  ManifestCustomField,
  PostFunctionPayload,
} from './types';
export { OpenApiContract } from './openapi-validator';
export type { WorkflowValidatorCall, WorkflowValidatorRunner } from './issues/workflow-validators';
export { demoPeople } from './seed-demo';

/** The password every local account signs in with (HTTP Basic `<email>:local`). */
export const localPassword = 'local';

const TRANSITION_TEMPLATE = '/rest/api/3/issue/{issueIdOrKey}/transitions';

export class JiraEmulator {
  private readonly store: JiraStore;
  private readonly services: JiraServices;
  private readonly router: JiraRouter;
  private readonly bus = new EventBus();
  private validatorRunner: WorkflowValidatorRunner | undefined;

  constructor(private readonly options: JiraEmulatorOptions) {
    this.store = new JiraStore(options.db);
    const appUuid = /^ari:cloud:ecosystem::app\/(.+)$/.exec(options.appId)?.[1] ?? options.appId;
    const app = {
      accountId: accountIdFor(`app:${options.appId}`),
      displayName: options.appName ?? appDisplayName(appUuid),
      appUuid,
      environmentId: options.environmentId ?? uuidFor('environment', options.appId),
    };
    const present = new Presenter(options.baseUrl, this.store);
    const catalog = new FieldCatalog(this.store, app);
    this.services = {
      store: this.store,
      catalog,
      values: new FieldValues(this.store, catalog, present),
      permissions: new Permissions(this.store),
      present,
      now: options.now,
      app,
    };
    this.store.transaction(() => {
      this.store.users.upsert({
        accountId: app.accountId,
        emailAddress: `${accountIdFor(app.appUuid)}@connect.atlassian.local`,
        displayName: app.displayName,
        accountType: 'app',
        active: true,
        timeZone: 'Etc/UTC',
        locale: 'en_US',
        siteAdmin: false,
      });
      catalog.syncAppFields(options.customFields);
    });
    const renderer = new IssueRenderer(this.services);
    const kit: Toolkit = { services: this.services, renderer, events: new EventFactory(this.services, renderer) };
    const operations: OperationDefinition[] = [
      ...issueOperations(kit),
      ...transitionOperations(kit),
      ...commentOperations(kit),
      ...issueActivityOperations(kit),
      ...linkOperations(kit),
      ...fieldOperations(kit),
      ...appFieldOperations(kit),
      ...projectOperations(kit),
      ...searchOperations(kit),
      ...userOperations(kit),
      ...myPermissionsOperations(kit),
      ...siteMetadataOperations(kit),
      ...screenOperations(kit),
    ];
    this.router = new JiraRouter(OpenApiContract.jira(), operations);
  }

  /** Answers one call of `/rest/api/3/*`; events it causes are delivered once its changes are committed. */
  async handle(request: JiraRequest): Promise<JiraResponse> {
    const url = new URL(request.path, 'http://jira.local');
    const pending: JiraSiteEvent[] = [];
    let response: JiraResponse;
    try {
      const routed = this.router.route(request.method, url, request.body, request.actor);
      const operationRequest: OperationRequest = {
        actor: request.actor,
        actorAccountId: this.actorAccountId(request.actor),
        pathParams: routed.pathParams,
        query: routed.query,
        body: request.body,
        emit: (event) => pending.push(event),
      };
      if (request.actor.kind === 'user' && !this.store.users.byAccountId(request.actor.accountId)?.active) throw new JiraHttpError(401, ['The account is unknown or deactivated.']);
      // Validators run before the transition's changes, outside its transaction: they call back into Jira.
      if (routed.template === TRANSITION_TEMPLATE && request.method.toUpperCase() === 'POST') await checkTransitionValidators(this.services, operationRequest, this.validatorRunner);
      response = this.store.transaction(() => routed.handler(operationRequest));
    } catch (error) {
      if (error instanceof JiraHttpError) return toJiraResponse(error);
      throw error;
    }
    this.bus.publish(pending, request.actor);
    return response;
  }

  /** HTTP Basic `<email>:local` → that user; no header → anonymous; anything else → undefined (401). */
  authenticate(authorizationHeader: string | undefined): Actor | undefined {
    if (authorizationHeader === undefined || authorizationHeader.trim() === '') return { kind: 'anonymous' };
    const match = /^Basic\s+(\S+)$/i.exec(authorizationHeader.trim());
    if (!match) return undefined;
    const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return undefined;
    const user = this.userByEmail(decoded.slice(0, separator));
    if (!user || decoded.slice(separator + 1) !== localPassword) return undefined;
    return { kind: 'user', accountId: user.accountId };
  }

  /** The Forge platform's way to run an app's workflow validator, which transitions ask first. */
  setWorkflowValidatorRunner(runner: WorkflowValidatorRunner): void {
    this.validatorRunner = runner;
  }

  /** Subscribes to the site's events; returns the function that unsubscribes. Listeners must not throw. */
  onEvent(listener: JiraEventListener): () => void {
    return this.bus.subscribe(listener);
  }

  /** The people of the site (not the app's own account). */
  users(): JiraUser[] {
    return this.store.users.all().filter((user) => user.accountType === 'atlassian');
  }

  /** An active person by email, case-insensitively. */
  userByEmail(email: string): JiraUser | undefined {
    const user = this.store.users.byEmail(email.trim());
    return user?.active && user.accountType === 'atlassian' ? user : undefined;
  }

  /** The account the app acts as (`asApp()`), shown as author of what the app does. */
  appUser(): JiraUser {
    const user = this.store.users.byAccountId(this.services.app.accountId);
    if (!user) throw new Error('The app account is missing');
    return user;
  }

  /** Creates the demo organisation when the database has no people yet. */
  seedDemo(): void {
    seedDemo(this.store, this.options.now());
  }

  /** Adds past incidents to HOT as Jira holds them, without events (they predate the app); returns their keys. */
  seedIncidentHistory(incidents: readonly HistoricIncident[], fields: HistoryFieldIds): string[] {
    return insertIncidentHistory(this.store, incidents, fields);
  }

  /** `METHOD template` of every implemented REST operation. */
  implementedOperations(): string[] {
    return this.router.implemented();
  }

  private actorAccountId(actor: Actor): string {
    if (actor.kind === 'user') return actor.accountId;
    if (actor.kind === 'app') return this.services.app.accountId;
    return '';
  }
}

const smallWords = new Set(['for', 'of', 'and', 'the', 'in', 'on', 'to', 'a']);

/** `incident-response-for-jira` → `Incident Response for Jira`; a registered app's bare UUID says nothing, so it becomes `Forge app`. */
function appDisplayName(slug: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(slug)) return 'Forge app';
  return slug
    .split(/[-_\s]+/)
    .filter((word) => word !== '')
    .map((word, index) => (index > 0 && smallWords.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
