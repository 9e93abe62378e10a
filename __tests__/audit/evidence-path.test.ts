import { evidencePath } from '../../src/audit/evidence-path.js'

test.each([
  [{}, undefined],
  [{ path: '/app/cfg' }, '/app/cfg'],
  [{ path: '/app/debug.tar.gz', member: 'logs/env.txt' }, '/app/debug.tar.gz!logs/env.txt']
])('evidencePath(%j) is %s', (e, shown) => expect(evidencePath(e)).toBe(shown))
