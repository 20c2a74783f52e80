import { matchPath } from './router';

describe('matchPath', () => {
  it('captures named parts of the path, decoded', () => {
    expect(matchPath('/browse/:key', '/browse/HOT-1')).toEqual({ key: 'HOT-1' });
    expect(matchPath('/jira/apps/:moduleKey', '/jira/apps/declare%20incident')).toEqual({ moduleKey: 'declare incident' });
  });

  it('captures the rest of the path after a star', () => {
    expect(matchPath('/jira/apps/:moduleKey/*', '/jira/apps/page/history/2')).toEqual({ moduleKey: 'page', rest: 'history/2' });
  });

  it('does not match a path with more or fewer parts', () => {
    expect(matchPath('/browse/:key', '/browse')).toBeUndefined();
    expect(matchPath('/browse/:key', '/browse/HOT-1/comments')).toBeUndefined();
  });

  it('ignores a trailing slash', () => {
    expect(matchPath('/issues', '/issues/')).toEqual({});
  });
});
