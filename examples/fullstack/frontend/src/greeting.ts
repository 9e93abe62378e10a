/** What the page shows for an API answer: pure, so it is tested without a browser. */
export interface Greeting {
  message: string
}

export function describeGreeting(body: unknown): string {
  if (typeof body === 'object' && body !== null && typeof (body as Greeting).message === 'string') {
    const message = (body as Greeting).message
    return message.charAt(0).toUpperCase() + message.slice(1) + '!'
  }
  return 'The API answered something unexpected.'
}
