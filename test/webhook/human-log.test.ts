import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanLine, humanLogStream } from '../../src/webhook/human-log.js';

void test('a pino JSON line becomes time, level, message and key=value fields', () => {
  const line = JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 2, 3, 4, 5, 6), pid: 1, hostname: 'h', name: 'vmcp-admission', msg: 'listening', host: '0.0.0.0', port: 8443, reason: 'two words' });
  assert.equal(humanLine(line), '03:04:05.006 INFO  listening host=0.0.0.0 port=8443 reason="two words"\n');
  assert.equal(humanLine(JSON.stringify({ level: 60, time: 0, msg: 'cannot start' })), '00:00:00.000 FATAL cannot start\n');
});

void test('anything that is not JSON passes through; the stream writes one human line per pino line', () => {
  assert.equal(humanLine('plain text'), 'plain text\n');
  let out = '';
  humanLogStream((t) => (out += t)).write(`${JSON.stringify({ level: 40, time: 0, msg: 'w', n: { a: 1 } })}\n`);
  assert.equal(out, '00:00:00.000 WARN  w n={"a":1}\n');
});
