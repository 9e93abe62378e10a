import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeGreeting } from '../src/greeting.js'

test('a greeting is capitalised and exclaimed', () => assert.equal(describeGreeting({ message: 'hello, Ada' }), 'Hello, Ada!'))
test('anything else is reported', () => {
  assert.equal(describeGreeting({ error: 'nope' }), 'The API answered something unexpected.')
  assert.equal(describeGreeting(null), 'The API answered something unexpected.')
})
