import { checkUpdate } from './check-update';
import { parseUpdateText, splitNextUpdate } from './parse-update-text';
import { renderUpdate } from './render-update';
import type { UpdateDraft } from './update-draft';

const pasted = `HOT-12 - Sev 1 - Checkout fails for EU customers

Checkout is failing for EU customers.
We have failed over to us-east.

**Current Status:**
- Failover completed at 10:40 UTC
* Error rate down from 40%
  to 5% in the last 10 minutes
• Provider confirmed a fault

## Next Steps
1. Confirm error rate returns to baseline
2) Work with provider on eu-west

Customer impact: EU customers cannot complete checkout
Internal customers affected: none
External customers affected: about 3,000
Root cause: unknown
ETA: none yet
Next update: 11:30 UTC via email and Statuspage

Thanks,
Alice`;

describe('reading a pasted update', () => {
  it('finds the opening, both sections and every checklist answer', () => {
    expect(parseUpdateText(pasted)).toEqual({
      opening: 'Checkout is failing for EU customers. We have failed over to us-east.',
      currentStatus: ['Failover completed at 10:40 UTC', 'Error rate down from 40% to 5% in the last 10 minutes', 'Provider confirmed a fault'],
      nextSteps: ['Confirm error rate returns to baseline', 'Work with provider on eu-west'],
      customerImpact: 'EU customers cannot complete checkout',
      affectedCustomers: { internal: 'none', external: 'about 3,000' },
      rootCause: 'unknown',
      eta: 'none yet',
      nextUpdate: { at: '11:30 UTC', where: 'email and Statuspage' },
    });
    expect(checkUpdate(parseUpdateText(pasted)).complete).toBe(true);
  });

  it('lets a pasted update be checked: missing parts become gaps', () => {
    const draft = parseUpdateText('We are looking into slow page loads.\n\nCurrent Status\n- Investigating\n');
    expect(checkUpdate(draft).gaps.map((gap) => gap.field)).toEqual([
      'currentStatus',
      'nextSteps',
      'customerImpact',
      'affectedCustomers.internal',
      'affectedCustomers.external',
      'rootCause',
      'eta',
      'nextUpdate.at',
      'nextUpdate.where',
    ]);
  });

  it('treats unbulleted lines under a heading as bullets', () => {
    expect(parseUpdateText('Next steps:\nRoll back deploy\nWatch graphs').nextSteps).toEqual(['Roll back deploy', 'Watch graphs']);
  });

  it('counts a bulleted fact inside a section both as a bullet and as that fact', () => {
    const draft = parseUpdateText('Current Status\n- Root cause: bad deploy 4711\n- Rolling back\n');
    expect(draft.currentStatus).toEqual(['Root cause: bad deploy 4711', 'Rolling back']);
    expect(draft.rootCause).toBe('bad deploy 4711');
  });

  it('ends a section at a fact line and keeps the opening to the text before any heading', () => {
    const draft = parseUpdateText('Current Status\n- a\nETA: 12:00 UTC\n- stray bullet\nLater prose');
    expect(draft).toMatchObject({ opening: '', currentStatus: ['a'], eta: '12:00 UTC' });
  });

  it('reads Windows line endings and ignores an empty fact', () => {
    const draft = parseUpdateText('Opening line.\r\nRoot cause:\r\nImpact: slow\r\n');
    expect(draft.opening).toBe('Opening line.');
    expect(draft.rootCause).toBeUndefined();
    expect(draft.customerImpact).toBe('slow');
  });
});

describe('splitting the next-update line', () => {
  it.each([
    ['11:30 UTC via email and Statuspage', { at: '11:30 UTC', where: 'email and Statuspage' }],
    ['in 30 minutes on Statuspage', { at: 'in 30 minutes', where: 'Statuspage' }],
    ['via #hot-12', { where: '#hot-12' }],
    ['12:00 UTC', { at: '12:00 UTC' }],
    ['  ', {}],
  ])('reads "%s"', (text, expected) => {
    expect(splitNextUpdate(text)).toEqual(expected);
  });
});

describe('rendering an update', () => {
  const draft: UpdateDraft = {
    opening: 'Checkout is failing for EU customers.',
    currentStatus: ['Failover complete', ' ', 'Errors down'],
    nextSteps: ['Confirm baseline', 'Provider follow-up'],
    customerImpact: 'EU checkout fails',
    affectedCustomers: { internal: 'none', external: 'about 3,000' },
    rootCause: 'unknown',
    eta: 'none yet',
    nextUpdate: { at: '11:30 UTC', where: 'email and Statuspage' },
  };

  it("lays out the handbook's sections as plain text", () => {
    expect(renderUpdate(draft)).toBe(`Checkout is failing for EU customers.

Current Status
- Failover complete
- Errors down

Next Steps
- Confirm baseline
- Provider follow-up

Customer impact: EU checkout fails
Internal customers affected: none
External customers affected: about 3,000
Root cause: unknown
ETA: none yet
Next update: 11:30 UTC via email and Statuspage`);
  });

  it('reads back what it rendered', () => {
    expect(parseUpdateText(renderUpdate(draft))).toEqual({ ...draft, currentStatus: ['Failover complete', 'Errors down'] });
  });

  it('leaves out parts that are empty and renders a next update with only a place', () => {
    expect(renderUpdate({ opening: '', currentStatus: [], nextSteps: [], affectedCustomers: {}, nextUpdate: { where: 'Statuspage' } })).toBe(
      'Next update: via Statuspage',
    );
    expect(renderUpdate({ opening: 'Hi.', currentStatus: [], nextSteps: [], affectedCustomers: {}, nextUpdate: {} })).toBe('Hi.');
  });
});
