import { matchingOptions, movedActive, withChosen, withoutChosen } from './select-model';

const people = [
  { label: 'Bea Bitbucket', value: 'bea' },
  { label: 'Ben Bitbucket', value: 'ben' },
  { label: 'Cal Confluence', value: 'cal' },
];

describe('what a select lists and chooses', () => {
  it('lists the options whose label contains what was typed, in any case', () => {
    expect(matchingOptions(people, 'bIT').map((option) => option.value)).toEqual(['bea', 'ben']);
    expect(matchingOptions(people, '  ').map((option) => option.value)).toEqual(['bea', 'ben', 'cal']);
    expect(matchingOptions(people, 'Dana')).toEqual([]);
  });

  it('leaves out the options a multi-select already holds', () => {
    expect(matchingOptions(people, 'b', [{ label: 'Bea Bitbucket', value: 'bea' }]).map((option) => option.value)).toEqual(['ben']);
  });

  it('moves the active option with the arrow keys, wrapping at either end', () => {
    expect([movedActive(-1, 'ArrowDown', 3), movedActive(2, 'ArrowDown', 3), movedActive(0, 'ArrowUp', 3), movedActive(-1, 'ArrowUp', 3)]).toEqual([0, 0, 2, 2]);
    expect(movedActive(0, 'ArrowDown', 0)).toBe(-1);
  });

  it('adds a chosen person once, at the end, and removes one by value', () => {
    const [bea, ben] = people;
    if (bea === undefined || ben === undefined) throw new Error('fixture');
    expect(withChosen([bea], ben).map((option) => option.value)).toEqual(['bea', 'ben']);
    expect(withChosen([bea, ben], bea).map((option) => option.value)).toEqual(['bea', 'ben']);
    expect(withoutChosen([bea, ben], 'bea').map((option) => option.value)).toEqual(['ben']);
  });
});
