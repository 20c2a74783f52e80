/** The error `fn` throws, for asserting on its fields; fails the test (a jest assertion) if nothing is thrown. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  // Jest's own failure, so test helpers throw nothing outside the app's error hierarchy.
  expect('the call returned normally').toBe('the call to throw');
  return undefined;
}
