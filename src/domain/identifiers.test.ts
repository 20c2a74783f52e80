import { ValidationError } from './errors';
import { thrownBy } from './testing/thrown-by';
import { parseAccountId, parseIssueKey } from './identifiers';
import { fieldPath } from './parse-input';

describe('identifiers', () => {
  it('accepts Jira issue keys such as HOT-12 and PROJ_2-1', () => {
    expect(parseIssueKey('HOT-12')).toBe('HOT-12');
    expect(parseIssueKey('PROJ_2-1')).toBe('PROJ_2-1');
  });

  it.each(['hot-12', 'HOT-0', 'HOT12', 'H-1', '12-HOT', ''])('refuses "%s" as an issue key', (key) => {
    const error = thrownBy(() => parseIssueKey(key, 'cleanupIssues[0]'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'cleanupIssues[0]', reason: 'must be a Jira issue key such as HOT-12' });
  });

  it('accepts opaque account ids and refuses names with spaces or empty ids', () => {
    expect(parseAccountId('712020:3f0d-42')).toBe('712020:3f0d-42');
    expect(() => parseAccountId('Alice Smith')).toThrow('accountId: must be an account id without spaces');
    expect(() => parseAccountId('')).toThrow('accountId: must not be empty');
  });

  it('names fields as paths with array indices', () => {
    expect(fieldPath('roles', [2, 'accountId'])).toBe('roles[2].accountId');
    expect(fieldPath('', ['impactTimes', 'detected'])).toBe('impactTimes.detected');
    expect(fieldPath('', [])).toBe('input');
  });
});
