import type { CreateField } from '../api/jira';
import { initialInput, InputError, inputKind, jiraDateTime, requestValue } from './create-field-model';

function field(overrides: Partial<CreateField> & Pick<CreateField, 'schema'>): CreateField {
  return { fieldId: 'customfield_10050', name: 'Field', required: false, ...overrides };
}

const toAdf = (text: string) => ({ type: 'doc', text });

describe('inputKind', () => {
  it('gives each schema the input Jira shows for it', () => {
    expect(inputKind(field({ fieldId: 'summary', schema: { type: 'string', system: 'summary' } }))).toBe('text');
    expect(inputKind(field({ fieldId: 'description', schema: { type: 'string', system: 'description' } }))).toBe('richText');
    expect(inputKind(field({ schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' }, allowedValues: [{ id: '1', value: 'Sev 1' }] }))).toBe('select');
    expect(inputKind(field({ schema: { type: 'array', items: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes' }, allowedValues: [{ id: '1', value: 'Web' }] }))).toBe(
      'checkboxes',
    );
    expect(inputKind(field({ schema: { type: 'datetime' } }))).toBe('datetime');
    expect(inputKind(field({ schema: { type: 'user' } }))).toBe('user');
    expect(inputKind(field({ schema: { type: 'array', items: 'user' } }))).toBe('users');
    expect(inputKind(field({ fieldId: 'labels', schema: { type: 'array', items: 'string', system: 'labels' } }))).toBe('labels');
    expect(inputKind(field({ schema: { type: 'object', custom: 'ari:cloud:ecosystem::extension/app/env/static/impact' } }))).toBe('json');
  });
});

describe('requestValue', () => {
  it('leaves a field out when nothing was entered', () => {
    expect(requestValue(field({ schema: { type: 'string' } }), '  ', toAdf)).toBeUndefined();
    expect(requestValue(field({ schema: { type: 'array', items: 'user' } }), [], toAdf)).toBeUndefined();
  });

  it('sends rich text as an ADF document', () => {
    expect(requestValue(field({ fieldId: 'description', schema: { type: 'string', system: 'description' } }), 'Pushes fail', toAdf)).toEqual({ type: 'doc', text: 'Pushes fail' });
  });

  it('refers to chosen options by id', () => {
    const severity = field({ schema: { type: 'option' }, allowedValues: [{ id: '10001', value: 'Sev 2' }] });
    expect(requestValue(severity, '10001', toAdf)).toEqual({ id: '10001' });
    const products = field({ schema: { type: 'array', items: 'option', custom: 'x:multicheckboxes' }, allowedValues: [{ id: '1', value: 'Web' }, { id: '2', value: 'API' }] });
    expect(requestValue(products, ['1', '2'], toAdf)).toEqual([{ id: '1' }, { id: '2' }]);
  });

  it('refers to people by account id', () => {
    expect(requestValue(field({ schema: { type: 'user' } }), 'acc-1', toAdf)).toEqual({ accountId: 'acc-1' });
    expect(requestValue(field({ schema: { type: 'array', items: 'user' } }), ['acc-1', 'acc-2'], toAdf)).toEqual([{ accountId: 'acc-1' }, { accountId: 'acc-2' }]);
  });

  it('writes date-times in Jira’s format, in UTC', () => {
    expect(requestValue(field({ schema: { type: 'datetime' } }), '2026-03-01T15:05:00+01:00', toAdf)).toBe('2026-03-01T14:05:00.000+0000');
  });

  it('splits labels on spaces and commas', () => {
    expect(requestValue(field({ fieldId: 'labels', schema: { type: 'array', items: 'string' } }), 'eu, checkout  outage', toAdf)).toEqual(['eu', 'checkout', 'outage']);
  });

  it('names the field and the reason when a number or JSON does not parse', () => {
    expect(() => requestValue(field({ name: 'Customers affected', schema: { type: 'number' } }), 'many', toAdf)).toThrow(new InputError('customfield_10050', 'Customers affected must be a number'));
    expect(() => requestValue(field({ name: 'Impact', schema: { type: 'object' } }), '{nope', toAdf)).toThrow('Impact must be JSON');
  });
});

describe('initialInput', () => {
  it('starts from the default createmeta gives', () => {
    expect(initialInput(field({ fieldId: 'priority', schema: { type: 'priority' }, allowedValues: [{ id: '3', name: 'Medium' }], hasDefaultValue: true, defaultValue: { id: '3', name: 'Medium' } }))).toBe('3');
  });

  it('starts empty without a default', () => {
    expect(initialInput(field({ schema: { type: 'array', items: 'user' } }))).toEqual([]);
    expect(initialInput(field({ schema: { type: 'string' } }))).toBe('');
  });
});

describe('jiraDateTime', () => {
  it('refuses text that is not a date', () => {
    expect(jiraDateTime('soon')).toBeUndefined();
  });
});
