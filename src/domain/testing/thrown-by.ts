/** The error `fn` throws, for asserting on its fields; fails the test if nothing is thrown. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned normally');
}
