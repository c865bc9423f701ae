// The README's policy section shows what a user will see: the kubectl lines there are built here
// from the policy's own evaluation of the example file, in the API server's VAP wording
// (`ValidatingAdmissionPolicy '<p>' with binding '<b>' denied request: <message>`, kubectl's
// `The <resource> "<name>" is invalid: : ...`; warnings `Validation failed for ... : <message>`).
 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { clone, engineVerdict, policyVerdict } from './harness.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const section = readme.slice(readme.indexOf('<!-- BEGIN policy -->'), readme.indexOf('<!-- END policy -->'));
const defaults = parse(read('manifests/overlays/policy-only/validatingadmissionpolicy.yaml').split('---\n')[1]!) as { metadata: { name: string } };

void test('the README denial is the policy\'s first failure for the example, in kubectl\'s VAP wording', () => {
  const example = parse(read('examples/refillperiod-not-a-duration.yaml')) as { metadata: { name: string } };
  const v = engineVerdict(example);
  const first = policyVerdict(v.stored).deny.failures[0];
  assert.equal(first, v.errors[0]?.message);
  const name = defaults.metadata.name;
  const line = `The virtualmcpservers "${example.metadata.name}" is invalid: : ValidatingAdmissionPolicy '${name}' with binding '${name.replace('.', '-binding.')}' denied request: ${first}`;
  assert.ok(section.includes(`$ kubectl apply --dry-run=server -f examples/refillperiod-not-a-duration.yaml\n${line}\n`), line);
});

void test('the README warning is the Warn policy\'s text for spec.config.sessionStorage', () => {
  const o = clone(parse(read('test/policy/fixtures/four-buckets.yaml')));
  o.spec.config.sessionStorage = { provider: 'redis', address: 'r:6379' };
  const warning = policyVerdict(engineVerdict(o).stored).warn.failures[0];
  const name = defaults.metadata.name.replace('.', '-lint.');
  assert.ok(section.includes(`\`Warning: Validation failed for ValidatingAdmissionPolicy '${name}' with binding '${name.replace('.', '-binding.')}': ${warning}\``));
});

void test('every vmcp-admission command line in the section parses', async () => {
  const { parsePolicyArgs } = await import('../../src/cli/policy-command.js');
  const lines = [...section.matchAll(/^vmcp-admission policy(.*?)(?:\s+#.*|\s*>.*)?$/gm)];
  assert.ok(lines.length >= 5);
  for (const m of lines) {
    const argv = [...m[1]!.matchAll(/'([^']*)'|(\S+)/g)].map((x) => x[1] ?? x[2]!);
    assert.notEqual(parsePolicyArgs(argv).kind, 'usage-error', m[0]);
  }
});
