import * as z from 'zod/mini';
import { describeFailure, readResolverResult, reasonOf } from './resolver-result';

const value = z.object({ issueKey: z.string() });

describe('reading what a resolver answered', () => {
  it('passes on a value of the expected shape', () => {
    expect(readResolverResult({ ok: true, value: { issueKey: 'HOT-1' } }, value)).toEqual({ ok: true, value: { issueKey: 'HOT-1' } });
  });

  it('passes on the backend\'s refusal with the field it names', () => {
    expect(readResolverResult({ ok: false, error: { code: 'invalid-input', field: 'summary', message: 'summary: must not be empty' } }, value)).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'summary', message: 'summary: must not be empty' },
    });
  });

  it('reports a value of the wrong shape as unavailable instead of trusting it', () => {
    const result = readResolverResult({ ok: true, value: { issueKey: 7 } }, value);
    expect(result.ok ? undefined : result.error.code).toBe('unavailable');
  });

  it('reports an answer that is not a ResolverResult as unavailable', () => {
    const result = readResolverResult('Internal error', value);
    expect(result.ok ? undefined : result.error.message).toContain('does not understand');
  });

  it('treats an unknown error code as an unexpected answer', () => {
    const result = readResolverResult({ ok: false, error: { code: 'teapot', message: 'no' } }, value);
    expect(result.ok ? undefined : result.error.code).toBe('unavailable');
  });
});

describe('wording a failure', () => {
  it('drops the field prefix when the message is shown next to the field', () => {
    expect(reasonOf({ code: 'invalid-input', field: 'rosters[0].layers[0].timeZone', message: 'rosters[0].layers[0].timeZone: "Mars/Olympus" is not an IANA time zone' })).toBe(
      '"Mars/Olympus" is not an IANA time zone',
    );
  });

  it('keeps a message that does not repeat the field', () => {
    expect(reasonOf({ code: 'invalid-input', field: 'summary', message: 'is required' })).toBe('is required');
  });

  it('names the field when the failure is shown on its own', () => {
    expect(describeFailure({ code: 'invalid-input', field: 'json', message: 'json: is not valid JSON' })).toBe('json: is not valid JSON');
    expect(describeFailure({ code: 'unavailable', message: 'Jira did not answer in time.' })).toBe('Jira did not answer in time.');
  });
});
