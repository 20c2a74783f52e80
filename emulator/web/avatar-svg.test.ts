import { avatarSvg, initialsOf, jiraIconSvg } from './avatar-svg';

describe('initialsOf', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initialsOf('Imogen Anne Imoc')).toBe('II');
  });

  it('takes one letter from a single name', () => {
    expect(initialsOf('admin')).toBe('A');
  });
});

describe('avatarSvg', () => {
  it('draws the same colour for the same id every time', () => {
    const first = avatarSvg({ id: 'acc-1', name: 'Jay Jira', size: 48, shape: 'circle' });
    expect(avatarSvg({ id: 'acc-1', name: 'Jay Jira', size: 48, shape: 'circle' })).toBe(first);
    expect(first).toContain('>JJ</text>');
  });

  it('escapes a name that contains markup', () => {
    expect(avatarSvg({ id: 'x', name: '<script>', size: 24, shape: 'square' })).not.toContain('<script>');
  });
});

describe('jiraIconSvg', () => {
  it('draws priorities as arrows in their colour', () => {
    expect(jiraIconSvg('priorities', 'highest')).toContain('stroke="#C9372C"');
    expect(jiraIconSvg('priorities', 'low')).toContain('stroke="#0C66E4"');
  });

  it("draws an issue type as a tile with the type's initial", () => {
    expect(jiraIconSvg('issuetypes', 'incident')).toContain('>I</text>');
  });
});
