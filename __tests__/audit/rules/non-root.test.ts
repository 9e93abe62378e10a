import { nonRootRule } from '../../../src/audit/rules/non-root.js'
import { context, imageFacts } from '../facts.js'

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nadmin:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n'
const base = { by: '', files: ['etc/', 'etc/passwd'], extra: { passwd: undefined } }

function run(dockerfile: string, user: string) {
  const facts = imageFacts([base], { user })
  facts.layers[0].facts.passwd = PASSWD.trim()
    .split('\n')
    .map(l => {
      const f = l.split(':')
      return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), shell: f[6] }
    })
  return nonRootRule(context(dockerfile, facts)).map(f => ({ severity: f.severity, line: f.evidence.line, path: f.evidence.path }))
}

test.each([
  ['no USER: implicit root, on the FROM line', 'FROM busybox\nCMD ["sh"]\n', '', [{ severity: 'error', line: 1, path: undefined }]],
  ['USER root', 'FROM busybox\nUSER root\n', 'root', [{ severity: 'error', line: 2, path: undefined }]],
  ['USER 0', 'FROM busybox\nUSER 0\n', '0', [{ severity: 'error', line: 2, path: undefined }]],
  ['USER 0:0', 'FROM busybox\nRUN true\nUSER 0:0\n', '0:0', [{ severity: 'error', line: 3, path: undefined }]],
  ['USER root:staff', 'FROM busybox\nUSER root:staff\n', 'root:staff', [{ severity: 'error', line: 2, path: undefined }]],
  ['USER 0:1000', 'FROM busybox\nUSER 0:1000\n', '0:1000', [{ severity: 'error', line: 2, path: undefined }]],
  ['a name mapped to uid 0', 'FROM busybox\nUSER admin\n', 'admin', [{ severity: 'error', line: 2, path: '/etc/passwd' }]],
  ['a name: warning (runAsNonRoot)', 'FROM busybox\nUSER app\n', 'app', [{ severity: 'warning', line: 2, path: undefined }]],
  ['an unknown name: warning', 'FROM busybox\nUSER ghost\n', 'ghost', [{ severity: 'warning', line: 2, path: undefined }]],
  ['numeric non-zero', 'FROM busybox\nUSER 1000\n', '1000', []],
  ['numeric with group 0 (OpenShift style)', 'FROM busybox\nUSER 1000:0\n', '1000:0', []],
  ['USER from the base image points at FROM', 'FROM base\nRUN true\n', '0', [{ severity: 'error', line: 1, path: undefined }]]
])('%s', (_name, dockerfile, user, expected) => {
  expect(run(dockerfile, user)).toEqual(expected)
})

test('the last USER of the stage chain is the one reported', () => {
  const df = 'FROM busybox AS base\nUSER 1000\nFROM base AS runner\nUSER 0\n'
  expect(run(df, '0')).toEqual([{ severity: 'error', line: 4, path: undefined }])
})

test('messages say what to do', () => {
  const facts = imageFacts([base], { user: '' })
  const [f] = nonRootRule(context('FROM busybox AS runner\n', facts))
  expect(f.message).toMatch(/runs as root/)
  expect(f.message).toMatch(/USER/)
  expect(f.message).toMatch(/runner/)
})

test('USER ${APP_USER}: the message quotes the Dockerfile text and the value it resolved to', () => {
  const facts = imageFacts([base], { user: 'root' })
  const [f] = nonRootRule(context('FROM busybox\nARG APP_USER=root\nUSER ${APP_USER}\n', facts))
  expect(f.message).toMatch(/^USER \$\{APP_USER\} \(resolved to "root"\) runs as root/)
  expect(f.evidence).toMatchObject({ line: 3, instruction: 'USER ${APP_USER}' })
})

test('a USER the base image sets is said to be the base image’s', () => {
  const facts = imageFacts([base], { user: '0' })
  const [f] = nonRootRule(context('FROM base\n', facts))
  expect(f.message).toMatch(/^The base image's USER 0 runs as root/)
})

test('an unnamed runner stage is named as BuildKit names it (stage-N)', () => {
  const facts = imageFacts([base], { user: '' })
  const [f] = nonRootRule(context('FROM busybox AS build\nRUN true\nFROM busybox\n', facts))
  expect(f.message).toMatch(/to stage stage-1\./)
})
