/** The message `f` throws, or 'no error': for tests that assert an error's whole one-line text. */
export function errorOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    return (e as Error).message
  }
  return 'no error'
}
