import { ForbiddenError, UnauthenticatedError } from './errors';
import { setIntegrationSecret } from './integration-secrets';
import { pagerDutySignatureMatches, v1Signatures, verifyPagerDutySignature } from './pagerduty-signature';
import { InMemorySecretStore } from './testing/in-memory-app-store';

const SECRET = 'whsec-local-0123456789abcdef';
// Computed apart from the code under test: printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET"
const BODY = '{"event":{"id":"01DEMO","event_type":"incident.acknowledged"}}';
const BODY_SIGNATURE = 'd8b36e7735b629ed39fd55277c6a93144f4a2908d09842d2a16f69e6b916c20c';
const UNICODE_BODY = '{"title":"Störung – Git 🔥"}';
const UNICODE_SIGNATURE = 'ca791e1e8088261f55bc5d01a90df521d734dba273f1c9be041c64d8a1f9b5d8';
const OTHER_SIGNATURE = '0'.repeat(64);

async function storeWithSecret(): Promise<InMemorySecretStore> {
  const secrets = new InMemorySecretStore();
  await setIntegrationSecret(secrets, { kind: 'pagerduty-webhook-secret', value: SECRET }, []);
  return secrets;
}

describe('PagerDuty webhook signatures', () => {
  it('accepts the v1 HMAC-SHA256 of the raw body, as hex', () => {
    expect(pagerDutySignatureMatches(SECRET, BODY, `v1=${BODY_SIGNATURE}`)).toBe(true);
    expect(pagerDutySignatureMatches(SECRET, BODY, `v1=${BODY_SIGNATURE.toUpperCase()}`)).toBe(true);
  });

  it('signs the body as UTF-8 bytes, so non-ASCII incident titles verify', () => {
    expect(pagerDutySignatureMatches(SECRET, UNICODE_BODY, `v1=${UNICODE_SIGNATURE}`)).toBe(true);
  });

  it('accepts any one of several comma-separated signatures, as during a secret rotation', () => {
    expect(pagerDutySignatureMatches(SECRET, BODY, `v1=${OTHER_SIGNATURE},v1=${BODY_SIGNATURE}`)).toBe(true);
    expect(pagerDutySignatureMatches(SECRET, BODY, `v1=${BODY_SIGNATURE}, v1=${OTHER_SIGNATURE}`)).toBe(true);
  });

  it('refuses a signature of a body changed by one character, or made with another secret', () => {
    expect(pagerDutySignatureMatches(SECRET, BODY.replace('01DEMO', '01DEMP'), `v1=${BODY_SIGNATURE}`)).toBe(false);
    expect(pagerDutySignatureMatches(`${SECRET}x`, BODY, `v1=${BODY_SIGNATURE}`)).toBe(false);
  });

  it('reads only well-formed v1 signatures from the header', () => {
    expect(v1Signatures(`v0=${BODY_SIGNATURE},v1=abc,v1=${BODY_SIGNATURE},sha256=${BODY_SIGNATURE}`)).toEqual([Buffer.from(BODY_SIGNATURE, 'hex')]);
    expect(pagerDutySignatureMatches(SECRET, BODY, `v2=${BODY_SIGNATURE}`)).toBe(false);
  });

  it('lets a correctly signed webhook through with the secret stored in the app settings', async () => {
    await expect(verifyPagerDutySignature(await storeWithSecret(), BODY, `v1=${BODY_SIGNATURE}`)).resolves.toBeUndefined();
  });

  it('answers a webhook without a v1 signature as unauthenticated', async () => {
    const secrets = await storeWithSecret();
    await expect(verifyPagerDutySignature(secrets, BODY, undefined)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(verifyPagerDutySignature(secrets, BODY, '')).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(verifyPagerDutySignature(secrets, BODY, `sha256=${BODY_SIGNATURE}`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('forbids a wrong signature, and any signature while no signing secret is stored', async () => {
    await expect(verifyPagerDutySignature(await storeWithSecret(), BODY, `v1=${OTHER_SIGNATURE}`)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(verifyPagerDutySignature(new InMemorySecretStore(), BODY, `v1=${BODY_SIGNATURE}`)).rejects.toThrow('signing secret is set');
  });
});
