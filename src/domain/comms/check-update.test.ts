import { checkUpdate, countSentences } from './check-update';
import type { UpdateDraft } from './update-draft';

const complete: UpdateDraft = {
  opening: 'Checkout is failing for EU customers. We have failed over to us-east and errors are dropping.',
  currentStatus: ['Failover to us-east completed at 10:40 UTC', 'Error rate down from 40% to 5%'],
  nextSteps: ['Confirm error rate returns to baseline', 'Work with provider on eu-west fault'],
  customerImpact: 'EU customers cannot complete checkout',
  affectedCustomers: { internal: 'None', external: 'About 3,000 EU customers' },
  rootCause: 'Regional provider fault in eu-west',
  eta: 'The root cause is with the provider; there is no ETA yet',
  nextUpdate: { at: '11:30 UTC', where: 'email and Statuspage' },
};

const gapsOf = (draft: UpdateDraft): Array<[string, string]> => checkUpdate(draft).gaps.map((gap) => [gap.field, gap.message]);

describe('checking an update for completeness', () => {
  it('finds nothing missing in a complete update', () => {
    expect(checkUpdate(complete)).toEqual({ complete: true, gaps: [] });
  });

  it('asks for an opening summary when there is none', () => {
    expect(gapsOf({ ...complete, opening: '  ' })).toEqual([
      ['opening', 'Open with a 1–2 sentence summary of the current state and impact.'],
    ]);
  });

  it('asks to shorten an opening longer than two sentences', () => {
    expect(gapsOf({ ...complete, opening: 'One. Two! Three? Four.' })).toEqual([
      ['opening', 'The opening has 4 sentences; keep it to 1–2 on the current state and impact.'],
    ]);
  });

  it('asks for 2–4 Current Status bullets, ignoring blank ones', () => {
    expect(gapsOf({ ...complete, currentStatus: ['Only one', ' '] })).toEqual([
      ['currentStatus', 'Add a "Current Status" section with 2–4 bullet points (it has 1).'],
    ]);
    expect(gapsOf({ ...complete, currentStatus: ['a', 'b', 'c', 'd', 'e'] })).toEqual([
      ['currentStatus', 'Trim "Current Status" to 2–4 bullet points (it has 5).'],
    ]);
  });

  it('asks for 2–4 Next Steps bullets', () => {
    expect(gapsOf({ ...complete, nextSteps: [] })).toEqual([['nextSteps', 'Add a "Next Steps" section with 2–4 bullet points (it has 0).']]);
    expect(gapsOf({ ...complete, nextSteps: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([
      ['nextSteps', 'Trim "Next Steps" to 2–4 bullet points (it has 6).'],
    ]);
  });

  it('asks for the actual impact on customers', () => {
    const { customerImpact: _omitted, ...draft } = complete;
    expect(gapsOf(draft)).toEqual([['customerImpact', 'Say what the actual impact on customers is.']]);
  });

  it('asks how many internal and external customers are affected', () => {
    expect(gapsOf({ ...complete, affectedCustomers: {} })).toEqual([
      ['affectedCustomers.internal', 'Say how many internal customers are affected, or that the number is not known yet.'],
      ['affectedCustomers.external', 'Say how many external customers are affected, or that the number is not known yet.'],
    ]);
  });

  it('asks for the root cause or an explicit unknown, and accepts "currently unknown"', () => {
    const { rootCause: _omitted, ...draft } = complete;
    expect(gapsOf(draft)).toEqual([['rootCause', 'State the root cause, or say explicitly that it is currently unknown.']]);
    expect(checkUpdate({ ...complete, rootCause: 'The root cause is currently unknown.' }).complete).toBe(true);
  });

  it('treats a placeholder such as "TBD" as no answer', () => {
    expect(gapsOf({ ...complete, rootCause: 'TBD' })).toEqual([
      ['rootCause', '"TBD" is a placeholder: state the root cause, or say explicitly that it is currently unknown.'],
    ]);
    expect(gapsOf({ ...complete, affectedCustomers: { internal: '?', external: 'n/a' } }).map(([field]) => field)).toEqual([
      'affectedCustomers.internal',
      'affectedCustomers.external',
    ]);
  });

  it('asks for an ETA or an explicit statement that there is none', () => {
    expect(gapsOf({ ...complete, eta: '' })).toEqual([['eta', 'Give an ETA for restoration, or say explicitly that there is no ETA yet.']]);
  });

  it('asks when and where the next update will be', () => {
    expect(gapsOf({ ...complete, nextUpdate: {} })).toEqual([
      ['nextUpdate.at', 'Say when the next update will be sent.'],
      ['nextUpdate.where', 'Say where the next update will be sent, e.g. email and Statuspage.'],
    ]);
    expect(gapsOf({ ...complete, nextUpdate: { at: '11:30 UTC' } }).map(([field]) => field)).toEqual(['nextUpdate.where']);
  });

  it('reports every gap of an empty draft at once', () => {
    const check = checkUpdate({ opening: '', currentStatus: [], nextSteps: [], affectedCustomers: {}, nextUpdate: {} });
    expect(check.complete).toBe(false);
    expect(check.gaps).toHaveLength(10);
  });
});

describe('counting sentences', () => {
  it('does not end a sentence at abbreviations or decimal points', () => {
    expect(countSentences('Core functions (e.g. git push) fail on v2.3 and we are on it.')).toBe(1);
    expect(countSentences('Errors rising. Failing over now')).toBe(2);
    expect(countSentences('')).toBe(0);
  });
});
