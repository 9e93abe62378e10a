/** How the pipeline talks to a person: the action maps it to @actions/core, the CLI to a terminal. */
export interface Reporter {
  info(message: string): void
  warning(message: string): void
  /** Register a value to hide from every later log line. */
  setSecret(value: string): void
  /** Run `fn` inside a collapsible group named `name`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** Keep the last `size` lines of a stream. */
export class TailBuffer {
  private readonly lines: string[] = []
  constructor(private readonly size: number) {}
  push(line: string): void {
    this.lines.push(line)
    if (this.lines.length > this.size) this.lines.shift()
  }
  get(): string[] {
    return [...this.lines]
  }
}

/** Keep the last `max` characters of a text that arrives in pieces (memory stays bounded however much arrives). */
export class TailText {
  private parts: string[] = []
  private length = 0
  /** Characters dropped from the front so far. */
  dropped = 0
  constructor(private readonly max: number) {}
  push(text: string): void {
    this.parts.push(text)
    this.length += text.length
    // Compact once twice the bound is held: amortised linear, never more than 2 × max retained.
    if (this.length > 2 * this.max) this.compact()
  }
  get(): string {
    this.compact()
    return this.parts.join('')
  }
  /** Characters held now (at most 2 × max). */
  get retained(): number {
    return this.length
  }
  private compact(): void {
    const all = this.parts.join('')
    const keep = all.length > this.max ? all.slice(all.length - this.max) : all
    this.dropped += all.length - keep.length
    this.parts = [keep]
    this.length = keep.length
  }
}

/** Resolve once everything written so far to stdout and stderr is flushed (before an explicit exit). */
export async function flushStdio(): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map(s => new Promise<void>(resolve => s.write('', () => resolve()))))
}
