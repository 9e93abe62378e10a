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
