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
  GithubToken = 'github-token',
  RequireNonRoot = 'require-non-root',
  ForbidToolchains = 'forbid-toolchains',
  AuditAllow = 'audit-allow',
  FailOn = 'fail-on',
  MaxSize = 'max-size',
  MaxIncrease = 'max-increase',
  BaselineReport = 'baseline-report',
  BaselineImage = 'baseline-image',
  Comment = 'comment',
  CommentKey = 'comment-key',
  CheckName = 'check-name',
  CacheMounts = 'cache-mounts',
  CacheKeyFiles = 'cache-key-files',
  CacheDir = 'cache-dir'
}

export enum Output {
  ImageId = 'imageid',
  Digest = 'digest',
  Metadata = 'metadata',
  TestResult = 'test-result',
  Findings = 'findings',
  Report = 'report',
  Sarif = 'sarif',
  Size = 'size',
  CompressedSize = 'compressed-size',
  SizeDelta = 'size-delta',
  SizeDeltaPercent = 'size-delta-percent',
  Platforms = 'platforms'
}

/** Lines of the failing test stage's log copied to the job summary. */
export const TEST_LOG_TAIL_LINES = 40
