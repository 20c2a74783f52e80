import type { TimedRemoteCall } from './invocation-scope';

/**
 * Length of the longest chain of remote calls that waited on each other: each call in the chain
 * starts after the previous one ended. Calls overlapping in time were made in parallel.
 */
export function longestSequentialChain(calls: readonly Pick<TimedRemoteCall, 'startMono' | 'endMono'>[]): number {
  const sorted = [...calls].sort((a, b) => a.startMono - b.startMono || a.endMono - b.endMono);
  const chainEndingAt: number[] = [];
  let longest = 0;
  sorted.forEach((call, i) => {
    let best = 0;
    for (let j = 0; j < i; j += 1) {
      const earlier = sorted[j];
      const length = chainEndingAt[j];
      if (earlier !== undefined && length !== undefined && earlier.endMono <= call.startMono && length > best) best = length;
    }
    chainEndingAt[i] = best + 1;
    longest = Math.max(longest, best + 1);
  });
  return longest;
}
