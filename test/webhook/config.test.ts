// `serve` configuration: defaults, precedence (flag > env > default), Go-style durations, frozen
// result, and startup errors that name the flag, its variable and the allowed values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serveHelp, type ServeConfig } from '../../src/config.js';
import { loadServeConfig } from '../../src/cli/serve-args.js';

const ok = (argv: string[], env: Record<string, string> = {}): ServeConfig => {
  const r = loadServeConfig(argv, env);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.config;
};

void describe('serve config', () => {
  void it('has production defaults: keep-alive above 90 s, 10 s drain, strict mode, port 8443', () => {
    const c = ok([]);
    assert.equal(c.keepAliveTimeoutMs, 120_000);
    assert.ok(c.keepAliveTimeoutMs > 90_000);
    assert.deepEqual([c.drainDelayMs, c.mode, c.port, c.path, c.certDir, c.certSource], [10_000, 'strict', 8443, '/validate', 'certs', 'file']);
    assert.ok(c.headersTimeoutMs <= c.requestTimeoutMs);
  });

  void it('takes flags over environment over defaults', () => {
    const c = ok(['--port', '9443', '--drain-delay=1.5s'], { VMCP_ADMISSION_PORT: '7443', VMCP_ADMISSION_MODE: 'crd', VMCP_ADMISSION_KEEP_ALIVE_TIMEOUT: '2m' });
    assert.deepEqual([c.port, c.mode, c.drainDelayMs, c.keepAliveTimeoutMs], [9443, 'crd', 1500, 120_000]);
  });

  void it('reads booleans from --no-flags and from the environment', () => {
    assert.equal(ok(['--no-generate-certs']).generateCerts, false);
    assert.equal(ok([], { VMCP_ADMISSION_GENERATE_CERTS: 'false' }).generateCerts, false);
    assert.equal(ok(['--example']).example, true);
  });

  void it('falls back to POD_NAME, then HOSTNAME, for the pod name', () => {
    assert.equal(ok([], { POD_NAME: 'p-1', HOSTNAME: 'h' }).podName, 'p-1');
    assert.equal(ok([], { HOSTNAME: 'h' }).podName, 'h');
  });

  void it('is frozen', () => {
    assert.ok(Object.isFrozen(ok([])));
  });

  const bad: Array<[string[], Record<string, string>, string]> = [
    [['--mode', 'lenient'], {}, 'invalid value "lenient" for --mode (env VMCP_ADMISSION_MODE): must be one of strict, crd'],
    [[], { VMCP_ADMISSION_CERT_SOURCE: 'vault' }, 'invalid value "vault" for --cert-source (env VMCP_ADMISSION_CERT_SOURCE): must be one of file, secret'],
    [['--port', '70000'], {}, 'invalid value 70000 for --port (env VMCP_ADMISSION_PORT): must be <= 65535'],
    [['--drain-delay', 'ten seconds'], {}, 'invalid value "ten seconds" for --drain-delay (env VMCP_ADMISSION_DRAIN_DELAY): must be a duration such as 10s, 500ms or 2m'],
    [['--path', 'validate'], {}, 'invalid value "validate" for --path (env VMCP_ADMISSION_PATH): must match pattern "^/[A-Za-z0-9._~/-]*$"'],
  ];
  for (const [argv, env, message] of bad) {
    void it(`stops on ${JSON.stringify([...argv, ...Object.values(env)])}`, () => {
      const r = loadServeConfig(argv, env);
      assert.ok(!r.ok);
      assert.equal(r.message, message);
    });
  }

  void it('rejects unknown flags and stray arguments in one line (the CLI adds the --help hint)', () => {
    const r = loadServeConfig(['--bogus'], {});
    assert.ok(!r.ok && !r.help);
    assert.equal(r.message, "unknown option '--bogus'");
    const stray = loadServeConfig(['now'], {});
    assert.ok(!stray.ok && !stray.help);
    assert.equal(stray.message, 'unexpected argument "now": serve takes options only');
  });

  void it('-h and --help ask for help', () => {
    for (const flag of ['-h', '--help']) {
      const r = loadServeConfig([flag], {});
      assert.ok(!r.ok && r.help, flag);
    }
  });

  void it('--disable: repeatable and comma-separated; refuses a rule the API server enforces', () => {
    assert.deepEqual(ok(['--disable', 'lint-bucket-never-binds', '--disable=lint-deprecated-version,runtime-int32-range']).disable, ['lint-bucket-never-binds', 'lint-deprecated-version', 'runtime-int32-range']);
    assert.deepEqual(ok([], { VMCP_ADMISSION_DISABLE: 'lint-deprecated-version' }).disable, ['lint-deprecated-version']);
    const r = loadServeConfig(['--disable', 'cel-ratelimit-requires-redis'], {});
    assert.ok(!r.ok);
    assert.match(r.message, /cannot be disabled \(the API server would deny anyway\)/);
  });

  void it('documents every option with its variable and default', () => {
    const help = serveHelp();
    for (const text of ['--keep-alive-timeout <value>', 'VMCP_ADMISSION_DRAIN_DELAY', 'default "120s"', '--no-generate-certs', '--disable <value>', '-h, --help']) assert.ok(help.includes(text), text);
  });
});
