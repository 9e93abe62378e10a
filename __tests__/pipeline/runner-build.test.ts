import type { Preflight } from '../../src/docker/docker.js'
import type { PipelineResult } from '../../src/result.js'
import type { PipelineDeps } from '../../src/pipeline/run.js'
import { blamedLine, withLayerCache } from '../../src/pipeline/runner-build.js'
import { makeInputs } from '../fixtures/inputs.js'
import { recordingReporter } from '../helpers/reporter.js'

describe('blamedLine', () => {
  test('the last Dockerfile:N line of a failed build log', () => {
    expect(blamedLine(['#11 ERROR: x', 'Dockerfile:19', '--------', '  19 | >>> RUN x', 'ERROR: failed to solve'])).toBe(19)
    expect(blamedLine(['ci/Dockerfile.prod:7'])).toBe(7)
    expect(blamedLine(['no such line'])).toBeUndefined()
  })
})

describe('withLayerCache: the builder facts preflight found reach the default layer cache', () => {
  const github = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results.test/', ACTIONS_CACHE_SERVICE_V2: 'true' }
  const pre = (driver: string, buildkit: string | undefined, server = '28.0.1'): Preflight => ({
    server,
    buildx: '0.20.0',
    containerdStore: true,
    builder: {
      name: 'b',
      driver,
      platforms: ['linux/amd64'],
      buildkit,
      features: { ociExporter: true, multiPlatform: true, multipleExporters: true, source: 'buildx' }
    }
  })
  const run = (p: Preflight) => {
    const result = { layerCache: undefined } as unknown as PipelineResult
    const reporter = recordingReporter()
    const inputs = withLayerCache(makeInputs(), p, { reporter, env: github, key: 'Dockerfile:runner' } as unknown as PipelineDeps, result)
    return { inputs, result, reporter }
  }

  test('a docker-container builder with BuildKit 0.13 gets no gha cache from the v2 service, and says why', () => {
    const { inputs, result, reporter } = run(pre('docker-container', 'v0.13.2'))
    expect(inputs['cache-to']).toEqual([])
    expect(result.layerCache?.reason).toBe('BuildKit v0.13.2 is older than 0.20 and cannot use the GitHub cache service v2')
    expect(reporter.lines).toContain(`layer cache: ${result.layerCache?.reason}`)
  })

  test('BuildKit 0.20 on the same builder gets type=gha, scoped by the report key', () => {
    const { inputs } = run(pre('docker-container', 'v0.20.1'))
    expect(inputs['cache-from']).toEqual(['type=gha,url=https://results.test/,version=2,scope=Dockerfile:runner'])
    expect(inputs['cache-to']).toEqual(['type=gha,url=https://results.test/,version=2,scope=Dockerfile:runner,mode=max,ignore-error=true'])
  })
})
