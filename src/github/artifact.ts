/**
 * The gateway to the Actions artifact service (v4, through @actions/artifact): the only module
 * that uploads an artifact. Loaded lazily, so a run that uploads nothing never loads the client.
 */
import fs from 'node:fs'
import path from 'node:path'

/** An uploaded artifact, as the summary links it. */
export interface UploadedArtifact {
  id: number
  /** The artifact's name (the file's name: uploaded as is, not zipped). */
  name: string
  size: number
  /** sha256 of the uploaded bytes, hex. */
  digest: string
}

/** Uploads one file as an artifact. */
export type ArtifactUploader = (file: string, retentionDays?: number) => Promise<UploadedArtifact>

/**
 * Upload `file` as an artifact named after it, unarchived (`skipArchive`, as BPA uploads its build
 * record), kept `retentionDays` days (capped by the repository's maximum) or the repository's default.
 * Needs the runner's ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL.
 */
export const uploadArtifact: ArtifactUploader = async (file, retentionDays) => {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const name = path.basename(file)
  const res = await new DefaultArtifactClient().uploadArtifact(name, [file], path.dirname(file), { retentionDays, skipArchive: true })
  if (!res.id) throw new Error('the artifact service returned no artifact id')
  return { id: res.id, name, size: res.size ?? fs.statSync(file).size, digest: res.digest ?? '' }
}
