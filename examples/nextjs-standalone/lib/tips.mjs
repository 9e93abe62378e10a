/** The tips the page shows, and which one is today's: plain data and a pure function, unit-tested. */
export const TIPS = [
  'Copy the lockfile before the sources, so editing code keeps the dependency layer cached.',
  'Run the tests in their own stage and build it first: a failing test never reaches the runner.',
  'Ship the standalone output, not node_modules: the server only needs what it imports.',
  'Give the runner a numeric non-root USER, so the runtime can check it is not root.'
]

export function tipOfTheDay(date, tips = TIPS) {
  const day = Math.floor(date.getTime() / 86_400_000)
  return tips[((day % tips.length) + tips.length) % tips.length]
}
