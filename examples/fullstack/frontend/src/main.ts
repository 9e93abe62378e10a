/** Ask the API (same origin, /api) for a greeting when the form is submitted. */
import { describeGreeting } from './greeting.js'

const form = document.querySelector<HTMLFormElement>('#greet')!
const output = document.querySelector<HTMLOutputElement>('#answer')!

form.addEventListener('submit', async event => {
  event.preventDefault()
  const name = new FormData(form).get('name')?.toString() ?? ''
  try {
    const res = await fetch(`/api/greeting?name=${encodeURIComponent(name)}`)
    output.value = describeGreeting(await res.json())
  } catch {
    output.value = 'The API is not answering.'
  }
})
