/**
 * Streaming the image export (`docker save`): from the engine's API socket when there is a local
 * one, else from the CLI. A stuck export is cut after EXPORT_IDLE_MS without data.
 */
import { spawn } from 'node:child_process'
import http from 'node:http'
import { Readable } from 'node:stream'
import { EnvironmentError, errorMessage } from '../errors.js'
import { TailText } from '../log.js'
import { trackChild } from './children.js'
import { firstLine, seconds, STDERR_TAIL_CHARS } from './text.js'

/** The image export may go quiet this long before it counts as stuck. */
export const EXPORT_IDLE_MS = 300_000

/** A settled-later promise that never counts as unhandled (the caller may look at it late). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {})
  return p
}

function ended(): Readable {
  return Readable.from([])
}

export function saveViaApi(socketPath: string, ref: string): Promise<{ stream: Readable; done: Promise<void> }> {
  const fail = (why: string) => new EnvironmentError(`docker save ${ref} failed: ${why}`)
  return new Promise(resolve => {
    const req = http.request({ socketPath, method: 'GET', path: `/images/get?names=${encodeURIComponent(ref)}` })
    // A stuck export (no byte for EXPORT_IDLE_MS) is cut and says so, instead of hanging the step.
    req.setTimeout(EXPORT_IDLE_MS, () => req.destroy(new Error(`the engine sent nothing for ${seconds(EXPORT_IDLE_MS)}`)))
    req.on('response', res => {
      if (res.statusCode !== 200) {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString('utf8')))
        const done = quiet(
          new Promise<void>((_ok, ko) =>
            res.on('end', () => {
              let message = body.trim()
              try {
                message = (JSON.parse(body) as { message?: string }).message ?? message
              } catch {
                // not JSON: keep the text
              }
              ko(fail(firstLine(message) || `HTTP ${res.statusCode}`))
            })
          )
        )
        resolve({ stream: ended(), done })
        return
      }
      const done = quiet(
        new Promise<void>((ok, ko) => {
          res.on('end', ok)
          res.on('error', e => ko(fail(errorMessage(e))))
          req.on('error', e => ko(fail(errorMessage(e))))
          res.on('close', () => (res.readableEnded ? ok() : ko(fail('the stream was cut short'))))
        })
      )
      resolve({ stream: res, done })
    })
    req.on('error', e => resolve({ stream: ended(), done: quiet(Promise.reject(fail(errorMessage(e)))) }))
    req.end()
  })
}

export function saveViaCli(ref: string): { stream: Readable; done: Promise<void> } {
  const child = spawn('docker', ['save', ref], { stdio: ['ignore', 'pipe', 'pipe'] })
  trackChild(child)
  const stderr = new TailText(STDERR_TAIL_CHARS)
  child.stderr.setEncoding('utf8').on('data', (c: string) => stderr.push(c))
  let idle = false
  let watchdog: NodeJS.Timeout
  const arm = () => {
    clearTimeout(watchdog)
    watchdog = setTimeout(() => {
      idle = true
      child.kill('SIGKILL')
    }, EXPORT_IDLE_MS)
    watchdog.unref()
  }
  arm()
  child.stdout.on('data', arm)
  const done = quiet(
    new Promise<void>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', code => {
        clearTimeout(watchdog)
        if (idle) reject(new EnvironmentError(`docker save ${ref} failed: no data for ${seconds(EXPORT_IDLE_MS)}, stopped`))
        else if (code === 0) resolve()
        else reject(new EnvironmentError(`docker save ${ref} failed: ${firstLine(stderr.get()) || `exit ${code}`}`))
      })
    })
  )
  return { stream: child.stdout, done }
}
