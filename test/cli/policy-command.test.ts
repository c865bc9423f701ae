// `vmcp-admission policy` in-process through run(): the YAML stream, the options, --explain, usage errors.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- manifests are arbitrary JSON, mutated in place */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { parsePolicyArgs } from '../../src/cli/policy-command.js';
import { rules } from '../../src/core/rules/index.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => Promise.resolve(''), cwd: process.cwd(), env: {} };
  return { code: await run(argv, io), out, err };
}

const docs = (text: string): any[] => parseAllDocuments(text).map((d) => d.toJS());

void test('default: Deny policy and binding, then the lint policy with a Warn binding, admissionregistration.k8s.io/v1', async () => {
  const r = await cli(['policy']);
  assert.equal(r.code, 0, r.err);
  const d = docs(r.out);
  assert.deepEqual(d.map((x) => x.kind), ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);
  assert.deepEqual([d[1].spec.validationActions, d[3].spec.validationActions], [['Deny'], ['Warn']]);
  assert.deepEqual(d[0].spec.matchConstraints.resourceRules, [{ apiGroups: ['toolhive.stacklok.dev'], apiVersions: ['v1beta1', 'v1alpha1'], operations: ['CREATE', 'UPDATE'], resources: ['virtualmcpservers'] }]);
});

void test('--name, --namespace-selector, --validation-actions, --warnings off, --kubernetes-version 1.28', async () => {
  const r = await cli(['policy', '--name', 'vmcp.example.com', '--namespace-selector', 'team=a,env in (prod,stage),!legacy', '--validation-actions', 'Warn,Audit', '--warnings', 'off', '--kubernetes-version', '1.28']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^# Kubernetes 1\.28: ValidatingAdmissionPolicy is beta/);
  const d = docs(r.out);
  assert.equal(d.length, 2);
  assert.equal(d[0].apiVersion, 'admissionregistration.k8s.io/v1beta1');
  assert.equal(d[0].metadata.name, 'vmcp.example.com');
  assert.deepEqual(d[1].metadata.name, 'vmcp-binding.example.com');
  assert.deepEqual(d[1].spec.validationActions, ['Warn', 'Audit']);
  assert.deepEqual(d[1].spec.matchResources.namespaceSelector, {
    matchLabels: { team: 'a' },
    matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'stage'] }, { key: 'legacy', operator: 'DoesNotExist' }],
  });
});

void test('usage errors exit 2: Deny with Warn, an unknown version, a bad selector, a bad name, an argument', async () => {
  for (const argv of [['--validation-actions', 'Deny,Warn'], ['--kubernetes-version', '1.27'], ['--namespace-selector', 'a b c'], ['--name', 'Not_A_Name'], ['--warnings', 'maybe'], ['extra']]) {
    const r = await cli(['policy', ...argv]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, /^vmcp-admission policy: /);
  }
  assert.equal(parsePolicyArgs(['--validation-actions', 'Deny,Warn']).kind, 'usage-error');
});

void test('--explain names every strict rule of the registry, with a status and a reason', async () => {
  const r = await cli(['policy', '--explain']);
  assert.equal(r.code, 0, r.err);
  const strictIds = rules.map((r) => r.meta).filter((m) => (m.modes as readonly string[]).includes('strict')).map((m) => m.id as string);
  for (const id of strictIds) assert.match(r.out, new RegExp(`^${id} \\((error|warning)\\): (covered|covered \\(message differs in part\\)|not needed: the API server does it|NOT covered|not applicable)\\n {4}\\S`, 'm'), id);
  assert.match(r.out, /^runtime-refill-period-duration \(error\): covered$/m);
  assert.match(r.out, /^runtime-health-check-timeout \(error\): covered \(message differs in part\)\n {4}a policy sees only the defaulted object/m);
  assert.match(r.out, /^lint-bucket-never-binds \(warning\): NOT covered\n {4}warns once per bucket, but a validation yields one warning/m);
  assert.match(r.out, new RegExp(`^${strictIds.length} strict rules: \\d+ in the policy`, 'm'));
});

void test('help lists policy; policy --help exits 0', async () => {
  assert.match((await cli(['--help'])).out, /^ {2}policy \[options\]/m);
  const r = await cli(['policy', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: vmcp-admission policy \[options\]/);
});

const bin = fileURLToPath(new URL('../../dist/bundle/cli/main.js', import.meta.url));
void test('the built (bundled) bin prints the same stream and exits 0', { skip: existsSync(bin) ? false : 'dist/ not built (npm test builds first)' }, async () => {
  const p = spawnSync(process.execPath, [bin, 'policy'], { encoding: 'utf8' });
  assert.equal(p.status, 0, p.stderr);
  assert.equal(p.stdout, (await cli(['policy'])).out);
});
