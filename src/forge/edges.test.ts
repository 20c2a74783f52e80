import { ForbiddenError, NotConfiguredError, NotFoundError, RemoteCallError, UnauthenticatedError } from '../app/errors';
import { RuleViolation, ValidationError } from '../domain/errors';
import { resolverResult, webTriggerResult } from './edges';

describe('the resolver edge', () => {
  it('answers the value when the work succeeds', async () => {
    expect(await resolverResult(async () => ({ issueKey: 'HOT-1' }))).toEqual({ ok: true, value: { issueKey: 'HOT-1' } });
  });

  it('names the field and the reason of refused input', async () => {
    expect(await resolverResult(() => Promise.reject(new ValidationError('summary', 'must not be empty')))).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'summary', message: 'summary: must not be empty' },
    });
  });

  it('maps each known failure to its code', async () => {
    const codeOf = async (error: Error) => {
      const result = await resolverResult(() => Promise.reject(error));
      return result.ok ? undefined : result.error.code;
    };
    expect(await codeOf(new RuleViolation('x', 'You are already on call for this shift.'))).toBe('rule-violation');
    expect(await codeOf(new ForbiddenError('change settings'))).toBe('forbidden');
    expect(await codeOf(new NotFoundError('Roster', 'x'))).toBe('not-found');
    expect(await codeOf(new NotConfiguredError('fields'))).toBe('not-configured');
    expect(await codeOf(new RemoteCallError('jira', 'create issue', 503, 'down'))).toBe('unavailable');
    expect(await codeOf(new RemoteCallError('jira', 'get issue', 403, 'no'))).toBe('forbidden');
  });

  it('gives pages a machine-readable reason, so none parses the message', async () => {
    const errorOf = async (error: Error) => {
      const result = await resolverResult(() => Promise.reject(error));
      return result.ok ? undefined : result.error;
    };
    expect(await errorOf(new RuleViolation('resolve-from-fixing', 'HOT-1 is New: only an incident being fixed can be resolved.'))).toMatchObject({ code: 'rule-violation', reason: 'resolve-from-fixing' });
    expect(await errorOf(new ForbiddenError('change settings'))).toMatchObject({ code: 'forbidden', reason: 'not-allowed' });
    expect(await errorOf(new RemoteCallError('jira', 'search', 429, 'slow down'))).toMatchObject({ code: 'unavailable', reason: 'throttled' });
    expect(await errorOf(new RemoteCallError('jira', 'get issue', 404, 'gone'))).toMatchObject({ code: 'not-found', reason: 'not-found' });
  });

  it('does not leak what a remote system said', async () => {
    const result = await resolverResult(() => Promise.reject(new RemoteCallError('slack', 'chat.postMessage', 500, 'stack trace at line 12')));
    expect(JSON.stringify(result)).not.toContain('stack trace');
  });

  it('rethrows errors nobody planned for, so Forge records the failure', async () => {
    await expect(resolverResult(() => Promise.reject(new TypeError('undefined is not a function')))).rejects.toBeInstanceOf(TypeError);
  });
});

describe('the web trigger edge', () => {
  it('turns typed errors into 400, 401, 403, 404 and 503', async () => {
    const statusOf = async (error: Error) => (await webTriggerResult(() => Promise.reject(error))).statusCode;
    expect(await statusOf(new ValidationError('body', 'is not JSON'))).toBe(400);
    expect(await statusOf(new UnauthenticatedError('no token'))).toBe(401);
    expect(await statusOf(new ForbiddenError('wrong token'))).toBe(403);
    expect(await statusOf(new NotFoundError('Page', 'x'))).toBe(404);
    expect(await statusOf(new RemoteCallError('storage', 'get', 503, 'down'))).toBe(503);
  });

  it('answers 200 with the result as JSON', async () => {
    const response = await webTriggerResult(async () => ({ acknowledged: 1 }));
    expect(response).toEqual({ statusCode: 200, headers: { 'Content-Type': ['application/json'] }, body: '{"acknowledged":1}' });
  });

  it('rethrows unknown errors', async () => {
    await expect(webTriggerResult(() => Promise.reject(new RangeError('bug')))).rejects.toBeInstanceOf(RangeError);
  });
});
