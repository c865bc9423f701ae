import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paint, progressDelayMs, progressLine, useColor, useProgress } from '../../src/cli/terminal.js';

void test('colour: FORCE_COLOR forces (0/false turn it off), NO_COLOR disables, otherwise a TTY that is not dumb', () => {
  const table: Array<[Record<string, string>, boolean, boolean]> = [
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
  ];
  for (const [env, tty, expected] of table) assert.equal(useColor(env, tty), expected, JSON.stringify([env, tty]));
});

void test('progress: forced by --progress; otherwise a TTY outside CI', () => {
  assert.equal(useProgress({}, true, false), true);
  assert.equal(useProgress({}, false, false), false);
  assert.equal(useProgress({ CI: 'true' }, true, false), false);
  assert.equal(useProgress({ CI: 'true' }, false, true), true);
});

void test('paint: ANSI codes only when on', () => {
  assert.equal(paint(true)('red', 'x'), '\u001b[31mx\u001b[0m');
  assert.equal(paint(false)('red', 'x'), 'x');
});

void test('the progress line waits, throttles, rewrites in place and is cleared at the end; a quick run prints nothing', () => {
  let t = 0;
  let out = '';
  const quick = progressLine((s) => (out += s), () => t);
  quick.update(1, 'a.yaml');
  quick.done();
  assert.equal(out, '');
  const slow = progressLine((s) => (out += s), () => t);
  t = progressDelayMs + 1;
  slow.update(5, 'a.yaml');
  slow.update(6, 'a.yaml');
  t += 1000;
  slow.update(1, 'b.yaml');
  slow.done();
  assert.equal(out, '\r\u001b[Kvalidating: 5 documents (a.yaml)\r\u001b[Kvalidating: 1 document (b.yaml)\r\u001b[K');
});
