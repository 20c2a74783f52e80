/**
 * Records remote calls made through the in-memory ports and how many sequential round-trips
 * led to each: a call started while others were in flight shares their depth, a call started
 * after one finished is one deeper. Tests use it to hold the critical path to its budget.
 */
export interface LoggedCall {
  readonly name: string;
  readonly depth: number;
}

export class RemoteCallLog {
  readonly calls: LoggedCall[] = [];
  private finishedDepth = 0;

  /** Runs `work` as one remote round-trip named `name`. */
  async record<T>(name: string, work: () => T | Promise<T>): Promise<T> {
    const depth = this.finishedDepth + 1;
    this.calls.push({ name, depth });
    // Yield so calls started together in Promise.all all begin before any of them finishes.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      return await work();
    } finally {
      this.finishedDepth = Math.max(this.finishedDepth, depth);
    }
  }

  /** The depth of the first call whose name starts with `prefix`, or undefined. */
  depthOf(prefix: string): number | undefined {
    return this.calls.find((call) => call.name.startsWith(prefix))?.depth;
  }

  names(): string[] {
    return this.calls.map((call) => call.name);
  }

  clear(): void {
    this.calls.length = 0;
    this.finishedDepth = 0;
  }
}
