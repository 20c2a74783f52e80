/** Handlers of the probe app the local site's tests run; each leaves a trace the tests can read. */
import api, { asUser, fetch, route } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';

type Traced = { issue?: { key: string }; retryContext?: { retryCount: number } };

async function append(listKey: string, entry: unknown): Promise<void> {
  const list = (await kvs.get<unknown[]>(listKey)) ?? [];
  await kvs.set(listKey, [...list, entry]);
}

export const resolver = new Resolver()
  .define('whoami', async ({ context }) => {
    const response = await asUser().requestJira(route`/rest/api/3/myself`);
    return { status: response.status, me: (await response.json()) as unknown, contextAccountId: context.accountId };
  })
  .define('remember', async ({ payload }) => {
    await kvs.set('remembered', payload);
    return kvs.get('remembered');
  })
  .define('myself-as-app', async () => {
    const response = await api.asApp().requestJira(route`/rest/api/3/myself`);
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  })
  .define('page', async ({ payload }) => {
    const response = await fetch('https://events.pagerduty.com/v2/enqueue', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  })
  .define('fetch-anywhere', async ({ payload }) => {
    const { url } = payload as { url: string };
    const response = await fetch(url, { method: 'POST', body: 'hello' });
    return { status: response.status };
  })
  .define('sleep', async ({ payload }) => {
    const { ms } = payload as { ms: number };
    await new Promise((resolve) => setTimeout(resolve, ms));
    return 'woke up';
  })
  .define('fail', async () => {
    throw new Error('The probe failed on purpose');
  })
  .getDefinitions();

export async function installed(event: { eventType: string }): Promise<void> {
  await kvs.set('installed', event.eventType);
}

export async function created(event: Traced): Promise<void> {
  await append('created', event.issue?.key ?? 'unknown');
}

export async function createdNotSelf(event: Traced): Promise<void> {
  await append('created-not-self', event.issue?.key ?? 'unknown');
}

export async function commented(event: Traced): Promise<unknown> {
  const attempt = event.retryContext?.retryCount ?? 0;
  await append('comment-attempts', attempt);
  return attempt < 2 ? new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }) : undefined;
}

export async function tick(request: { context: { moduleKey: string } }): Promise<{ statusCode: number }> {
  await append('ticks', { at: new Date().toISOString(), moduleKey: request.context.moduleKey });
  return { statusCode: 204 };
}

export async function hook(request: { method: string; body: string; headers: Record<string, string[]>; queryParameters: Record<string, string[]> }) {
  return {
    statusCode: 201,
    headers: { 'content-type': ['application/json'] },
    body: JSON.stringify({ method: request.method, body: request.body, q: request.queryParameters.q ?? [], ua: request.headers['x-probe'] ?? [] }),
  };
}

export async function postFunction(event: { issue: { key: string }; transition: { transitionName: string }; configuration: unknown }): Promise<void> {
  await append('post-functions', { key: event.issue.key, transition: event.transition.transitionName, configuration: event.configuration });
}

/** The probe queue's consumer: records each event it takes; `failTimes` asks for that many retries first. */
export async function consume(event: { body: { name: string; failTimes?: number }; queueName: string; jobId: string; eventId: string; retryContext?: { retryCount: number } }) {
  await append('consumed', {
    name: event.body.name,
    at: new Date().toISOString(),
    queueName: event.queueName,
    jobId: event.jobId,
    eventId: event.eventId,
    retryCount: event.retryContext?.retryCount ?? 0,
  });
  if ((event.retryContext?.retryCount ?? 0) < (event.body.failTimes ?? 0)) {
    return new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: { name: event.body.name } });
  }
  return undefined;
}

/** A workflow validator: records what Jira asked and refuses a transition that sets the summary to "refuse me". */
export async function validate(event: { issue: { key: string }; transition: { from: { id: string }; to: { id: string }; modifiedFields: Record<string, unknown> } }) {
  await append('validations', { key: event.issue.key, from: event.transition.from.id, to: event.transition.to.id, modifiedFields: event.transition.modifiedFields });
  const refused = event.transition.modifiedFields['summary'] === 'refuse me';
  return refused ? { result: false, errorMessage: `The probe refuses to move ${event.issue.key}.` } : { result: true };
}
