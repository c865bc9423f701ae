// startFailure: a failed start caused by the environment (a path that is not writable, a port in
// use) exits 2 with what to change; anything else is a bug (3). The process-level case (the image's
// command on a read-only /app) is in test/ship/image.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServeConfig } from '../../src/config.js';
import { loadServeConfig } from '../../src/cli/serve-args.js';
import { ServeExit, startFailure, startupExitCode } from '../../src/webhook/run-serve.js';

const config = (argv: string[]): ServeConfig => {
  const loaded = loadServeConfig(argv, {});
  assert.ok(loaded.ok);
  return loaded.config;
};
const sysError = (code: string, message: string, path?: string): Error => Object.assign(new Error(message), { code, ...(path === undefined ? {} : { path }) });

void test('a certificate directory that cannot be written: exit 2, naming --cert-dir and an emptyDir', () => {
  const failure = startFailure(sysError('EACCES', "EACCES: permission denied, mkdir 'certs'", 'certs'), config([]));
  assert.equal(failure.code, 2);
  assert.match(failure.message, /^EACCES: permission denied, mkdir 'certs' \(--cert-dir "certs" must be writable .*emptyDir/);
});

void test('a port in use: exit 2 without the certificate hint', () => {
  const failure = startFailure(sysError('EADDRINUSE', 'listen EADDRINUSE: address already in use 0.0.0.0:8443'), config([]));
  assert.deepEqual(failure, { code: 2, message: 'listen EADDRINUSE: address already in use 0.0.0.0:8443' });
});

void test('an unwritable path outside --cert-dir gets no hint; anything that is not a system error is a bug (3)', () => {
  assert.deepEqual(startFailure(sysError('EROFS', 'EROFS: x', '/elsewhere'), config(['--cert-dir', '/certs'])), { code: 2, message: 'EROFS: x' });
  assert.deepEqual(startFailure(new TypeError('x is undefined'), config([])), { code: 3, message: 'x is undefined' });
  assert.deepEqual(startFailure('thrown string', config([])), { code: 3, message: 'thrown string' });
});

// runServe uses startFailure's code when it says environment, else the phase: a broken PEM has no errno.
const errno = (code: string): Error => Object.assign(new Error(`${code}: something`), { code });

void test('start-up failures by phase: certificates are the environment; listening is when the system says so; the engine is ours', () => {
  const table: Array<['engine' | 'tls' | 'listen', unknown, number]> = [
    ['tls', new Error('certs/tls.crt: cannot read (EACCES)'), ServeExit.environment],
    ['tls', errno('ENOTDIR'), ServeExit.environment],
    ['tls', new Error('--cert-source secret needs --namespace (env VMCP_ADMISSION_NAMESPACE)'), ServeExit.environment],
    ['tls', new Error('bug: leaf planned without a CA'), ServeExit.internal],
    ['listen', errno('EADDRINUSE'), ServeExit.environment],
    ['listen', errno('EACCES'), ServeExit.environment],
    ['listen', new Error('no serving certificate loaded'), ServeExit.internal],
    ['engine', errno('ENOENT'), ServeExit.internal],
    ['engine', 'a string', ServeExit.internal],
  ];
  for (const [phase, err, code] of table) assert.equal(startupExitCode(phase, err), code, `${phase} ${String(err)}`);
});
