import { openSiteDatabase } from '../db';
import { DashboardStore, defaultDashboardId, UnknownGadgetError } from './dashboard-store';

describe('DashboardStore', () => {
  it('puts one gadget per gadget module on the default dashboard, unconfigured at first', () => {
    const store = new DashboardStore(openSiteDatabase(':memory:', false));
    const dashboard = store.dashboard(defaultDashboardId, ['incidents', 'metrics']);
    expect(dashboard?.gadgets.map((gadget) => [gadget.moduleKey, gadget.configuration])).toEqual([
      ['incidents', undefined],
      ['metrics', undefined],
    ]);
  });

  it('keeps a gadget’s configuration and its id across reads', () => {
    const db = openSiteDatabase(':memory:', false);
    const store = new DashboardStore(db);
    const gadget = store.dashboard(defaultDashboardId, ['incidents'])?.gadgets[0];
    if (gadget === undefined) throw new Error('no gadget');
    store.configure(defaultDashboardId, gadget.id, { jql: 'project = HOT' });
    const again = new DashboardStore(db).dashboard(defaultDashboardId, ['incidents'])?.gadgets[0];
    expect(again).toEqual({ id: gadget.id, dashboardId: defaultDashboardId, moduleKey: 'incidents', configuration: { jql: 'project = HOT' } });
  });

  it('leaves out gadgets of modules the manifest no longer declares', () => {
    const store = new DashboardStore(openSiteDatabase(':memory:', false));
    store.dashboard(defaultDashboardId, ['old', 'current']);
    expect(store.dashboard(defaultDashboardId, ['current'])?.gadgets.map((gadget) => gadget.moduleKey)).toEqual(['current']);
  });

  it('refuses to configure a gadget that is not on the dashboard', () => {
    const store = new DashboardStore(openSiteDatabase(':memory:', false));
    expect(() => store.configure(defaultDashboardId, '99', {})).toThrow(UnknownGadgetError);
  });

  it('answers nothing for a dashboard that does not exist', () => {
    expect(new DashboardStore(openSiteDatabase(':memory:', false)).dashboard('12345', [])).toBeUndefined();
  });
});
