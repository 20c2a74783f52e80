import { bcp47, buildContext, localIdOf } from './module-context';

const info = { cloudId: 'cloud-1', siteUrl: 'http://localhost:8080', appId: 'ari:cloud:ecosystem::app/app-uuid', environmentId: 'env-1', environmentType: 'DEVELOPMENT' };
const user = { accountId: 'acc-1', emailAddress: 'jay.jira@example.com', displayName: 'Jay Jira', timeZone: 'Europe/Paris', locale: 'fr_FR' };

describe('buildContext', () => {
  it('gives an issue panel the viewer, the site, the module and its issue, as Jira does', () => {
    const context = buildContext({
      info,
      user,
      module: { kind: 'jira:issuePanel', key: 'cockpit' },
      extension: { issue: { id: '10000', key: 'HOT-1', type: 'Incident', typeId: '10000' }, project: { id: '10000', key: 'HOT', type: 'software' } },
      colorMode: 'dark',
      licensing: false,
    });
    expect(context).toEqual({
      accountId: 'acc-1',
      cloudId: 'cloud-1',
      environmentId: 'env-1',
      environmentType: 'DEVELOPMENT',
      extension: {
        type: 'jira:issuePanel',
        issue: { id: '10000', key: 'HOT-1', type: 'Incident', typeId: '10000' },
        project: { id: '10000', key: 'HOT', type: 'software' },
      },
      localId: 'ari:cloud:ecosystem::extension/app-uuid/env-1/static/cockpit',
      locale: 'fr-FR',
      moduleKey: 'cockpit',
      siteUrl: 'http://localhost:8080',
      timezone: 'Europe/Paris',
      theme: { colorMode: 'dark', light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' },
      surfaceColor: null,
    });
  });

  it('adds an active license only when the manifest turns licensing on', () => {
    const base = { info, user, module: { kind: 'jira:globalPage', key: 'page' }, extension: {}, colorMode: 'light' as const };
    expect(buildContext({ ...base, licensing: false })).not.toHaveProperty('license');
    expect(buildContext({ ...base, licensing: true })['license']).toEqual(expect.objectContaining({ active: true, isEvaluation: false }));
  });

  it('keeps the module kind as the extension type even if the placement says otherwise', () => {
    const context = buildContext({ info, user, module: { kind: 'jira:dashboardGadget', key: 'g' }, extension: { type: 'other', gadget: { id: '1' } }, colorMode: 'light', licensing: false });
    expect(context['extension']).toEqual({ type: 'jira:dashboardGadget', gadget: { id: '1' } });
  });
});

describe('localIdOf', () => {
  it('distinguishes instances of a module placed more than once', () => {
    expect(localIdOf({ info, module: { kind: 'jira:dashboardGadget', key: 'g' }, instance: '10100' })).toBe('ari:cloud:ecosystem::extension/app-uuid/env-1/static/g/10100');
  });
});

describe('bcp47', () => {
  it('writes an account locale as a language tag', () => {
    expect(bcp47('en_US')).toBe('en-US');
  });
});
