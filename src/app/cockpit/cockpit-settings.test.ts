import { InMemoryAppStore } from '../testing/in-memory-app-store';
import { COCKPIT_SETTINGS_KEY, cockpitSettingsView, loadCockpitSettings, saveCockpitSettings } from './cockpit-settings';

const HOUR = 3_600_000;

describe('the cockpit settings an administrator keeps', () => {
  it('shows the incident manager’s four hours when nothing is saved', async () => {
    const view = cockpitSettingsView(await loadCockpitSettings(new InMemoryAppStore()));

    expect(view).toEqual({ settings: { fatigueLimitMinutes: { 'incident-manager': 240 } }, defaults: { fatigueLimitMinutes: { 'incident-manager': 240 } } });
  });

  it('saves a limit per role, which the cockpit then applies', async () => {
    const store = new InMemoryAppStore();

    const saved = await saveCockpitSettings(store, { fatigueLimitMinutes: { 'incident-manager': 180, 'tech-lead': 300 } });

    expect(saved.settings).toEqual({ fatigueLimitMinutes: { 'incident-manager': 180, 'tech-lead': 300 } });
    expect((await loadCockpitSettings(store)).fatigueLimits).toEqual({ 'incident-manager': 3 * HOUR, 'tech-lead': 5 * HOUR });
  });

  it('keeps the incident manager’s default when only other roles are limited', async () => {
    const saved = await saveCockpitSettings(new InMemoryAppStore(), { fatigueLimitMinutes: { 'communications-manager': 120 } });

    expect(saved.settings.fatigueLimitMinutes).toEqual({ 'incident-manager': 240, 'communications-manager': 120 });
  });

  it('refuses a limit that is not whole minutes from 30 to 1440, naming the role, and keeps what was saved', async () => {
    const store = new InMemoryAppStore();
    await saveCockpitSettings(store, { fatigueLimitMinutes: { 'incident-manager': 180 } });
    const cases: [unknown, string, string][] = [
      [{ fatigueLimitMinutes: { 'incident-manager': 29 } }, 'fatigueLimitMinutes.incident-manager', 'must be at least 30 minutes'],
      [{ fatigueLimitMinutes: { 'incident-manager': 120, 'tech-lead': 1441 } }, 'fatigueLimitMinutes.tech-lead', 'must be at most 1440 minutes (24 hours)'],
      [{ fatigueLimitMinutes: { 'backup-incident-manager': 90.5 } }, 'fatigueLimitMinutes.backup-incident-manager', 'must be whole minutes'],
      [{ fatigueLimitMinutes: { 'incident-manager': '4h' } }, 'fatigueLimitMinutes.incident-manager', 'must be a number of minutes'],
      [{ fatigueLimitMinutes: { scribe: 60 } }, 'fatigueLimitMinutes.scribe', 'is not a known field'],
      [{}, 'fatigueLimitMinutes', 'is required'],
    ];

    for (const [input, field, reason] of cases) {
      await expect(saveCockpitSettings(store, input)).rejects.toMatchObject({ name: 'ValidationError', field, reason });
    }
    expect(store.entries.get(COCKPIT_SETTINGS_KEY)).toEqual({ fatigueLimitMinutes: { 'incident-manager': 180 } });
  });
});
