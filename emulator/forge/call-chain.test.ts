import { longestSequentialChain } from './call-chain';

const call = (startMono: number, endMono: number) => ({ startMono, endMono });

describe('longestSequentialChain', () => {
  it('counts calls made one after another as a chain', () => {
    expect(longestSequentialChain([call(0, 10), call(10, 20), call(25, 30)])).toBe(3);
  });

  it('counts calls that overlap in time as parallel', () => {
    expect(longestSequentialChain([call(0, 10), call(1, 12), call(2, 9)])).toBe(1);
  });

  it('finds the longest chain through a mix of parallel and sequential calls', () => {
    // Two parallel reads, then a write that waited for both, then a second write.
    expect(longestSequentialChain([call(0, 10), call(0, 15), call(16, 20), call(21, 30), call(16, 17)])).toBe(3);
  });

  it('is zero for an invocation that made no remote calls', () => {
    expect(longestSequentialChain([])).toBe(0);
  });
});
