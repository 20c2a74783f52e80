import { modulePagePath, NavigationTargetError, urlForLocation } from './navigation-target';

const site = 'http://localhost:8080';
const modules = [
  { kind: 'jira:globalPage', key: 'declare-incident' },
  { kind: 'jira:adminPage', key: 'settings' },
  { kind: 'jira:issuePanel', key: 'cockpit' },
];

describe('urlForLocation', () => {
  it('resolves a relative URL against the site', () => {
    expect(urlForLocation({ url: '/browse/HOT-1' }, site, modules)).toBe('http://localhost:8080/browse/HOT-1');
  });

  it('keeps a URL of another site as it is', () => {
    expect(urlForLocation({ url: 'https://status.example.com/incidents/1' }, site, modules)).toBe('https://status.example.com/incidents/1');
  });

  it('turns an issue target into the issue view', () => {
    expect(urlForLocation({ target: 'issue', issueKey: 'HOT-7' }, site, modules)).toBe('http://localhost:8080/browse/HOT-7');
  });

  it('turns a dashboard target into the dashboard page', () => {
    expect(urlForLocation({ target: 'dashboard', dashboardId: '10000' }, site, modules)).toBe('http://localhost:8080/jira/dashboards/10000');
  });

  it("turns a module target into that module's own page", () => {
    expect(urlForLocation({ target: 'module', moduleKey: 'declare-incident' }, site, modules)).toBe('http://localhost:8080/jira/apps/declare-incident');
    expect(urlForLocation({ target: 'module', moduleKey: 'settings' }, site, modules)).toBe('http://localhost:8080/jira/settings/apps/settings');
  });

  it('refuses a module that has no page of its own', () => {
    expect(() => urlForLocation({ target: 'module', moduleKey: 'cockpit' }, site, modules)).toThrow('The module "cockpit" has no page of its own to navigate to');
  });

  it('names a target the site has no page for', () => {
    expect(() => urlForLocation({ target: 'contentView', contentId: '1' }, site, modules)).toThrow(NavigationTargetError);
  });
});

describe('modulePagePath', () => {
  it('places global pages under /jira/apps and admin pages under /jira/settings/apps', () => {
    expect(modulePagePath({ kind: 'jira:globalPage', key: 'a b' })).toBe('/jira/apps/a%20b');
    expect(modulePagePath({ kind: 'jira:adminPage', key: 'cfg' })).toBe('/jira/settings/apps/cfg');
  });
});
