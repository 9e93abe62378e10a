/** The private tier's key: derived ahead in the background, it is the very key derived on demand, and none is derived twice. */
import { jest } from '@jest/globals'
import crypto from 'node:crypto'

const scryptSync = jest.fn(crypto.scryptSync)
jest.unstable_mockModule('node:crypto', () => ({ ...crypto, default: crypto, scryptSync }))
const { prepareSecretsKey, secretsKey } = await import('../../src/inspect/audit-cache.js')

const secrets = [
  { id: 'npm', value: 'key-test-secret-value-one' },
  { id: 'aws', value: 'key-test-secret-value-two' }
]

test('a key derived ahead (whatever the order of the secrets) is the key derived on demand, and is not derived again', async () => {
  const onDemand = secretsKey(secrets)
  expect(scryptSync).toHaveBeenCalledTimes(1)
  const others = [{ id: 'npm', value: 'key-test-secret-value-three' }]
  await Promise.all([prepareSecretsKey(others), prepareSecretsKey([...secrets].reverse())])
  scryptSync.mockClear()
  expect(secretsKey(secrets)).toBe(onDemand)
  expect(secretsKey(others)).not.toBe(onDemand)
  expect(scryptSync).not.toHaveBeenCalled()
})

test('no secrets: no key to derive', async () => {
  await prepareSecretsKey([])
  expect(secretsKey([])).toBe('none')
})
