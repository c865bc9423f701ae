import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace, parseTraceLine } from '../../src/ratelimit/trace.js';

void test('a call: user absent, null or "" means no identity; blank lines are skipped', () => {
  assert.deepEqual(parseTraceLine('{"t":1.5,"tool":"search","user":"alice"}', 0), { call: { t: 1.5, tool: 'search', user: 'alice' } });
  assert.deepEqual(parseTraceLine('{"t":0,"tool":"x"}', 0), { call: { t: 0, tool: 'x', user: '' } });
  assert.deepEqual(parseTraceLine('{"t":0,"tool":"x","user":null}', 0), { call: { t: 0, tool: 'x', user: '' } });
  assert.equal(parseTraceLine('   ', 0), null);
});

void test('bad lines: each error says what is wrong', () => {
  const cases: [string, number, RegExp][] = [
    ['{"t":1,"tool":', 0, /^not valid JSON/],
    ['[1,2]', 0, /a call must be a JSON object, got \[1,2\]/],
    ['{"t":"1","tool":"x"}', 0, /"t" must be a number of seconds from 0 to 1000000000, got "1"/],
    ['{"t":-1,"tool":"x"}', 0, /"t" must be a number of seconds from 0 to 1000000000, got -1/],
    ['{"t":1e12,"tool":"x"}', 0, /"t" must be a number of seconds from 0 to 1000000000, got 1000000000000/],
    ['{"tool":"x"}', 0, /"t" must be a number of seconds from 0 to 1000000000, got nothing/],
    ['{"t":1,"tool":"x"}', 2, /"t" 1 is before the previous call's 2: calls must be in time order/],
    ['{"t":1,"tool":""}', 0, /"tool" must be a non-empty string, got ""/],
    ['{"t":1,"tool":"x","user":7}', 0, /"user" must be a string \(or absent\), got 7/],
    ['{"t":1,"tool":"x","usr":"a"}', 0, /unknown field "usr": a call has only "t", "tool" and "user"/],
  ];
  for (const [line, previous, message] of cases) {
    const parsed = parseTraceLine(line, previous);
    assert.ok(parsed !== null && 'error' in parsed, line);
    assert.match(parsed.error, message);
  }
});

void test('parseTrace names the 1-based line of the first bad call, counting blank lines', () => {
  const text = '{"t":0,"tool":"a"}\n\n{"t":1,"tool":"a"}\r\n{"t":0.5,"tool":"a"}\n';
  assert.deepEqual(parseTrace(text), { line: 4, error: '"t" 0.5 is before the previous call\'s 1: calls must be in time order' });
  const ok = parseTrace('{"t":0,"tool":"a"}\r\n{"t":0,"tool":"b"}\n');
  assert.ok('calls' in ok && ok.calls.length === 2);
});
