import { JiraScopeCheck } from './jira-scopes';

describe('JiraScopeCheck', () => {
  it("allows an operation when the manifest declares its classic scope, and names that scope", () => {
    const check = new JiraScopeCheck(['read:jira-work', 'write:jira-work']);
    expect(check.decide('POST', '/rest/api/3/issue/HOT-1/comment')).toEqual({ kind: 'allowed', operation: 'POST /rest/api/3/issue/{issueIdOrKey}/comment', coveredBy: ['write:jira-work'] });
    expect(check.decide('GET', '/rest/api/3/search/jql?jql=project%20%3D%20HOT')).toMatchObject({ kind: 'allowed', coveredBy: ['read:jira-work'] });
  });

  it('allows an operation when the manifest declares every one of its granular scopes instead', () => {
    const check = new JiraScopeCheck(['write:issue:jira']);
    expect(check.decide('PUT', '/rest/api/3/issue/HOT-1')).toEqual({ kind: 'allowed', operation: 'PUT /rest/api/3/issue/{issueIdOrKey}', coveredBy: ['write:issue:jira'] });
  });

  it('refuses an operation whose scope the manifest lacks, naming the scope sets that would do', () => {
    const check = new JiraScopeCheck(['read:jira-work', 'write:jira-work']);
    const decision = check.decide('POST', '/rest/api/3/field');
    expect(decision).toMatchObject({ kind: 'refused', operation: 'POST /rest/api/3/field' });
    expect(decision.kind === 'refused' ? decision.needsOneOf[0] : []).toEqual(['manage:jira-configuration']);
    expect(check.decide('GET', '/rest/api/3/myself')).toMatchObject({ kind: 'refused' });
  });

  it('leaves paths that are not Jira operations to Jira, and records only the operations it allowed', () => {
    const check = new JiraScopeCheck(['read:jira-work']);
    expect(check.decide('GET', '/rest/api/3/not-an-operation')).toEqual({ kind: 'unknown-operation' });
    check.decide('GET', '/rest/api/3/issue/HOT-1');
    check.decide('GET', '/rest/api/3/issue/HOT-2?fields=summary');
    check.decide('GET', '/rest/api/3/user?accountId=x');
    expect(check.operationsUsed()).toEqual([{ operation: 'GET /rest/api/3/issue/{issueIdOrKey}', coveredBy: ['read:jira-work'] }]);
  });
});
