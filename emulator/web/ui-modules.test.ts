import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUiManifest } from './ui-modules';

function manifest(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'manifest-'));
  const path = join(folder, 'manifest.yml');
  writeFileSync(path, text);
  return path;
}

describe('readUiManifest', () => {
  it('lists the UI modules the host places, with their resources and resolver', () => {
    const path = manifest(`
modules:
  jira:issuePanel:
    - key: cockpit
      resource: panel
      resolver: { function: resolver }
      title: Incident response
  jira:dashboardGadget:
    - key: gadget
      title: Incidents
      resource: gadget-view
      edit: { resource: gadget-edit }
  trigger:
    - key: on-create
      function: resolver
      events: [avi:jira:created:issue]
  function:
    - key: resolver
      handler: index.resolver
resources:
  - key: panel
    path: static/panel/build
  - key: gadget-view
    path: static/gadget/build
  - key: gadget-edit
    path: static/gadget-edit/build
`);
    const ui = readUiManifest(path);
    expect(ui.modules.map(({ kind, key, title, resources, resolverFunction }) => ({ kind, key, title, resources, resolverFunction }))).toEqual([
      { kind: 'jira:issuePanel', key: 'cockpit', title: 'Incident response', resources: { main: 'panel' }, resolverFunction: 'resolver' },
      { kind: 'jira:dashboardGadget', key: 'gadget', title: 'Incidents', resources: { main: 'gadget-view', edit: 'gadget-edit' }, resolverFunction: undefined },
    ]);
    expect(ui.resourceFolders.get('panel')).toBe(join(path, '..', 'static/panel/build'));
  });

  it('marks UI Kit modules, which only Jira can draw', () => {
    const path = manifest(`
modules:
  jira:globalPage:
    - key: page
      title: Page
      resource: page
      render: native
resources:
  - key: page
    path: src/frontend/index.tsx
`);
    expect(readUiManifest(path).modules[0]?.uiKit).toBe(true);
  });

  it('knows which entry points are UI Kit and bundles a UI Kit resource from its entry file', () => {
    const path = manifest(`
modules:
  jira:dashboardGadget:
    - key: gadget
      title: Gadget
      resource: gadget
      render: native
      edit: { resource: gadget, render: native }
  jira:workflowPostFunction:
    - key: rule
      name: Rule
      function: fn
      create: { resource: config, render: native }
      view: { resource: summary }
resources:
  - key: gadget
    path: static/gadget/src/index.tsx
  - key: config
    path: static/config/src/index.tsx
  - key: summary
    path: static/summary/build
`);
    const ui = readUiManifest(path);
    expect(ui.modules.map((module) => [module.key, module.nativeEntryPoints])).toEqual([
      ['gadget', ['main', 'edit']],
      ['rule', ['create']],
    ]);
    expect([...ui.uiKitEntries.keys()]).toEqual(['gadget', 'config']);
    expect(ui.uiKitEntries.get('gadget')).toBe(join(path, '..', 'static/gadget/src/index.tsx'));
  });

  it('names the module that uses a resource the manifest does not declare', () => {
    const path = manifest(`
modules:
  jira:adminPage:
    - key: settings
      title: Settings
      resource: missing
`);
    expect(() => readUiManifest(path)).toThrow('jira:adminPage "settings" uses resource "missing", which resources does not declare');
  });
});
