import { COCKPIT_RESOLVER_KEYS } from '../../contracts/cockpit';
import { issuePanelResolver as definitions } from './issue-panel';

const issueContext = { extension: { issue: { id: '10042', key: 'HOT-12', type: 'Incident' } } };

function invoke(functionKey: string, payload: unknown, options: { accountId?: string; context?: unknown } = {}): Promise<unknown> {
  const principal = options.accountId === undefined ? undefined : { accountId: options.accountId };
  return definitions({ call: { functionKey, payload }, context: options.context ?? issueContext }, principal === undefined ? {} : { principal });
}

describe('cockpit resolvers', () => {
  it('answers every key of the contract, refusing a payload it does not know before touching anything', async () => {
    for (const key of Object.values(COCKPIT_RESOLVER_KEYS)) {
      expect(await invoke(key, { bogus: true }, { accountId: 'acc-alice' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('names a field it does not know', async () => {
    expect(await invoke(COCKPIT_RESOLVER_KEYS.openComms, { bogus: true }, { accountId: 'acc-alice' })).toMatchObject({ ok: false, error: { field: 'bogus' } });
  });

  it('names the missing part of a take command', async () => {
    expect(await invoke(COCKPIT_RESOLVER_KEYS.takeCommand, {}, { accountId: 'acc-alice' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'transitionId', message: 'transitionId: is required' },
    });
  });

  it('refuses a timeline entry of a kind the handbook does not know', async () => {
    expect(await invoke(COCKPIT_RESOLVER_KEYS.recordTimelineEntry, { entry: { kind: 'rumour', text: 'x' } }, { accountId: 'acc-alice' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'entry.kind' },
    });
  });

  it('refuses a role that is neither built in nor named', async () => {
    expect(await invoke(COCKPIT_RESOLVER_KEYS.delegateRole, { role: 'boss', accountId: 'acc-bob' }, { accountId: 'acc-alice' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'role' },
    });
  });

  it('refuses a severity off the scale', async () => {
    expect(await invoke(COCKPIT_RESOLVER_KEYS.changeSeverity, { level: 4 }, { accountId: 'acc-alice' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'level', message: 'level: must be 1, 2 or 3' },
    });
  });

  it('refuses someone who is not signed in', async () => {
    expect(await invoke(COCKPIT_RESOLVER_KEYS.getCockpit, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('works only on the issue of the panel’s context', async () => {
    expect(await invoke(COCKPIT_RESOLVER_KEYS.getCockpit, {}, { accountId: 'acc-alice', context: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'context.extension.issue' },
    });
  });

  it('refuses an action it does not have, quoting only the start of its name', async () => {
    for (const key of ['nope', 'constructor', '__proto__', 'hasOwnProperty', 'x'.repeat(5000)]) {
      const answer = (await invoke(key, { anything: 1 }, { accountId: 'acc-alice' })) as { ok: boolean; error: { code: string; reason: string; message: string } };
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', reason: 'unknown-action' } });
      expect(answer.error.message.length).toBeLessThan(100);
    }
  });
});
