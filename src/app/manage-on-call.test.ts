import { RuleViolation, ValidationError } from '../domain/errors';
import { loadConfiguration } from './configuration-store';
import { NotFoundError } from './errors';
import { addOverride, getOnCall, takeShift } from './manage-on-call';
import { configurationDocument, PEOPLE, provisionedWorld, rosterDocument } from './testing/fixtures';

async function worldWithRotation() {
  const base = configurationDocument();
  return provisionedWorld({
    ...base,
    rosters: [...base.rosters.filter((roster) => roster.id !== 'bitbucket'), rosterDocument('bitbucket', 'Bitbucket IMs', ['acc-ann', 'acc-ben', 'acc-cat'])],
  });
}

describe('on-call schedules in the admin page', () => {
  it('shows who is on call now and who is next in each roster', async () => {
    const world = await worldWithRotation();
    const { rosters } = await getOnCall(world, 'bitbucket');
    // 2024-05-01 is in the 18th weekly shift since Monday 2024-01-01: index 17 → acc-cat, then acc-ann.
    expect(rosters).toEqual([
      {
        rosterId: 'bitbucket',
        rosterName: 'Bitbucket IMs',
        isImoc: false,
        now: { accountId: 'acc-cat', start: '2024-04-29T09:00:00.000Z', end: '2024-05-06T09:00:00.000Z', source: 'layer' },
        next: { accountId: 'acc-ann', start: '2024-05-06T09:00:00.000Z', end: '2024-05-13T09:00:00.000Z', source: 'layer' },
      },
    ]);
  });

  it('lists every roster and marks the IMOC', async () => {
    const world = await provisionedWorld();
    const { rosters } = await getOnCall(world);
    expect(rosters.map((roster) => [roster.rosterId, roster.isImoc])).toEqual([
      ['bitbucket', false],
      ['confluence', false],
      ['database', false],
      ['imoc', true],
    ]);
  });

  it('adds an override that changes who is paged, and stores it', async () => {
    const world = await worldWithRotation();
    const result = await addOverride(world, 'bitbucket', { accountId: PEOPLE.reporter, start: '2024-05-01T09:00:00Z', end: '2024-05-01T18:00:00Z', reason: 'Swap' });
    expect(result.now).toEqual({ accountId: PEOPLE.reporter, start: '2024-05-01T09:00:00.000Z', end: '2024-05-01T18:00:00.000Z', source: 'override' });
    expect((await loadConfiguration(world.store)).rosters.find((roster) => roster.id === 'bitbucket')?.overrides).toHaveLength(1);
  });

  it('refuses an override that ends before it starts, naming the field', async () => {
    const world = await worldWithRotation();
    await expect(addOverride(world, 'bitbucket', { accountId: 'acc-x', start: '2024-05-02T00:00:00Z', end: '2024-05-01T00:00:00Z' })).rejects.toMatchObject({
      field: 'override.end',
    });
  });

  it('lets someone take the running shift until it ends', async () => {
    const world = await worldWithRotation();
    const result = await takeShift(world, 'bitbucket', 'acc-ann');
    expect(result.now).toEqual({ accountId: 'acc-ann', start: '2024-05-01T10:00:00.000Z', end: '2024-05-06T09:00:00.000Z', source: 'override' });
  });

  it('says so when the caller is already on call', async () => {
    const world = await worldWithRotation();
    await expect(takeShift(world, 'bitbucket', 'acc-cat')).rejects.toBeInstanceOf(RuleViolation);
  });

  it('answers NotFound for a roster that does not exist', async () => {
    const world = await provisionedWorld();
    await expect(getOnCall(world, 'ghost')).rejects.toBeInstanceOf(NotFoundError);
    await expect(addOverride(world, 'ghost', {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(addOverride(world, 'imoc', {})).rejects.toBeInstanceOf(ValidationError);
  });
});
