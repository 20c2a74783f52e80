import type { PostFunctionOptionsResult } from '../../../src/contracts/post-function-config';
import { checkPostFunctionForm, DEFAULT_POST_FUNCTION_FORM, describeConfiguration, formFromConfiguration, readSavedConfiguration } from './post-function-form';

const options: PostFunctionOptionsResult = {
  rosters: [
    { id: 'bitbucket', name: 'Bitbucket IMs' },
    { id: 'imoc', name: 'IMOC' },
  ],
  imocRosterId: 'imoc',
  severities: [
    { level: 1, label: 'Sev 1' },
    { level: 2, label: 'Sev 2' },
    { level: 3, label: 'Sev 3' },
  ],
};

describe('reading the configuration Jira stored', () => {
  it('reads the JSON string the view saved', () => {
    expect(readSavedConfiguration('{"target":{"kind":"roster","rosterId":"bitbucket"},"severities":[1,2]}')).toEqual({
      target: { kind: 'roster', rosterId: 'bitbucket' },
      severities: [1, 2],
    });
  });

  it('reads a configuration handed over already parsed', () => {
    expect(readSavedConfiguration({ target: { kind: 'imoc' } })).toEqual({ target: { kind: 'imoc' } });
  });

  it('treats a new post-function, broken JSON and foreign shapes as unconfigured', () => {
    expect(readSavedConfiguration(undefined)).toBeUndefined();
    expect(readSavedConfiguration('')).toBeUndefined();
    expect(readSavedConfiguration('{not json')).toBeUndefined();
    expect(readSavedConfiguration({ target: { kind: 'everyone' } })).toBeUndefined();
  });

  it('starts a new post-function on the faulty service\'s roster for every severity', () => {
    expect(formFromConfiguration(undefined)).toEqual(DEFAULT_POST_FUNCTION_FORM);
  });

  it('fills the form from a stored named-roster configuration', () => {
    expect(formFromConfiguration({ target: { kind: 'roster', rosterId: 'bitbucket' }, severities: [1] })).toEqual({
      targetKind: 'roster',
      rosterId: 'bitbucket',
      filterBySeverity: true,
      severities: [1],
    });
  });
});

describe('checking the post-function form', () => {
  it('saves the faulty service\'s roster without a severity filter', () => {
    expect(checkPostFunctionForm(DEFAULT_POST_FUNCTION_FORM, options)).toEqual({ ok: true, configuration: { target: { kind: 'faulty-service' } } });
  });

  it('ignores a roster left chosen before switching to the IMOC', () => {
    expect(checkPostFunctionForm({ ...DEFAULT_POST_FUNCTION_FORM, targetKind: 'imoc', rosterId: 'bitbucket' }, options)).toEqual({
      ok: true,
      configuration: { target: { kind: 'imoc' } },
    });
  });

  it('asks for a roster when paging a named roster', () => {
    expect(checkPostFunctionForm({ ...DEFAULT_POST_FUNCTION_FORM, targetKind: 'roster' }, options)).toEqual({ ok: false, errors: { rosterId: 'Choose the roster to page.' } });
  });

  it('refuses a roster that was deleted since the post-function was configured', () => {
    const check = checkPostFunctionForm({ ...DEFAULT_POST_FUNCTION_FORM, targetKind: 'roster', rosterId: 'gone' }, options);
    expect(check.ok ? undefined : check.errors.rosterId).toContain('no longer exists');
  });

  it('keeps the ticked severities in scale order', () => {
    expect(checkPostFunctionForm({ ...DEFAULT_POST_FUNCTION_FORM, filterBySeverity: true, severities: [2, 1] }, options)).toEqual({
      ok: true,
      configuration: { target: { kind: 'faulty-service' }, severities: [1, 2] },
    });
  });

  it('refuses a severity filter with nothing ticked', () => {
    const check = checkPostFunctionForm({ ...DEFAULT_POST_FUNCTION_FORM, filterBySeverity: true }, options);
    expect(check.ok ? undefined : check.errors.severities).toBeDefined();
  });
});

describe('describing the configuration', () => {
  it('names the roster and the severities', () => {
    expect(describeConfiguration({ target: { kind: 'roster', rosterId: 'bitbucket' }, severities: [1, 2] }, options)).toBe(
      'Pages the on-call of the Bitbucket IMs roster after this transition, only for Sev 1 or Sev 2 incidents.',
    );
  });

  it('says the IMOC is paged whatever the severity', () => {
    expect(describeConfiguration({ target: { kind: 'imoc' } }, options)).toBe('Pages the incident manager on call (IMOC) after this transition, whatever the severity.');
  });
});
