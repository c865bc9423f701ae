// run(): the subcommand table is looked up by own key, so a prototype member is an unknown command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';

void test('a command named like an Object.prototype member is unknown (exit 2), not an internal error', async () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    let err = '';
    const io: CliIo = { stdout: () => {}, stderr: (t) => void (err += t), readStdin: () => Promise.resolve(''), cwd: process.cwd(), env: {} };
    assert.equal(await run([name], io), 2, name);
    assert.match(err, new RegExp(`^vmcp-admission: unknown command "${name}"`));
  }
});
