import { nonRootRule } from '../../../src/audit/rules/non-root.js'
import { context, imageFacts } from '../facts.js'

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nadmin:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\nops0:x:0:0::/:/bin/sh\n0day:x:0:0::/:/bin/sh\n'
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
  ['USER from the base image points at FROM', 'FROM base\nRUN true\n', '0', [{ severity: 'error', line: 1, path: undefined }]],
  // a name ending or starting in digits is a name, looked up in /etc/passwd, never read as a uid
  ['a name ending in a digit mapped to uid 0', 'FROM busybox\nUSER ops0\n', 'ops0', [{ severity: 'error', line: 2, path: '/etc/passwd' }]],
  ['a name starting with a digit mapped to uid 0', 'FROM busybox\nUSER 0day\n', '0day', [{ severity: 'error', line: 2, path: '/etc/passwd' }]],
  ['uid 0 written 00', 'FROM busybox\nUSER 00\n', '00', [{ severity: 'error', line: 2, path: undefined }]],
  ['uid 007 is 7', 'FROM busybox\nUSER 007\n', '007', []],
  ['spaces around the configured user', 'FROM busybox\nUSER 0\n', ' 0 ', [{ severity: 'error', line: 2, path: undefined }]]
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

describe('every message, whole', () => {
  const message = (dockerfile: string, user: string) => {
    const facts = imageFacts([base], { user })
    facts.layers[0].facts.passwd = [
      { name: 'admin', uid: 0, gid: 0, shell: '/bin/sh' },
      { name: 'app', uid: 1000, gid: 1000, shell: '/bin/false' }
    ]
    return nonRootRule(context(dockerfile, facts)).map(f => [f.message, f.evidence.instruction])
  }
  test.each<[string, string, string, [string, string | undefined][]]>([
    [
      'no USER',
      'FROM busybox:stable AS runner\n',
      '',
      [
        [
          'The image sets no USER, so it runs as root (uid 0). Add `USER <uid>` with a numeric non-zero uid (e.g. USER 65532) to stage runner.',
          'FROM busybox:stable AS runner'
        ]
      ]
    ],
    ['USER 0', 'FROM busybox\nUSER 0\n', '0', [['USER 0 runs as root (uid 0). Use a non-zero numeric uid, e.g. USER 65532.', 'USER 0']]],
    ['USER root', 'FROM busybox\nUSER root\n', 'root', [['USER root runs as root (uid 0). Use a non-zero numeric uid, e.g. USER 65532.', 'USER root']]],
    [
      'a name mapped to 0',
      'FROM busybox\nUSER admin\n',
      'admin',
      [
        [
          'USER admin: the image\'s /etc/passwd maps "admin" to uid 0, so it runs as root. Give the user a non-zero uid and set USER to that number.',
          'USER admin'
        ]
      ]
    ],
    [
      'an unknown name',
      'FROM busybox\nUSER  ghost \n',
      'ghost',
      [
        [
          'USER ghost: "ghost" is not in the image\'s /etc/passwd, so the container cannot start as it; and Kubernetes runAsNonRoot can only verify a numeric uid. Use USER <uid>.',
          'USER ghost'
        ]
      ]
    ],
    [
      'a name with its group',
      'FROM busybox\nUSER app:app\n',
      'app:app',
      [['USER app:app is a name, not a number: Kubernetes runAsNonRoot can only verify a numeric uid. Use USER 1000:app instead.', 'USER app:app']]
    ],
    [
      'a name without a group',
      'FROM busybox\nUSER app\n',
      'app',
      [['USER app is a name, not a number: Kubernetes runAsNonRoot can only verify a numeric uid. Use USER 1000 instead.', 'USER app']]
    ]
  ])('%s', (_n, dockerfile, user, want) => {
    expect(message(dockerfile, user)).toEqual(want)
  })
})
