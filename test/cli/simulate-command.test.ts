// simulate in-process (run() with an injected CliIo): the progress line on a terminal, none
// otherwise; the manifest from stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { recordingIo, type RecordingIo } from './helpers.js';

const fixtures = new URL('../ratelimit/fixtures/', import.meta.url).pathname;
const load = ['--load', 'users=100,rate=10/s,tools=search,duration=4m'];

const withTty = (io: RecordingIo, tty: boolean): RecordingIo & CliIo => ({ ...io, stderrIsTTY: tty });

void test('a progress line on stderr for a long trace when stderr is a terminal, cleared at the end', async () => {
  const io = withTty(recordingIo(fixtures), true);
  assert.equal(await run(['simulate', 'long-idle-gap.vmcp.yaml', ...load], io), 0);
  const err = io.err();
  assert.ok(err.endsWith('\r\u001b[K'), 'the line is cleared at the end');
  assert.match(err.slice(0, -4), /^\rsimulate: 0\/2\d{5} calls\rsimulate: 100000\/2\d{5} calls\rsimulate: 200000\/2\d{5} calls$/);
  assert.match(io.out(), /^2\d{5} calls over/);
});

void test('no progress line when stderr is not a terminal', async () => {
  const io = withTty(recordingIo(fixtures), false);
  assert.equal(await run(['simulate', 'long-idle-gap.vmcp.yaml', ...load], io), 0);
  assert.equal(io.err(), '');
});

void test('the manifest from stdin, the trace from a file', async () => {
  const io = recordingIo(fixtures, readFileSync(`${fixtures}burst-then-refill.vmcp.yaml`, 'utf8'));
  assert.equal(await run(['simulate', '-', '--trace', 'burst-then-refill.trace.jsonl'], io), 0);
  assert.match(io.out(), /^10 calls over 3\.5s \(t=0s to 3\.5s\): 6 allowed, 4 rejected \(40\.0%\)$/m);
});
