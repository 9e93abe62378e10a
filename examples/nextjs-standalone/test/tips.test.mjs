import assert from 'node:assert/strict'
import { test } from 'node:test'
import { TIPS, tipOfTheDay } from '../lib/tips.mjs'

test('one tip per day, cycling through all of them', () => {
  const seen = new Set()
  for (let d = 0; d < TIPS.length; d++) seen.add(tipOfTheDay(new Date(Date.UTC(2024, 0, 1 + d))))
  assert.equal(seen.size, TIPS.length)
})

test('the same day gives the same tip', () => {
  assert.equal(tipOfTheDay(new Date('2024-06-01T00:00:01Z')), tipOfTheDay(new Date('2024-06-01T23:59:59Z')))
})
