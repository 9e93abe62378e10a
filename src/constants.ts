/** Names of action.yml inputs and outputs, in one place. */
export enum Input {
  Context = 'context',
  File = 'file',
  Target = 'target',
  TestTarget = 'test-target',
  BuildArgs = 'build-args',
  BuildContexts = 'build-contexts',
  Labels = 'labels',
  Tags = 'tags',
  Push = 'push',
  Load = 'load',
  Platforms = 'platforms',
  Builder = 'builder',
  Pull = 'pull',
  NoCache = 'no-cache',
  CacheFrom = 'cache-from',
  CacheTo = 'cache-to',
  Secrets = 'secrets',
  SecretFiles = 'secret-files',
  SecretEnvs = 'secret-envs',
  GithubToken = 'github-token'
}

export enum Output {
  ImageId = 'imageid',
  Digest = 'digest',
  Metadata = 'metadata',
  TestResult = 'test-result'
}

/** Lines of the failing test stage's log copied to the job summary. */
export const TEST_LOG_TAIL_LINES = 40
