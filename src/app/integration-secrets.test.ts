import { ForbiddenError, UnauthenticatedError } from './errors';
import { ensureAcknowledgementToken, INTEGRATION_SECRETS_NAME, loadIntegrationSecrets, setIntegrationSecret, verifyAcknowledgementToken } from './integration-secrets';
import { InMemorySecretStore } from './testing/in-memory-app-store';

describe('integration secrets', () => {
  it('stores secrets together and reports only which ones exist', async () => {
    const secrets = new InMemorySecretStore();
    await setIntegrationSecret(secrets, { kind: 'slack-bot-token', value: 'xoxb-123-abc' }, []);
    const status = await setIntegrationSecret(secrets, { kind: 'pagerduty-routing-key', rosterId: 'imoc', value: 'a'.repeat(32) }, ['imoc']);

    expect(status).toEqual({ slackBotToken: true, pagerDutyRosters: ['imoc'], webhookSigningSecret: false, pagerDutyWebhookSecret: false });
    expect(JSON.stringify(status)).not.toContain('xoxb');
    expect(await loadIntegrationSecrets(secrets)).toEqual({ slackBotToken: 'xoxb-123-abc', pagerDutyRoutingKeys: { imoc: 'a'.repeat(32) } });
  });

  it('removes a secret when given null', async () => {
    const secrets = new InMemorySecretStore();
    await setIntegrationSecret(secrets, { kind: 'slack-bot-token', value: 'xoxb-123-abc' }, []);
    expect((await setIntegrationSecret(secrets, { kind: 'slack-bot-token', value: null }, [])).slackBotToken).toBe(false);
  });

  it('refuses malformed secrets and routing keys for unknown rosters, naming the field', async () => {
    const secrets = new InMemorySecretStore();
    await expect(setIntegrationSecret(secrets, { kind: 'slack-bot-token', value: 'hunter2' }, [])).rejects.toMatchObject({ field: 'secret.value' });
    await expect(setIntegrationSecret(secrets, { kind: 'pagerduty-routing-key', rosterId: 'ghost', value: 'a'.repeat(32) }, ['imoc'])).rejects.toMatchObject({
      field: 'secret.rosterId',
    });
    expect(secrets.secrets.has(INTEGRATION_SECRETS_NAME)).toBe(false);
  });

  it('keeps the PagerDuty webhook signing secret beside the others, and removes it when given null', async () => {
    const secrets = new InMemorySecretStore();
    await setIntegrationSecret(secrets, { kind: 'slack-bot-token', value: 'xoxb-123-abc' }, []);

    const stored = await setIntegrationSecret(secrets, { kind: 'pagerduty-webhook-secret', value: '  pd-subscription-secret-4f1c2a9b ' }, []);
    expect(stored.pagerDutyWebhookSecret).toBe(true);
    expect(await loadIntegrationSecrets(secrets)).toEqual({ slackBotToken: 'xoxb-123-abc', pagerDutyRoutingKeys: {}, pagerDutyWebhookSecret: 'pd-subscription-secret-4f1c2a9b' });

    const removed = await setIntegrationSecret(secrets, { kind: 'pagerduty-webhook-secret', value: null }, []);
    expect(removed).toEqual({ slackBotToken: true, pagerDutyRosters: [], webhookSigningSecret: false, pagerDutyWebhookSecret: false });
  });

  it('refuses a PagerDuty webhook signing secret that is too short or has spaces, changing nothing', async () => {
    const secrets = new InMemorySecretStore();
    for (const value of ['short', 'has a space in the middle of it']) {
      await expect(setIntegrationSecret(secrets, { kind: 'pagerduty-webhook-secret', value }, [])).rejects.toMatchObject({ name: 'ValidationError', field: 'secret.value' });
    }
    expect(secrets.secrets.has(INTEGRATION_SECRETS_NAME)).toBe(false);
  });

  it('creates the acknowledgement token once and keeps it', async () => {
    const secrets = new InMemorySecretStore();
    let made = 0;
    const newToken = () => `token-${(made += 1)}`;
    expect(await ensureAcknowledgementToken(secrets, newToken)).toBe('token-1');
    expect(await ensureAcknowledgementToken(secrets, newToken)).toBe('token-1');
  });

  it('accepts only the stored acknowledgement token', async () => {
    const secrets = new InMemorySecretStore();
    const token = await ensureAcknowledgementToken(secrets, () => 'token-abc');
    await expect(verifyAcknowledgementToken(secrets, token)).resolves.toBeUndefined();
    await expect(verifyAcknowledgementToken(secrets, undefined)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(verifyAcknowledgementToken(secrets, 'token-abd')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(verifyAcknowledgementToken(secrets, 'token-abcd')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
