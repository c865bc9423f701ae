// Issue #16 items 1–6 from the BUILT package (`dist/bundle/cli/main.js`, the `bin` users run; `npm test`
// builds first): real processes, real stdin and environment, streams and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';

/* eslint-disable no-control-regex -- these tests look for terminal escape sequences */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from './helpers.js';

const bin = new URL('../../dist/bundle/cli/main.js', import.meta.url).pathname;
const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const provenance = JSON.parse(readFileSync(new URL('../../upstream/toolhive/PROVENANCE.json', import.meta.url), 'utf8')) as { commit: string };
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const valid = readFileSync(join(fixtures, 'manifests/valid.yaml'), 'utf8');
const deprecated = readFileSync(join(fixtures, 'manifests/nested/deprecated.yml'), 'utf8');

interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

interface Options {
  readonly input?: string | Buffer;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

/** The bundle with a clean environment (no CI / colour variables of the machine running the tests). */
function cli(args: string[], o: Options = {}): Ran {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...o.env };
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: o.cwd ?? fixtures, input: o.input ?? '', env, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  const ran = { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
  assert.doesNotMatch(ran.err, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
  return ran;
}

const identity = `vmcp-admission ${pkg.version} (ToolHive CRD ${provenance.commit.slice(0, 12)})\n`;

void test('1. --version and version print the version and the vendored CRD commit, exit 0', () => {
  for (const args of [['--version'], ['version']]) assert.deepEqual(cli(args), { code: 0, out: identity, err: '' }, args.join(' '));
  assert.match(identity, /^vmcp-admission \d+\.\d+\.\d+ \(ToolHive CRD [0-9a-f]{12}\)\n$/);
});

void test('1. SARIF carries the version and the information URI', () => {
  const r = cli(['validate', '-o', 'sarif', '-'], { input: valid });
  const driver = JSON.parse(r.out).runs[0].tool.driver;
  assert.equal(driver.version, identity.trim().slice('vmcp-admission '.length));
  assert.equal(driver.semanticVersion, pkg.version);
  assert.match(driver.informationUri, /^https:\/\//);
});

void test('2. rules lists every rule; rules ID explains one with a failing example; -o json is versioned', () => {
  const list = cli(['rules']);
  assert.equal(list.code, 0);
  assert.match(list.out, /^ID +ORIGIN +SEVERITY STAGE +DISABLE +DESCRIPTION\n/);
  assert.match(list.out, /^runtime-refill-period-duration +runtime +error +rules +yes /m);
  assert.match(list.out, /^cel-ratelimit-requires-redis +cel +error +cel +no /m);
  const one = cli(['rules', 'lint-bucket-never-binds']);
  assert.equal(one.code, 0);
  assert.match(one.out, /can be disabled: yes/);
  assert.match(one.out, /Failing example:\n +spec:/);
  const json = JSON.parse(cli(['rules', '-o', 'json']).out);
  assert.equal(json.version, 1);
  const entry = json.rules.find((r: { id: string }) => r.id === 'schema-unknown-field');
  assert.deepEqual([entry.origin, entry.severity, entry.severityByMode, entry.stage, entry.disableable], ['schema', 'error', { strict: 'error', crd: 'warning' }, 'schema', false]);
  assert.ok(json.rules.every((r: { example: string; helpUri: string }) => r.example !== '' && r.helpUri.endsWith(`#rule-${(r as unknown as { id: string }).id}`)));
  const unknown = cli(['rules', 'runtime-refill-period-duratio']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^vmcp-admission rules: no rule "runtime-refill-period-duratio"; did you mean "runtime-refill-period-duration"\?/);
});

void test('2. text and JUnit output name the rule of every finding; SARIF rules carry help and helpUri', () => {
  const text = cli(['validate', 'manifests/mixed.yaml']);
  for (const line of text.out.trim().split('\n').slice(0, -1)) assert.match(line, / \[[a-z0-9-]+\]$/, line);
  const junit = cli(['validate', '-o', 'junit', 'manifests/mixed.yaml']);
  assert.match(junit.out, /time: invalid duration &quot;one minute&quot; \[runtime-refill-period-duration\]/);
  const sarif = JSON.parse(cli(['validate', '-o', 'sarif', 'manifests/mixed.yaml']).out);
  const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'runtime-refill-period-duration');
  assert.match(rule.help.text, /Failing example:\n +spec:/);
  assert.match(rule.helpUri, /#rule-runtime-refill-period-duration$/);
});

/** valid.yaml with a lint-bucket-never-binds warning (a perUser bucket no tighter than shared). */
const warned = valid.replace('maxTokens: 60\n', 'maxTokens: 6000\n');

void test('3. --fail-on warning fails on warnings; --disable turns a rule off; refusals say why', () => {
  const base = cli(['validate', '-'], { input: warned });
  assert.equal(base.code, 0);
  assert.match(base.out, /warning: .*\[lint-bucket-never-binds\]/);
  assert.equal(cli(['validate', '--fail-on', 'warning', '-'], { input: warned }).code, 1);
  const off = cli(['validate', '--fail-on', 'warning', '--disable', 'lint-bucket-never-binds', '-'], { input: warned });
  assert.deepEqual([off.code, off.out], [0, '1 document: 1 allowed, 0 denied, 0 skipped, 0 unreadable; 0 errors, 0 warnings\n']);
  const refused = cli(['validate', '--disable', 'cel-ratelimit-requires-redis', '-'], { input: valid });
  assert.equal(refused.code, 2);
  assert.equal(
    refused.err,
    "vmcp-admission validate: --disable cel-ratelimit-requires-redis: a cel rule the Kubernetes API server enforces itself cannot be disabled (the API server would deny anyway)\nRun 'vmcp-admission validate --help' for usage.\n",
  );
});

void test('3. the ignore annotation silences warnings of the named rules only, never an error', () => {
  const annotate = (text: string, ids: string): string => text.replace('  namespace: toolhive\n', `  namespace: toolhive\n  annotations:\n    vmcp-admission.toolhive.dev/ignore: "${ids}"\n`);
  const quiet = cli(['validate', '--fail-on', 'warning', '-'], { input: annotate(warned, 'lint-bucket-never-binds, lint-deprecated-version') });
  assert.deepEqual([quiet.code, quiet.out], [0, '1 document: 1 allowed, 0 denied, 0 skipped, 0 unreadable; 0 errors, 0 warnings\n']);
  const denied = annotate(valid.replace('refillPeriod: 30s', 'refillPeriod: soon'), 'runtime-refill-period-duration');
  const still = cli(['validate', '-'], { input: denied });
  assert.equal(still.code, 1);
  assert.match(still.out, /\[runtime-refill-period-duration\]/);
});

void test('3. .vmcp-admission.yaml is found upward, flags override it, errors carry line:column', () => {
  const { dir, cleanup } = scratch({ '.vmcp-admission.yaml': 'fail-on: warning\ndisable: [lint-deprecated-version]\n', 'deploy/app/vmcp.yaml': warned });
  try {
    const cwd = join(dir, 'deploy', 'app');
    assert.equal(cli(['validate', 'vmcp.yaml'], { cwd }).code, 1, 'fail-on from the file');
    assert.equal(cli(['validate', '--fail-on', 'error', 'vmcp.yaml'], { cwd }).code, 0, 'the flag wins');
    assert.equal(cli(['validate', '--no-config', 'vmcp.yaml'], { cwd }).code, 0, '--no-config');
    writeFileSync(join(dir, 'bad.yaml'), 'mode: strict\noutput: xml\n');
    const bad = cli(['validate', '--config', join(dir, 'bad.yaml'), 'vmcp.yaml'], { cwd });
    assert.deepEqual([bad.code, bad.out], [2, '']);
    assert.equal(bad.err, `vmcp-admission validate: ${join(dir, 'bad.yaml')}:2:9: output must be one of text, json, junit, sarif, github\n`);
    writeFileSync(join(dir, '.vmcp-admission.yaml'), 'mode: strict\n  disable: [x]\n');
    assert.equal(cli(['validate', 'vmcp.yaml'], { cwd }).err, 'vmcp-admission validate: ../../.vmcp-admission.yaml:1:7: yaml: Nested mappings are not allowed in compact mappings\n');
    writeFileSync(join(dir, '.vmcp-admission.yaml'), 'disable: [schema-required]\n');
    assert.match(cli(['validate', 'vmcp.yaml'], { cwd }).err, /\.vmcp-admission\.yaml: disable: schema-required: a schema rule .* cannot be disabled/);
    writeFileSync(join(dir, '.vmcp-admission.yaml'), 'refs: deny\nexclude: ["*.yml"]\nfail-on: errors\n');
    assert.match(cli(['validate', 'vmcp.yaml'], { cwd }).err, /:3:10: fail-on must be one of error, warning\n$/);
  } finally {
    cleanup();
  }
});

void test('4. directory walks skip node_modules, .git and hidden folders; --exclude; an explicit path still wins', () => {
  const { dir, cleanup } = scratch({
    'deploy/vmcp.yaml': valid,
    'node_modules/pkg/schema.json': '{"kind": "VirtualMCPServer"}',
    '.git/x.yaml': 'kind: VirtualMCPServer\n',
    '.github/workflows/ci.yaml': 'on: push\n',
    'charts/vendor/vmcp.yaml': 'kind: VirtualMCPServer\n',
  });
  try {
    const walked = cli(['validate', '-o', 'json', '--exclude', 'charts/vendor/**', '.'], { cwd: dir });
    assert.equal(walked.code, 0, walked.out);
    assert.deepEqual(JSON.parse(walked.out).documents.map((d: { source: string }) => d.source), ['deploy/vmcp.yaml']);
    const byName = cli(['validate', '-o', 'json', '--exclude', 'vendor', '.'], { cwd: dir });
    assert.deepEqual(JSON.parse(byName.out).documents.map((d: { source: string }) => d.source), ['deploy/vmcp.yaml']);
    const explicit = cli(['validate', '-o', 'json', 'node_modules/pkg'], { cwd: dir });
    assert.deepEqual(JSON.parse(explicit.out).documents.map((d: { source: string }) => d.source), ['node_modules/pkg/schema.json']);
  } finally {
    cleanup();
  }
});

void test('4. --fail-if-no-match, --stdin-filename, - twice, UTF-16 with a BOM', () => {
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
  assert.equal(cli(['validate', '-'], { input: configMap }).code, 0);
  const none = cli(['validate', '--fail-if-no-match', '-'], { input: configMap });
  assert.deepEqual([none.code, none.err], [2, 'vmcp-admission validate: no VirtualMCPServer found in - (--fail-if-no-match)\n']);
  const named = cli(['validate', '--stdin-filename', 'kustomize/out.yaml', '-o', 'github', '-'], { input: deprecated });
  assert.match(named.out, /^::warning file=kustomize\/out\.yaml,line=2,col=1,/);
  const twice = cli(['validate', '-', '-'], { input: valid });
  assert.deepEqual([twice.code, twice.out], [2, '']);
  assert.match(twice.err, /^vmcp-admission validate: standard input \(-\) given more than once\n/);
  for (const [name, bytes] of [
    ['le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')])],
    ['be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(valid, 'utf16le').swap16()])],
  ] as const) {
    const r = cli(['validate', '-'], { input: bytes });
    assert.deepEqual([r.code, r.out], [0, '1 document: 1 allowed, 0 denied, 0 skipped, 0 unreadable; 0 errors, 0 warnings\n'], name);
  }
  const odd = cli(['validate', '-'], { input: Buffer.from([0xff, 0xfe, 0x41]) });
  assert.equal(odd.code, 2);
  assert.match(odd.out, /not valid UTF-16 text .*convert it to UTF-8/);
});

void test('5. colour only on request or a terminal: FORCE_COLOR forces it, NO_COLOR wins over a TTY, pipes get none', () => {
  const denied = valid.replace('refillPeriod: 30s', 'refillPeriod: soon');
  assert.doesNotMatch(cli(['validate', '-'], { input: denied }).out, /\u001b\[/);
  assert.match(cli(['validate', '-'], { input: denied, env: { FORCE_COLOR: '1' } }).out, /\u001b\[1m<stdin>:\d+:\d+:\u001b\[0m /);
  assert.doesNotMatch(cli(['validate', '-'], { input: denied, env: { FORCE_COLOR: '0' } }).out, /\u001b\[/);
});

void test('5. the progress line appears on stderr only when forced (never in a pipe or CI), never on stdout', () => {
  const many = Array.from({ length: 4000 }, (_, i) => valid.replace('name: team-tools', `name: team-${i}`)).join('---\n');
  const piped = cli(['validate', '-'], { input: many, env: { CI: 'true' } });
  assert.equal(piped.err, '');
  const forced = cli(['validate', '--progress', '-'], { input: many });
  assert.equal(forced.code, 0);
  assert.match(forced.err, /\r\u001b\[Kvalidating: \d+ documents \(<stdin>\)/);
  assert.ok(forced.err.endsWith('\r\u001b[K'), 'the line is cleared at the end');
  assert.doesNotMatch(forced.out, /validating/);
});

/** Usage errors of every command: one line naming the problem, the hint, exit 2, nothing on stdout. */
const usageCases: Array<[string[], string]> = [
  [[], "vmcp-admission: no command given (validate, render, serve, policy, explain, simulate, buckets, rules, version)\nRun 'vmcp-admission --help' for usage.\n"],
  [['frobnicate'], 'vmcp-admission: unknown command "frobnicate"\nRun \'vmcp-admission --help\' for usage.\n'],
  [['--frobnicate'], 'vmcp-admission: unknown option "--frobnicate"\nRun \'vmcp-admission --help\' for usage.\n'],
  [['validate', '--bogus', 'x'], "vmcp-admission validate: unknown option '--bogus'\nRun 'vmcp-admission validate --help' for usage.\n"],
  [['validate'], "vmcp-admission validate: no input: give files, directories or - for standard input\nRun 'vmcp-admission validate --help' for usage.\n"],
  [['render', '--bogus', 'x'], "vmcp-admission render: unknown option '--bogus'\nRun 'vmcp-admission render --help' for usage.\n"],
  [['render', '-', '-'], "vmcp-admission render: standard input (-) given more than once\nRun 'vmcp-admission render --help' for usage.\n"],
  [['serve', '--bogus'], "vmcp-admission serve: unknown option '--bogus'\nRun 'vmcp-admission serve --help' for usage.\n"],
  [['serve', '--port', 'x'], "vmcp-admission serve: invalid value \"x\" for --port (env VMCP_ADMISSION_PORT): must be integer\nRun 'vmcp-admission serve --help' for usage.\n"],
  [['serve', '--disable', 'metadata-name'], "vmcp-admission serve: --disable metadata-name: a schema rule the Kubernetes API server enforces itself cannot be disabled (the API server would deny anyway)\nRun 'vmcp-admission serve --help' for usage.\n"],
  [['policy', 'extra'], "vmcp-admission policy: policy takes no arguments, got extra\nRun 'vmcp-admission policy --help' for usage.\n"],
  [['explain', '--bogus', 'x'], "vmcp-admission explain: unknown option '--bogus'\nRun 'vmcp-admission explain --help' for usage.\n"],
  [['simulate', '--bogus', 'x'], "vmcp-admission simulate: unknown option '--bogus'\nRun 'vmcp-admission simulate --help' for usage.\n"],
  [['buckets', '--bogus', 'x'], "vmcp-admission buckets: unknown option '--bogus'\nRun 'vmcp-admission buckets --help' for usage.\n"],
  [['rules', '-o', 'yaml'], "vmcp-admission rules: unknown --output \"yaml\": allowed values are text, json\nRun 'vmcp-admission rules --help' for usage.\n"],
  [['version', 'extra'], "vmcp-admission version: unexpected argument \"extra\"\nRun 'vmcp-admission version --help' for usage.\n"],
];

void test('6. usage errors: the same one line + hint on stderr and exit 2 for every command', () => {
  for (const [args, err] of usageCases) assert.deepEqual(cli(args), { code: 2, out: '', err }, args.join(' '));
});

void test('6. -h and --help: help on stdout, exit 0, for every command', () => {
  for (const command of [[], ['validate'], ['render'], ['serve'], ['policy'], ['explain'], ['simulate'], ['buckets'], ['rules'], ['version']]) {
    for (const flag of ['-h', '--help']) {
      const r = cli([...command, flag]);
      assert.equal(r.code, 0, `${command.join(' ')} ${flag}`);
      assert.equal(r.err, '');
      assert.match(r.out, command.length === 0 ? /^Usage: vmcp-admission <command>/ : new RegExp(`^Usage: vmcp-admission ${command[0]}`));
    }
  }
});

/** serve start-up failures the environment causes: exit 2 with one line, never 3 (works as root too). */
void test('6. serve: an unreadable certificate or an unwritable --cert-dir is an environment error (exit 2), one line', () => {
  const { dir, cleanup } = scratch({ 'dir-as-cert/tls.key': 'y', 'a-file': 'x', 'garbage/tls.crt': 'not pem', 'garbage/tls.key': 'not pem' });
  mkdirSync(join(dir, 'dir-as-cert', 'tls.crt'));
  try {
    const cases: Array<[string, string[], RegExp]> = [
      ['tls.crt is a directory', ['--no-generate-certs', '--cert-dir', join(dir, 'dir-as-cert')], /tls\.crt: cannot read \(EISDIR\)/],
      ['--cert-dir under a file', ['--cert-dir', join(dir, 'a-file', 'certs')], /ENOTDIR/],
      ['no certificate and no generation', ['--no-generate-certs', '--cert-dir', join(dir, 'missing')], /tls\.crt: cannot read \(ENOENT\)/],
      ['not PEM', ['--no-generate-certs', '--cert-dir', join(dir, 'garbage')], /tls\.crt: not a PEM certificate/],
    ];
    for (const [name, args, message] of cases) {
      const r = cli(['serve', '--host', '127.0.0.1', '--port', '0', ...args], { cwd: dir });
      assert.equal(r.code, 2, `${name}: ${r.err}`);
      assert.match(r.err, /^vmcp-admission serve: [^\n]+\n$/, name);
      assert.match(r.err, message, name);
      // Off a terminal the log is JSON; its first line names the build (item 1) and the schema reviews start with (#13 §4).
      const first = JSON.parse(r.out.split('\n')[0]!) as Record<string, unknown>;
      assert.deepEqual([first.msg, first.version, first.crdCommit], [`starting ${identity.trim()}`, pkg.version, provenance.commit]);
      const short = provenance.commit.slice(0, 12);
      assert.deepEqual([first.schema, first.schemaSource, first.schemaHash, first.followCrd], [`built-in (ToolHive CRD ${short})`, 'builtin', short, true]);
    }
  } finally {
    cleanup();
  }
});

void test('6. serve: a file-system permission problem is exit 2 too', { skip: process.getuid?.() === 0 ? 'root reads and writes everything' : false }, () => {
  const { dir, cleanup } = scratch({ 'certs/tls.crt': 'x', 'certs/tls.key': 'y' });
  try {
    chmodSync(join(dir, 'certs', 'tls.crt'), 0o000);
    const unreadable = cli(['serve', '--host', '127.0.0.1', '--port', '0', '--no-generate-certs', '--cert-dir', join(dir, 'certs')], { cwd: dir });
    assert.equal(unreadable.code, 2, unreadable.err);
    assert.match(unreadable.err, /^vmcp-admission serve: .*tls\.crt: cannot read \(EACCES\)\n$/);
  } finally {
    cleanup();
  }
});

/** The bundle under a pseudo-terminal (util-linux `script`), stdout and stderr both on it. */
function onTerminal(command: string, env: Record<string, string> = {}): string {
  const r = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} ${command}`, '/dev/null'], {
    cwd: fixtures,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return r.stdout;
}
const hasScript = spawnSync('script', ['--version']).status === 0;

void test('5. on a terminal: colour unless NO_COLOR; serve logs human-readable lines instead of JSON', { skip: hasScript ? false : 'no util-linux script(1)' }, () => {
  assert.match(onTerminal('validate manifests/mixed.yaml'), /\u001b\[1mmanifests\/mixed\.yaml:15:1:\u001b\[0m .*\u001b\[2m\[cel-peruser-requires-oidc\]\u001b\[0m/);
  assert.doesNotMatch(onTerminal('validate manifests/mixed.yaml', { NO_COLOR: '1' }), /\u001b\[/);
  const serve = onTerminal('serve --host 127.0.0.1 --port 0 --no-generate-certs --cert-dir /nonexistent-vmcp-certs');
  assert.match(serve, /^\d\d:\d\d:\d\d\.\d{3} INFO {2}starting vmcp-admission \S+ \(ToolHive CRD [0-9a-f]{12}\) version=/m);
  assert.match(serve, /^\d\d:\d\d:\d\d\.\d{3} FATAL cannot start the webhook /m);
  assert.doesNotMatch(serve, /^\{"level"/m);
});
