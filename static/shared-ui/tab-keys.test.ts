import { nextTabIndex } from './tab-keys';

describe('moving between tabs with the keyboard', () => {
  it('moves right and left, wrapping around at either end', () => {
    expect([nextTabIndex('ArrowRight', 0, 3), nextTabIndex('ArrowRight', 2, 3), nextTabIndex('ArrowLeft', 0, 3), nextTabIndex('ArrowLeft', 2, 3)]).toEqual([1, 0, 2, 1]);
  });

  it('jumps to the first tab with Home and the last with End', () => {
    expect([nextTabIndex('Home', 2, 5), nextTabIndex('End', 1, 5)]).toEqual([0, 4]);
  });

  it('leaves other keys, and a list without tabs, alone', () => {
    expect([nextTabIndex('Enter', 1, 3), nextTabIndex('ArrowDown', 1, 3), nextTabIndex('ArrowRight', 0, 0)]).toEqual([undefined, undefined, undefined]);
  });
});
