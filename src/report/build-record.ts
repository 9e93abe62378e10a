/** The job summary's build record section (pure), saying what BPA's summary says of the record. */
import { formatFileSize } from '../build/record.js'
import { escapeCell } from './markdown.js'

const LEARN_MORE = 'https://www.docker.com/blog/new-beta-feature-deep-dive-into-github-actions-docker-builds-with-docker-desktop/'

export interface RecordSummary {
  /** The record's file name (`OWNER~REPO~ID6.dockerbuild`). */
  fileName: string
  size: number
  /** How many build records the file holds. */
  records: number
  /** The uploaded artifact's id, when it was uploaded. */
  artifactId?: number
  /** The workflow run's id (the artifact link is relative to the run's page, as BPA's is). */
  runId?: string
  /** Why it was not uploaded (DOCKER_BUILD_RECORD_UPLOAD=false, or the upload failed). */
  notUploaded?: string
}

/** The section: a download link to the artifact, or where the record is and why it was not uploaded. */
export function renderRecordSummary(s: RecordSummary): string {
  const what = `${formatFileSize(s.size)}, ${s.records} build record${s.records > 1 ? 's' : ''}`
  const out = ['### Build record', '']
  if (s.artifactId !== undefined && s.runId) {
    out.push(
      `Import it into Docker Desktop's Builds view for timing, dependencies, results, logs and traces of the build ([learn more](${LEARN_MORE})).`,
      '',
      `⬇️ [**${escapeCell(s.fileName)}**](./${s.runId}/artifacts/${s.artifactId}) (${what})`
    )
  } else {
    out.push(`\`${escapeCell(s.fileName)}\` (${what}) was exported but not uploaded${s.notUploaded ? `: ${escapeCell(s.notUploaded)}` : ''}.`)
  }
  return `${out.join('\n')}\n`
}
