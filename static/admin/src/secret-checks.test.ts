import { secretProblem } from './secret-checks';

describe('checking a secret before it is stored', () => {
  it('accepts a PagerDuty webhook signing secret as PagerDuty shows it, surrounding spaces ignored', () => {
    expect(secretProblem('pagerduty-webhook-secret', '  Qm9d3Jx7kPz2LwR8vYc4Ht6Nf1Sa0Eb5  ')).toBeUndefined();
  });

  it('refuses a PagerDuty webhook signing secret that is too short, too long or has a space inside', () => {
    const problem = 'Paste the signing secret PagerDuty showed for the webhook subscription: 16 to 256 characters, no spaces.';
    expect(secretProblem('pagerduty-webhook-secret', 'short-secret')).toBe(problem);
    expect(secretProblem('pagerduty-webhook-secret', 'x'.repeat(257))).toBe(problem);
    expect(secretProblem('pagerduty-webhook-secret', 'Qm9d3Jx7kPz2 LwR8vYc4Ht6N')).toBe(problem);
  });

  it('accepts the longest PagerDuty webhook signing secret the backend stores', () => {
    expect(secretProblem('pagerduty-webhook-secret', 'x'.repeat(256))).toBeUndefined();
  });

  it('refuses a Slack token that is not a bot token', () => {
    expect(secretProblem('slack-bot-token', 'xoxa-123')).toBe('Paste a Slack bot token: it starts with xoxb-.');
    expect(secretProblem('slack-bot-token', 'xoxb-123-abc')).toBeUndefined();
  });

  it('asks for the 32-character PagerDuty integration key of a roster', () => {
    expect(secretProblem('pagerduty-routing-key', 'R0UT1NGKEY')).toMatch(/32-character integration key/);
    expect(secretProblem('pagerduty-routing-key', 'a'.repeat(32))).toBeUndefined();
  });

  it('asks for 16 to 256 characters for the outgoing webhook signing secret', () => {
    expect(secretProblem('webhook-signing-secret', 'fifteen-chars..')).toBe('Use 16 to 256 characters.');
    expect(secretProblem('webhook-signing-secret', 'sixteen-chars...')).toBeUndefined();
  });
});
