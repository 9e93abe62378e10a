/** Types of engine-guard.mjs (the guard is plain ESM: jest loads globalSetup/globalTeardown untransformed). */
export const LEDGER_ENV: string
export const DANGLING_BEFORE_ENV: string
export function docker(args: string[]): string | undefined
export function inspectImage(ref: string): { id: string; tags: string[] } | undefined
export function danglingIds(): Set<string>
export function leftOver(entry: { id: string; tag?: string }, danglingBefore: Set<string>): string | undefined
export function setup(): Promise<void>
export function teardown(): Promise<void>
