import { ValidationError } from '../domain/errors';
import { thrownBy } from '../domain/testing/thrown-by';
import { and, clause, inList, jqlText, or, parseJqlFilter } from './jql';

describe('JQL the app writes', () => {
  it('quotes and escapes values, so a value cannot change the query', () => {
    expect(jqlText(clause('labels', '=', 'HOT-12" OR project = SECRET'))).toBe('labels = "HOT-12\\" OR project = SECRET"');
  });

  it('joins clauses and orders the result', () => {
    expect(jqlText(and(clause('project', '=', 'HOT'), or(inList('status', ['New', 'Fixing']), clause('created', '>=', '-60m'))), { field: 'created', direction: 'desc' })).toBe(
      'project = HOT and (status in (New, Fixing) or created >= -60m) ORDER BY created DESC',
    );
  });

  it('keeps an administrator’s filter whole when adding to it, without its own order', () => {
    const filter = parseJqlFilter('project = CHG OR labels = deploy ORDER BY key', 'jql');
    expect(jqlText(and(filter, clause('labels', '=', 'bitbucket')))).toBe('(project = CHG or labels = deploy) and labels = bitbucket');
  });

  it('refuses JQL that does not parse, naming the field and where it went wrong', () => {
    const error = thrownBy(() => parseJqlFilter('project = ', 'jql'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('jql');
    expect((error as ValidationError).message).toMatch(/^jql: is not valid JQL: .+\(line 1, character \d+\)$/);
  });

  it('refuses JQL that only orders and says nothing about which issues', () => {
    expect(() => parseJqlFilter('ORDER BY created', 'jql')).toThrow('jql: must say which issues to look at');
  });
});
