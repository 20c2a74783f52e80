import type { TimedRemoteCall } from './invocation-scope';

type Timed = Pick<TimedRemoteCall, 'startMono' | 'endMono'>;

/**
 * Length of the longest chain of remote calls that waited on each other: each call in the chain
 * starts after the previous one ended. Calls overlapping in time were made in parallel.
 *
 * O(n log n): calls are visited by start time while a second cursor, over the calls ordered by end
 * time, folds every call that ended by the current start into one running best. A run of tens of
 * thousands of calls is summarised in milliseconds, not seconds.
 */
export function longestSequentialChain(calls: readonly Timed[]): number {
  const byStart = [...calls].sort((a, b) => a.startMono - b.startMono || a.endMono - b.endMono);
  // Ties on end time keep start order, so a zero-length call never folds in before it is visited.
  const byEnd = byStart.map((_, position) => position).sort((a, b) => endOf(byStart, a) - endOf(byStart, b) || a - b);
  const chainEndingAt: number[] = new Array<number>(byStart.length).fill(0);
  let endedBest = 0;
  let cursor = 0;
  let longest = 0;
  byStart.forEach((call, position) => {
    for (;;) {
      const earlier = byEnd[cursor];
      if (earlier === undefined || earlier >= position || endOf(byStart, earlier) > call.startMono) break;
      endedBest = Math.max(endedBest, chainEndingAt[earlier] ?? 0);
      cursor += 1;
    }
    const length = endedBest + 1;
    chainEndingAt[position] = length;
    longest = Math.max(longest, length);
  });
  return longest;
}

function endOf(calls: readonly Timed[], position: number): number {
  return calls[position]?.endMono ?? Number.POSITIVE_INFINITY;
}
