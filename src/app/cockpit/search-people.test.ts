import { ValidationError } from '../../domain/errors';
import { searchPeople } from './search-people';
import { cockpitWorld, PEOPLE } from './testing/cockpit-fixture';

describe('search people', () => {
  it('finds assignable people by name', async () => {
    const world = cockpitWorld();

    const result = await searchPeople(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { query: 'bob' });

    expect(result).toEqual({ people: [{ accountId: PEOPLE.bob.accountId, displayName: 'Bob Techlead' }] });
  });

  it('refuses an empty query', async () => {
    const world = cockpitWorld();

    await expect(searchPeople(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { query: '  ' })).rejects.toEqual(
      new ValidationError('query', 'type at least one character'),
    );
  });
});
