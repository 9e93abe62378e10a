import { TIPS, tipOfTheDay } from '../lib/tips.mjs'

// Rendered on each request, so "today" is the day of the request, not of the build.
export const dynamic = 'force-dynamic'

export default function Page() {
  const today = tipOfTheDay(new Date())
  return (
    <main>
      <h1>Tip of the day</h1>
      <p data-testid="tip">{today}</p>
      <h2>All tips</h2>
      <ul>
        {TIPS.map(t => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </main>
  )
}
