import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValidateArgs, resolveValidateOptions, validateHelp, type ValidateFlags } from '../../src/cli/args.js';

const flags = (argv: string[]): ValidateFlags => {
  const parsed = parseValidateArgs(argv);
  assert.equal(parsed.kind, 'options', JSON.stringify(parsed));
  return parsed.kind === 'options' ? parsed.options : assert.fail();
};

const noRelations = { refs: 'off', kubeconfig: undefined, context: undefined, crdFromCluster: false };

void test('defaults: strict mode, text output, inputs in order without repeats', () => {
  assert.deepEqual(resolveValidateOptions(flags(['a.yaml', 'dir', '-', 'a.yaml'])), {
    mode: 'strict',
    output: 'text',
    crd: undefined,
    quiet: false,
    inputs: ['a.yaml', 'dir', '-'],
    disable: [],
    failOn: 'error',
    exclude: [],
    failIfNoMatch: false,
    stdinFilename: undefined,
    progress: false,
    relations: noRelations,
    config: undefined,
  });
});

void test('every option, long and short forms', () => {
  const o = resolveValidateOptions(
    flags(['--mode', 'crd', '-o', 'sarif', '--crd=my.crd.yaml', '-q', '--disable', 'lint-deprecated-version', '--disable=runtime-int32-range', '--fail-on', 'warning', '--exclude', 'charts/**', '--fail-if-no-match', '--stdin-filename', 'k.yaml', '--config', 'c.yaml', '--progress', '--', '-']),
  );
  assert.deepEqual(o, {
    mode: 'crd',
    output: 'sarif',
    crd: 'my.crd.yaml',
    quiet: true,
    inputs: ['-'],
    disable: ['lint-deprecated-version', 'runtime-int32-range'],
    failOn: 'warning',
    exclude: ['charts/**'],
    failIfNoMatch: true,
    stdinFilename: 'k.yaml',
    progress: true,
    relations: noRelations,
    config: 'c.yaml',
  });
  assert.equal(flags(['--no-config', 'x']).config, false);
});

void test('flags override the config file; lists are the file\'s plus the flags\'', () => {
  const o = resolveValidateOptions(flags(['--mode', 'crd', '--disable', 'lint-deprecated-version', '--exclude', 'b/**', 'x']), {
    mode: 'strict',
    output: 'json',
    failOn: 'warning',
    disable: ['lint-bucket-never-binds'],
    exclude: ['a/**'],
    refs: 'deny',
  });
  assert.deepEqual([o.mode, o.output, o.failOn, o.disable, o.exclude, o.relations.refs], ['crd', 'json', 'warning', ['lint-bucket-never-binds', 'lint-deprecated-version'], ['a/**', 'b/**'], 'deny']);
});

void test('--help anywhere asks for the help', () => {
  assert.deepEqual(parseValidateArgs(['x', '--help']), { kind: 'help' });
  assert.deepEqual(parseValidateArgs(['-h']), { kind: 'help' });
  assert.match(validateHelp, /^Usage: vmcp-admission validate \[options\] <path\|dir\|->\.\.\./);
});

const usage = (argv: string[]): string => {
  const parsed = parseValidateArgs(argv);
  assert.equal(parsed.kind, 'usage-error');
  return parsed.kind === 'usage-error' ? parsed.message : '';
};

void test('usage errors name the problem and, for an unknown value, the allowed ones', () => {
  assert.equal(usage(['--output', 'xml', 'a']), 'unknown --output "xml": allowed values are text, json, junit, sarif, github');
  assert.equal(usage(['--mode', 'loose', 'a']), 'unknown --mode "loose": allowed values are strict, crd');
  assert.equal(usage(['--fail-on', 'info', 'a']), 'unknown --fail-on "info": allowed values are error, warning');
  assert.equal(usage([]), 'no input: give files, directories or - for standard input');
  assert.equal(usage(['--frobnicate', 'a']), "unknown option '--frobnicate'");
  assert.match(usage(['a', '--mode']), /--mode/);
  assert.equal(usage(['--crd=', 'a']), '--crd needs a file name');
  assert.equal(usage(['-', 'a', '-']), 'standard input (-) given more than once');
  assert.equal(usage(['--config', 'c', '--no-config', 'a']), '--config and --no-config exclude each other');
  assert.equal(usage(['--stdin-filename=', '-']), '--stdin-filename needs a name');
});

void test('--disable refuses unknown rules and rules the API server enforces, saying why', () => {
  assert.equal(usage(['--disable', 'no-such-rule', 'a']), "--disable no-such-rule: no such rule (see 'vmcp-admission rules')");
  for (const id of ['cel-ratelimit-requires-redis', 'schema-required', 'metadata-name', 'yaml-syntax', 'document-kind', 'internal-error']) {
    assert.match(usage(['--disable', id, 'a']), /cannot be disabled \(the API server would deny anyway\)$/, id);
  }
});

void test('relation flags: --refs defaults to off, to warn with --kubeconfig; --context and --crd-from-cluster need --kubeconfig', () => {
  const opts = (argv: string[]): unknown => {
    const p = parseValidateArgs([...argv, 'x']);
    return p.kind === 'options' ? resolveValidateOptions(p.options).relations : p.kind === 'usage-error' ? p.message : p.kind;
  };
  assert.deepEqual(opts(['--refs', 'deny']), { ...noRelations, refs: 'deny' });
  assert.deepEqual(opts(['--kubeconfig', 'k', '--context', 'c', '--crd-from-cluster']), { refs: 'warn', kubeconfig: 'k', context: 'c', crdFromCluster: true });
  assert.deepEqual(opts(['--kubeconfig', 'k', '--refs', 'off']), { ...noRelations, kubeconfig: 'k' });
  assert.equal(opts(['--crd-from-cluster']), '--crd-from-cluster needs --kubeconfig');
  assert.equal(opts(['--kubeconfig', 'k', '--crd-from-cluster', '--crd', 'f']), '--crd and --crd-from-cluster exclude each other');
});
