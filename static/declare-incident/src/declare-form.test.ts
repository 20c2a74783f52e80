import type { GetDeclareFormResult } from '../../../src/contracts/declare-incident-page';
import { checkDeclareForm, EMPTY_DECLARE_FORM, serverErrors, toggleProduct, type DeclareFormValues } from './declare-form';

const form: GetDeclareFormResult = {
  projectKey: 'HOT',
  severities: [
    { level: 1, label: 'Sev 1', description: 'A critical incident with very high impact', examples: [], pages: true },
    { level: 2, label: 'Sev 2', description: 'A major incident with significant impact', examples: [], pages: true },
    { level: 3, label: 'Sev 3', description: 'A minor incident with low impact', examples: [], pages: false },
  ],
  services: ['Bitbucket', 'Jira Cloud', 'Unknown'],
  products: ['Bitbucket', 'Jira', 'Confluence'],
  help: { summary: '', description: '', severity: '', faultyService: '', affectedProducts: '' },
};

const complete: DeclareFormValues = {
  summary: '  Bitbucket pushes fail  ',
  description: 'All pushes fail with 500. Call me on +1 555 0100.',
  severity: 1,
  faultyService: 'Bitbucket',
  affectedProducts: ['Jira', 'Bitbucket'],
};

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
