import assert from 'node:assert/strict'
import { test } from 'node:test'
import { relativeTime } from '../src/relative-time.js'

const now = Date.UTC(2024, 5, 1, 12, 0, 0)

test('past times', () => {
  assert.equal(relativeTime(now - 3 * 60_000, now), '3 minutes ago')
  assert.equal(relativeTime(now - 26 * 3600_000, now), 'yesterday')
})

test('future times', () => assert.equal(relativeTime(now + 2 * 24 * 3600_000, now), 'in 2 days'))

test('now', () => assert.equal(relativeTime(now, now), 'now'))
