import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValidateArgs, validateHelp } from '../../src/cli/args.js';

const noRelations = { refs: 'off', kubeconfig: undefined, context: undefined, crdFromCluster: false };

void test('defaults: strict mode, text output, inputs in order without repeats', () => {
  assert.deepEqual(parseValidateArgs(['a.yaml', 'dir', '-', 'a.yaml']), {
    kind: 'options',
    options: { mode: 'strict', output: 'text', crd: undefined, quiet: false, inputs: ['a.yaml', 'dir', '-'], relations: noRelations },
  });
});

void test('every option, long and short forms', () => {
  const parsed = parseValidateArgs(['--mode', 'crd', '-o', 'sarif', '--crd=my.crd.yaml', '-q', '--', '-']);
  assert.deepEqual(parsed, { kind: 'options', options: { mode: 'crd', output: 'sarif', crd: 'my.crd.yaml', quiet: true, inputs: ['-'], relations: noRelations } });
  assert.equal(parseValidateArgs(['--output=github', 'x']).kind, 'options');
});

void test('--help returns the help text instead of printing it', () => {
  assert.deepEqual(parseValidateArgs(['x', '--help']), { kind: 'help', help: validateHelp });
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
  assert.equal(usage([]), 'no input: give files, directories or - for standard input');
  assert.match(usage(['--frobnicate', 'a']), /Unknown option '--frobnicate'/);
  assert.match(usage(['a', '--mode']), /--mode/);
  assert.equal(usage(['--crd=', 'a']), '--crd needs a file name');
});

void test('relation flags: --refs defaults to off, to warn with --kubeconfig; --context and --crd-from-cluster need --kubeconfig', () => {
  const opts = (argv: string[]): unknown => {
    const p = parseValidateArgs([...argv, 'x']);
    return p.kind === 'options' ? p.options.relations : p.kind === 'usage-error' ? p.message : p.kind;
  };
  assert.deepEqual(opts(['--refs', 'deny']), { ...noRelations, refs: 'deny' });
  assert.deepEqual(opts(['--kubeconfig', 'k', '--context', 'c', '--crd-from-cluster']), { refs: 'warn', kubeconfig: 'k', context: 'c', crdFromCluster: true });
  assert.deepEqual(opts(['--kubeconfig', 'k', '--refs', 'off']), { ...noRelations, kubeconfig: 'k' });
  assert.equal(opts(['--crd-from-cluster']), '--crd-from-cluster needs --kubeconfig');
  assert.equal(opts(['--kubeconfig', 'k', '--crd-from-cluster', '--crd', 'f']), '--crd and --crd-from-cluster exclude each other');
});
