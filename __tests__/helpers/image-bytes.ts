/**
 * Test helper: look for a byte string anywhere in an image as the engine stores it: every
 * blob of `docker save` (layers gunzipped), `docker history --no-trunc` and the config.
 * Used to prove a build secret reached no layer. Fine for small fixture images only.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

export function imageOccurrences(ref: string, needle: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-save-'))
  const hits: string[] = []
  try {
    const tar = path.join(dir, 'image.tar')
    execFileSync('docker', ['save', '-o', tar, ref])
    execFileSync('tar', ['-xf', tar, '-C', dir])
    fs.rmSync(tar)
    const walk = (d: string): string[] =>
      fs.readdirSync(d, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
    for (const file of walk(dir)) {
      let data = fs.readFileSync(file)
      if (data[0] === 0x1f && data[1] === 0x8b) data = zlib.gunzipSync(data)
      if (data.includes(needle)) hits.push(path.relative(dir, file))
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const history = execFileSync('docker', ['history', '--no-trunc', '--format', '{{.CreatedBy}}', ref], { encoding: 'utf8' })
  if (history.includes(needle)) hits.push('docker history')
  const inspect = execFileSync('docker', ['image', 'inspect', ref], { encoding: 'utf8' })
  if (inspect.includes(needle)) hits.push('docker image inspect')
  return hits
}

/** `docker image inspect --format {{.Id}}`, or undefined when the image does not exist. */
export function imageId(ref: string): string | undefined {
  try {
    return execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return undefined
  }
}

/**
 * Independent measurement for size tests: per layer (manifest order) the blob size as
 * `docker save` writes it and its uncompressed (gunzipped) tar size. The containerd store saves
 * the gzip blobs (`exact`); the classic store saves plain tars, so `compressed` is then a gzip -6
 * of each tar, the estimate Stagecraft makes too.
 */
export function layerSizes(ref: string): { compressed: number[]; uncompressed: number[]; exact: boolean } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-sizes-'))
  try {
    const tar = path.join(dir, 'image.tar')
    execFileSync('docker', ['save', '-o', tar, ref])
    execFileSync('tar', ['-xf', tar, '-C', dir])
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[]
    const compressed: number[] = []
    const uncompressed: number[] = []
    let exact = true
    for (const layer of manifest[0].Layers) {
      const data = fs.readFileSync(path.join(dir, layer))
      const gzipped = data[0] === 0x1f && data[1] === 0x8b
      exact &&= gzipped
      compressed.push(gzipped ? data.length : zlib.gzipSync(data, { level: 6 }).length)
      uncompressed.push(gzipped ? zlib.gunzipSync(data).length : data.length)
    }
    return { compressed, uncompressed, exact }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
