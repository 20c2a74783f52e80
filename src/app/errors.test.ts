import { RemoteCallError } from './errors';

describe('a failed remote call', () => {
  const failed = (status: number | undefined) => new RemoteCallError('jira', 'edit issue', status, 'refused');

  it.each([
    [undefined, 'unanswered', true],
    [429, 'throttled', true],
    [503, 'unavailable', true],
    [401, 'forbidden', false],
    [403, 'forbidden', false],
    [404, 'not-found', false],
    [409, 'conflict', false],
    [400, 'rejected', false],
    [200, 'unreadable', false],
  ] as const)('with status %s means %s (retryable: %s)', (status, outcome, retryable) => {
    expect(failed(status).outcome).toBe(outcome);
    expect(failed(status).retryable).toBe(retryable);
  });

  it('names the service, the operation and the status in its message', () => {
    expect(failed(409).message).toBe('jira edit issue failed (409): refused');
  });
});
