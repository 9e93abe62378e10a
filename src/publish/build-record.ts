/**
 * Publish the run's build record as build-push-action v7 does: decide (BPA's switches, buildx ≥ 0.23,
 * not on GHES, not for a `call` subrequest), `docker buildx history export` the run's builds into
 * one `.dockerbuild` file, upload it as an artifact (DOCKER_BUILD_RECORD_UPLOAD, kept
 * DOCKER_BUILD_RECORD_RETENTION_DAYS days) and mention it in the job summary. Every problem is a
 * warning: the record never fails the step.
 */
import fs from 'node:fs'
import path from 'node:path'
import { FINALIZE_WAIT_MS, formatFileSize, parseRetentionDays, planRecord, recordFileName, splitRef, type RecordFacts } from '../build/record.js'
import { errorMessage } from '../errors.js'
import type { ArtifactUploader } from '../github/artifact.js'
import { renderRecordSummary } from '../report/build-record.js'
import type { ActionCore } from './publish.js'

/** What publishing the record needs of the outside world. */
export interface RecordDeps {
  /** `docker buildx history export` (the Docker gateway's historyExport). */
  exportRecord(builder: string, ids: string[], file: string, finalize: boolean): Promise<void>
  upload: ArtifactUploader
  /** Waits before exporting when buildx cannot `--finalize` (BPA waits 3 s). */
  wait(ms: number): Promise<void>
  /** Where the `.dockerbuild` file is written. */
  outDir: string
  owner: string
  repo: string
  runId?: string
}

export interface RecordOutcome {
  /** The exported file, when there is one. */
  file?: string
  /** The uploaded artifact's id. */
  artifactId?: number
}

/** Export, upload and summarise the build record (or say in one info line why not). Never throws. */
export async function publishBuildRecord(core: ActionCore, facts: RecordFacts, deps: RecordDeps): Promise<RecordOutcome> {
  const plan = planRecord(facts)
  if (plan.action === 'skip') {
    core.info(plan.reason)
    return {}
  }
  try {
    const retentionDays = plan.upload ? parseRetentionDays(facts.switches.retentionDays) : undefined
    const parts = plan.refs.map(r => splitRef(r)).filter(p => p !== undefined)
    if (parts.length === 0) throw new Error(`invalid build ref: ${plan.refs[0]}`)
    const builder = parts[0].builder
    const ids = parts.filter(p => p.builder === builder).map(p => p.id)
    if (!plan.finalize) await deps.wait(FINALIZE_WAIT_MS)
    fs.mkdirSync(deps.outDir, { recursive: true })
    const file = path.join(deps.outDir, recordFileName(deps.owner, deps.repo, ids))
    await deps.exportRecord(builder, ids, file, plan.finalize)
    const size = fs.statSync(file).size
    core.info(`Build record written to ${file} (${formatFileSize(size)})`)
    const summary = { fileName: path.basename(file), size, records: ids.length, runId: deps.runId }
    if (!plan.upload) {
      await core.appendSummary(renderRecordSummary({ ...summary, notUploaded: 'DOCKER_BUILD_RECORD_UPLOAD is false' }))
      return { file }
    }
    let artifactId: number | undefined
    let notUploaded: string | undefined
    try {
      core.info(`Uploading ${path.basename(file)} as an artifact`)
      const up = await deps.upload(file, retentionDays)
      artifactId = up.id
      core.info(`Build record uploaded as artifact ${up.id} (${formatFileSize(up.size)})`)
      if (deps.runId) core.info(`Artifact download URL: ${facts.serverUrl}/${deps.owner}/${deps.repo}/actions/runs/${deps.runId}/artifacts/${up.id}`)
    } catch (e) {
      notUploaded = `the upload failed (${errorMessage(e)})`
      core.warning(`could not upload the build record: ${errorMessage(e)}`)
    }
    await core.appendSummary(renderRecordSummary({ ...summary, artifactId, notUploaded }))
    return { file, artifactId }
  } catch (e) {
    core.warning(`could not export the build record: ${errorMessage(e)}`)
    return {}
  }
}
