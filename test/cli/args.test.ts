import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValidateArgs, validateHelp } from '../../src/cli/args.js';

void test('defaults: strict mode, text output, inputs in order without repeats', () => {
  assert.deepEqual(parseValidateArgs(['a.yaml', 'dir', '-', 'a.yaml']), {
    kind: 'options',
    options: { mode: 'strict', output: 'text', crd: undefined, quiet: false, inputs: ['a.yaml', 'dir', '-'] },
  });
});

void test('every option, long and short forms', () => {
  const parsed = parseValidateArgs(['--mode', 'crd', '-o', 'sarif', '--crd=my.crd.yaml', '-q', '--', '-']);
  assert.deepEqual(parsed, { kind: 'options', options: { mode: 'crd', output: 'sarif', crd: 'my.crd.yaml', quiet: true, inputs: ['-'] } });
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
