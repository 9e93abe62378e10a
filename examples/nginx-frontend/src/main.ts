/** Render the release list: each <time datetime> gets a relative label, refreshed every 30 s. */
import { relativeTime } from './relative-time.js'

function refresh(): void {
  const now = Date.now()
  for (const el of document.querySelectorAll<HTMLTimeElement>('time[datetime]')) {
    const then = Date.parse(el.dateTime)
    if (!Number.isNaN(then)) el.textContent = relativeTime(then, now)
  }
}

refresh()
setInterval(refresh, 30_000)
