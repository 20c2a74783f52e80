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

  it('counts zero-length calls at one instant as waiting on each other, as they were recorded in order', () => {
    expect(longestSequentialChain([call(5, 5), call(0, 5), call(5, 5), call(5, 9)])).toBe(4);
  });

  it('agrees with the definition (every earlier call that ended by the start extends a chain) on random runs', () => {
    let state = 7;
    const next = (bound: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % bound;
    };
    for (let run = 0; run < 50; run += 1) {
      const calls = Array.from({ length: 1 + next(60) }, () => {
        const start = next(100);
        return call(start, start + next(15));
      });
      expect(longestSequentialChain(calls)).toBe(chainByDefinition(calls));
    }
  });

  it('is zero for an invocation that made no remote calls', () => {
    expect(longestSequentialChain([])).toBe(0);
  });
});

/** The quadratic definition, kept as the oracle the fast computation must match. */
function chainByDefinition(calls: { startMono: number; endMono: number }[]): number {
  const sorted = [...calls].sort((a, b) => a.startMono - b.startMono || a.endMono - b.endMono);
  const lengths: number[] = [];
  sorted.forEach((current, i) => {
    const best = Math.max(0, ...sorted.slice(0, i).flatMap((earlier, j) => (earlier.endMono <= current.startMono ? [lengths[j] ?? 0] : [])));
    lengths.push(best + 1);
  });
  return Math.max(0, ...lengths);
}
