/** The job summary's build record section: a download link, or why it was not uploaded. */
import { renderRecordSummary } from '../../src/report/build-record.js'

test('uploaded: a link to the artifact, relative to the run page, with its size and record count', () => {
  const md = renderRecordSummary({ fileName: 'o~r~ABC123.dockerbuild', size: 2048, records: 2, artifactId: 7, runId: '99' })
  expect(md).toBe(
    '### Build record\n\n' +
      "Import it into Docker Desktop's Builds view for timing, dependencies, results, logs and traces of the build " +
      '([learn more](https://www.docker.com/blog/new-beta-feature-deep-dive-into-github-actions-docker-builds-with-docker-desktop/)).\n\n' +
      '⬇️ [**o~r~ABC123.dockerbuild**](./99/artifacts/7) (2 KB, 2 build records)\n'
  )
})

test('not uploaded: where it is and why; one record is singular', () => {
  expect(renderRecordSummary({ fileName: 'x|y.dockerbuild', size: 10, records: 1, notUploaded: 'DOCKER_BUILD_RECORD_UPLOAD=false' })).toBe(
    '### Build record\n\n`x\\|y.dockerbuild` (10 Bytes, 1 build record) was exported but not uploaded: DOCKER_BUILD_RECORD_UPLOAD=false.\n'
  )
  expect(renderRecordSummary({ fileName: 'r.dockerbuild', size: 10, records: 1, artifactId: 0 })).toBe(
    '### Build record\n\n`r.dockerbuild` (10 Bytes, 1 build record) was exported but not uploaded.\n'
  )
})

test('artifact id 0 with a run id is still an uploaded artifact', () => {
  expect(renderRecordSummary({ fileName: 'r.dockerbuild', size: 10, records: 1, artifactId: 0, runId: '5' })).toContain('](./5/artifacts/0)')
})
