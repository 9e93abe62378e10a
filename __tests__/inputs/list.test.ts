/**
 * List inputs are read the way docker/build-push-action v7 reads them: @docker/actions-toolkit's
 * `Util.getList` = csv-parse with relax_quotes, relax_column_count and skip_empty_lines, then a
 * per-input choice of splitting commas (`ignoreComma`), keeping quotes (`quote: false`) and trimming.
 * Each row states what BPA gives for that text (the toolkit's own util tests cover the same cases).
 */
import { BPA_LIST_OPTIONS, parseList, parseListItems, readList, type ListOptions } from '../../src/inputs/list.js'

const SPLIT: ListOptions = {}
const WHOLE: ListOptions = { ignoreComma: true }
const SECRETS: ListOptions = { ignoreComma: true, trim: false }
const OUTPUTS: ListOptions = { ignoreComma: true, quote: false }

describe('parseList: BPA behaviour, case by case', () => {
  test.each<[string, string, ListOptions, string[]]>([
    ['one value', 'user/app:1', SPLIT, ['user/app:1']],
    ['empty input', '', SPLIT, []],
    ['one item per line', 'a\nb', SPLIT, ['a', 'b']],
    ['blank lines are skipped', 'a\n\n\nb\n', SPLIT, ['a', 'b']],
    ['CRLF line ends', 'a\r\nb', SPLIT, ['a', 'b']],
    ['commas split items (tags, platforms)', 'a,b\nc', SPLIT, ['a', 'b', 'c']],
    ['a trailing comma gives no empty item', 'a,b,', SPLIT, ['a', 'b']],
    ['a quoted line is split too when commas split', 'linux/amd64\n"linux/arm64,linux/arm/v7"', SPLIT, ['linux/amd64', 'linux/arm64', 'linux/arm/v7']],
    ['ignoreComma keeps each line whole (cache-from)', 'user/app:cache\ntype=local,src=path/to/dir', WHOLE, ['user/app:cache', 'type=local,src=path/to/dir']],
    ['items are trimmed', '  a=1  \n\tb=2', WHOLE, ['a=1', 'b=2']],
    ['= inside the value stays (split at the first = later)', 'token=abc=def==', WHOLE, ['token=abc=def==']],
    ['# inside a value stays, as in BPA', 'FOO=bar#baz\nX=1 # not a comment', WHOLE, ['FOO=bar#baz', 'X=1 # not a comment']],
    ['a line starting with # is a comment (our addition: BPA would pass it on as a value)', '# the cache\nA=1', WHOLE, ['A=1']],
    ['a quoted line keeps its comma and loses its quotes', '"github_token=ab,cd"', WHOLE, ['github_token=ab,cd']],
    ['quotes in the middle of an unquoted line stay', 'id="va,lue"', WHOLE, ['id="va,lue"']],
    ['a quoted value spans lines', 'A=1\n"KEY=line1\nline2\n\nline4"\nB=2', WHOLE, ['A=1', 'KEY=line1\nline2\n\nline4', 'B=2']],
    ['"" inside a quoted value is one quote', '"K=say ""hi"""', WHOLE, ['K=say "hi"']],
    ['a # line inside a quoted value is kept', '"K=a\n# b\nc"', WHOLE, ['K=a\n# b\nc']],
    ['unquoted lines are separate items even when they look like one value', 'K=aaa\nbbb', WHOLE, ['K=aaa', 'bbb']],
    ['secrets: surrounding whitespace and trailing newlines are kept', '"KEY=aa\nbb\n\n"\n', SECRETS, ['KEY=aa\nbb\n\n']],
    ['secrets: an unquoted value keeps its spaces', 'K= spaced ', SECRETS, ['K= spaced ']],
    ['secrets: only whitespace is no item', ' \n  \n', SECRETS, []],
    ['secrets: a line of spaces between items is blank', 'a=1\n   \nb=2 ', SECRETS, ['a=1', 'b=2 ']],
    ['outputs: quotes are kept for buildx to read', 'type=image,"name=a/b,c/d",push=true', OUTPUTS, ['type=image,"name=a/b,c/d",push=true']]
  ])('%s', (_name, input, opts, expected) => {
    expect(parseList(input, opts)).toEqual(expected)
  })
})

test('items carry the line they start on (errors name it)', () => {
  expect(parseListItems('A=1\n\n"B=x\ny"\nC=3', WHOLE).map(i => [i.value, i.line])).toEqual([
    ['A=1', 1],
    ['B=x\ny', 3],
    ['C=3', 5]
  ])
})

test('BPA_LIST_OPTIONS: the options BPA v7 src/context.ts passes per input', () => {
  expect(BPA_LIST_OPTIONS.secrets).toEqual({ ignoreComma: true, trim: false })
  expect(BPA_LIST_OPTIONS.outputs).toEqual({ ignoreComma: true, quote: false })
  expect(BPA_LIST_OPTIONS['secret-envs']).toEqual({})
  expect(BPA_LIST_OPTIONS.tags).toEqual({})
  expect(BPA_LIST_OPTIONS['build-args']).toEqual({ ignoreComma: true })
  expect(Object.keys(BPA_LIST_OPTIONS)).toHaveLength(18)
})

test('an unclosed quote is one line naming the input, without the text', () => {
  expect(() => readList('secrets', '"token=hunter2-secret')).toThrow(/^secrets: a quoted value is never closed/)
  try {
    readList('secrets', '"token=hunter2-secret')
  } catch (e) {
    expect((e as Error).message).not.toContain('hunter2')
    expect((e as Error).message.split('\n')).toHaveLength(1)
  }
})
