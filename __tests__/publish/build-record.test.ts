import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RecordFacts } from '../../src/build/record.js'
import { publishBuildRecord, type RecordDeps } from '../../src/publish/build-record.js'
import type { ActionCore } from '../../src/publish/publish.js'

function recordingCore() {
  const log: { level: string; message: string }[] = []
  const summary: string[] = []
  const core: ActionCore = {
    setOutput: () => undefined,
    info: m => void log.push({ level: 'info', message: m }),
    warning: m => void log.push({ level: 'warning', message: m }),
    error: m => void log.push({ level: 'error', message: m }),
    notice: m => void log.push({ level: 'notice', message: m }),
    appendSummary: async md => void summary.push(md)
  }
  return { core, log, summary }
}

const facts = (over: Partial<RecordFacts> = {}): RecordFacts => ({
  switches: { summary: true, upload: true, retentionDays: '' },
  call: '',
  serverUrl: 'https://github.com',
  buildx: '0.29.1',
  refs: ['builder1/builder10/aaaaaaaa1', 'builder1/builder10/bbbbbbbb2'],
  ...over
})

function fakeDeps(over: Partial<RecordDeps> = {}) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-record-'))
  const exports: { builder: string; ids: string[]; file: string; finalize: boolean }[] = []
  const uploads: { file: string; retentionDays?: number }[] = []
  const waits: number[] = []
  const deps: RecordDeps = {
    exportRecord: async (builder, ids, file, finalize) => {
      exports.push({ builder, ids, file, finalize })
      fs.writeFileSync(file, Buffer.alloc(2048))
    },
    upload: async (file, retentionDays) => {
      uploads.push({ file, retentionDays })
      return { id: 42, name: path.basename(file), size: 2048, digest: 'ab' }
    },
    wait: async ms => void waits.push(ms),
    outDir,
    owner: 'acme',
    repo: 'app',
    runId: '1234',
    ...over
  }
  return { deps, exports, uploads, waits, outDir }
}

describe('publishBuildRecord', () => {
  test('exports every build of the run into one file named as BPA names it, uploads it and links it in the summary', async () => {
    const { core, log, summary } = recordingCore()
    const f = fakeDeps()
    const out = await publishBuildRecord(core, facts({ switches: { summary: true, upload: true, retentionDays: '5' } }), f.deps)
    const file = path.join(f.outDir, 'acme~app~AAAAAA+1.dockerbuild')
    expect(f.exports).toEqual([{ builder: 'builder1', ids: ['aaaaaaaa1', 'bbbbbbbb2'], file, finalize: true }])
    expect(f.uploads).toEqual([{ file, retentionDays: 5 }])
    expect(f.waits).toEqual([])
    expect(out).toEqual({ file, artifactId: 42 })
    expect(log.map(l => l.message)).toContain(`Build record written to ${file} (2 KB)`)
    expect(log.map(l => l.message)).toContain('Artifact download URL: https://github.com/acme/app/actions/runs/1234/artifacts/42')
    expect(summary.join('')).toContain('[**acme~app~AAAAAA+1.dockerbuild**](./1234/artifacts/42) (2 KB, 2 build records)')
    expect(log.filter(l => l.level !== 'info')).toEqual([])
  })

  test('buildx 0.23 (no --finalize) waits 3 s first, as BPA does', async () => {
    const f = fakeDeps()
    await publishBuildRecord(recordingCore().core, facts({ buildx: '0.23.1' }), f.deps)
    expect(f.waits).toEqual([3000])
    expect(f.exports[0].finalize).toBe(false)
  })

  test('DOCKER_BUILD_RECORD_UPLOAD=false exports but uploads nothing, and says so', async () => {
    const { core, summary } = recordingCore()
    const f = fakeDeps()
    const out = await publishBuildRecord(core, facts({ switches: { summary: true, upload: false, retentionDays: 'ignored' } }), f.deps)
    expect(f.exports).toHaveLength(1)
    expect(f.uploads).toEqual([])
    expect(out.artifactId).toBeUndefined()
    expect(summary.join('')).toContain('was exported but not uploaded: DOCKER_BUILD_RECORD_UPLOAD is false')
  })

  test.each<[string, Partial<RecordFacts>, string]>([
    ['summary off', { switches: { summary: false, upload: true, retentionDays: '' } }, 'Build summary disabled'],
    ['buildx 0.13', { buildx: '0.13.1+ds1' }, 'Build summary requires Buildx >= 0.23.0'],
    ['call: check', { call: 'check' }, 'Build summary skipped for check subrequest']
  ])('%s: no export, no upload, no summary, one info line', async (_n, over, line) => {
    const { core, log, summary } = recordingCore()
    const f = fakeDeps()
    await publishBuildRecord(core, facts(over), f.deps)
    expect(f.exports).toEqual([])
    expect(f.uploads).toEqual([])
    expect(summary).toEqual([])
    expect(log).toEqual([{ level: 'info', message: line }])
  })

  test('a failed upload is a warning, never a throw; the summary says the record was not uploaded', async () => {
    const { core, log, summary } = recordingCore()
    const f = fakeDeps({
      upload: async () => {
        throw new Error('CreateArtifact: response from backend was not ok')
      }
    })
    const out = await publishBuildRecord(core, facts(), f.deps)
    expect(out.artifactId).toBeUndefined()
    expect(log.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      'could not upload the build record: CreateArtifact: response from backend was not ok'
    ])
    expect(summary.join('')).toContain('not uploaded: the upload failed')
  })

  test('a failed export is a warning and nothing is uploaded', async () => {
    const { core, log } = recordingCore()
    const f = fakeDeps({
      exportRecord: async () => {
        throw new Error('docker buildx history export failed (ERROR: no record found)')
      }
    })
    await expect(publishBuildRecord(core, facts(), f.deps)).resolves.toEqual({})
    expect(f.uploads).toEqual([])
    expect(log.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      'could not export the build record: docker buildx history export failed (ERROR: no record found)'
    ])
  })

  test('a retention that is not a number: a warning naming the variable, nothing exported (BPA skips the summary)', async () => {
    const { core, log } = recordingCore()
    const f = fakeDeps()
    await publishBuildRecord(core, facts({ switches: { summary: true, upload: true, retentionDays: 'week' } }), f.deps)
    expect(f.exports).toEqual([])
    expect(log.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      'could not export the build record: DOCKER_BUILD_RECORD_RETENTION_DAYS: expected a number of days, got "week"'
    ])
  })
})
