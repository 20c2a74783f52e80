import type { GetDeclareFormResult } from '../../../src/contracts/declare-incident-page';
import { checkDeclareForm, EMPTY_DECLARE_FORM, serverErrors, toggleProduct, type DeclareFormValues } from './declare-form';

const form: GetDeclareFormResult = {
  projectKey: 'HOT',
  canDeclare: true,
  severities: [
    { level: 1, label: 'Sev 1', description: 'A critical incident with very high impact', examples: [], pages: true },
    { level: 2, label: 'Sev 2', description: 'A major incident with significant impact', examples: [], pages: true },
    { level: 3, label: 'Sev 3', description: 'A minor incident with low impact', examples: [], pages: false },
  ],
  services: ['Bitbucket', 'Jira Cloud', 'Unknown'],
  products: ['Bitbucket', 'Jira', 'Confluence'],
  help: { summary: '', description: '', severity: '', faultyService: '', affectedProducts: '', impactStart: '' },
};

const complete: DeclareFormValues = {
  summary: '  Bitbucket pushes fail  ',
  description: 'All pushes fail with 500. Call me on +1 555 0100.',
  severity: 1,
  faultyService: 'Bitbucket',
  affectedProducts: ['Jira', 'Bitbucket'],
  impactStart: '',
};

const NOW = new Date(2024, 4, 1, 10, 0).getTime();

describe('checking the Declare incident form', () => {
  it('turns a complete form into the declaration, trimmed and with products in the configured order', () => {
    expect(checkDeclareForm(complete, form)).toEqual({
      ok: true,
      payload: {
        summary: 'Bitbucket pushes fail',
        description: 'All pushes fail with 500. Call me on +1 555 0100.',
        severity: 1,
        faultyService: 'Bitbucket',
        affectedProducts: ['Bitbucket', 'Jira'],
      },
    });
  });

  it('names every missing required field of an empty form at once', () => {
    const check = checkDeclareForm(EMPTY_DECLARE_FORM, form);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['description', 'faultyService', 'severity', 'summary']);
    expect(check.errors.faultyService).toContain('"Unknown"');
  });

  it('accepts an incident that affects no listed product', () => {
    expect(checkDeclareForm({ ...complete, affectedProducts: [] }, form).ok).toBe(true);
  });

  it('refuses a summary of only spaces', () => {
    const check = checkDeclareForm({ ...complete, summary: '   ' }, form);
    expect(check.ok ? {} : check.errors).toHaveProperty('summary');
  });

  it('refuses a summary longer than Jira allows and says how long it is', () => {
    const check = checkDeclareForm({ ...complete, summary: 'x'.repeat(256) }, form);
    expect(check.ok ? undefined : check.errors.summary).toContain('256');
  });

  it('refuses a service that is no longer configured', () => {
    const check = checkDeclareForm({ ...complete, faultyService: 'Statuspage' }, form);
    expect(check.ok ? undefined : check.errors.faultyService).toBe('Choose one of the listed services.');
  });

  it('sends the impact start typed in the reporter’s time zone as an instant', () => {
    const check = checkDeclareForm({ ...complete, impactStart: '2024-05-01T09:15' }, form, NOW);
    expect(check.ok ? check.payload.impactStart : undefined).toBe(new Date(2024, 4, 1, 9, 15).toISOString());
  });

  it('leaves the impact start out when the reporter does not know it', () => {
    const check = checkDeclareForm(complete, form, NOW);
    expect(check.ok ? Object.keys(check.payload) : []).not.toContain('impactStart');
  });

  it('refuses an impact start in the future, allowing a fast clock two minutes', () => {
    expect(checkDeclareForm({ ...complete, impactStart: '2024-05-01T10:02' }, form, NOW).ok).toBe(true);
    const check = checkDeclareForm({ ...complete, impactStart: '2024-05-01T10:30' }, form, NOW);
    expect(check.ok ? undefined : check.errors.impactStart).toBe('Impact start cannot be in the future. Leave it empty if unknown.');
  });

  it('refuses an impact start that is not a date and time', () => {
    const check = checkDeclareForm({ ...complete, impactStart: '2024-05-01' }, form, NOW);
    expect(check.ok ? undefined : check.errors.impactStart).toContain('leave it empty if unknown');
  });

  it('refuses a product that is not configured and names it', () => {
    const check = checkDeclareForm({ ...complete, affectedProducts: ['Trello'] }, form);
    expect(check.ok ? undefined : check.errors.affectedProducts).toContain('Trello');
  });
});

describe('showing the backend refusal of a declaration', () => {
  it('puts a refusal of one product next to Affected products, worded as a sentence', () => {
    expect(serverErrors({ code: 'invalid-input', field: 'affectedProducts[1]', message: 'affectedProducts[1]: must be one of Bitbucket, Jira' })).toEqual({
      affectedProducts: 'Affected products must be one of Bitbucket, Jira.',
    });
  });

  it('puts a refused impact start next to Impact start', () => {
    expect(serverErrors({ code: 'invalid-input', field: 'impactStart', message: 'impactStart: must not be in the future (2024-05-01 10:30 UTC is after 2024-05-01 10:00 UTC)' })).toEqual({
      impactStart: 'Impact start must not be in the future (2024-05-01 10:30 UTC is after 2024-05-01 10:00 UTC).',
    });
  });

  it('shows nothing next to the fields for a failure that is not about input', () => {
    expect(serverErrors({ code: 'not-configured', message: 'fields are not provisioned' })).toEqual({});
  });

  it('shows nothing next to the fields when the named field is not on the form', () => {
    expect(serverErrors({ code: 'invalid-input', field: 'input', message: 'input: is invalid' })).toEqual({});
  });
});

describe('ticking affected products', () => {
  it('adds a product once however often it is ticked', () => {
    expect(toggleProduct(toggleProduct(['Jira'], 'Jira', true), 'Bitbucket', true)).toEqual(['Jira', 'Bitbucket']);
  });

  it('removes an unticked product', () => {
    expect(toggleProduct(['Jira', 'Bitbucket'], 'Jira', false)).toEqual(['Bitbucket']);
  });
});
