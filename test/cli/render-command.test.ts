// `vmcp-admission render` in-process through run() with injected io, plus one spawn of the built
// bin for the exit code and stdout of a real process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';

const golden = (name: string): string => fileURLToPath(new URL(`../render/golden/${name}`, import.meta.url));

async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => Promise.resolve(stdin), cwd: process.cwd(), env: {} };
  const code = await run(argv, io);
  return { code, out, err };
}

void test('config output is the golden config.yaml, exit 0', async () => {
  const r = await cli(['render', golden('ratelimit-shared.vmcp.yaml')]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, readFileSync(golden('ratelimit-shared.config.yaml'), 'utf8'));
});

void test('several VirtualMCPServers give a multi-document stream', async () => {
  const r = await cli(['render', '-', '--output', 'config'], readFileSync(golden('passthrough-headers-precedence.vmcp.yaml'), 'utf8'));
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, readFileSync(golden('passthrough-headers-precedence.config.yaml'), 'utf8'));
});

void test('configmap and json outputs carry the same config and checksum', async () => {
  const cm = await cli(['render', '-o', 'configmap', golden('audit.vmcp.yaml')]);
  const js = await cli(['render', '-o', 'json', golden('audit.vmcp.yaml')]);
  assert.equal(cm.code, 0, cm.err);
  const manifest = parse(cm.out) as { metadata: { name: string; annotations: Record<string, string> }; data: Record<string, string> };
  const [item] = JSON.parse(js.out) as Array<{ configMap: string; checksum: string; config: string }>;
  assert.equal(manifest.metadata.name, 'audit-vmcp-config');
  assert.equal(item!.configMap, 'audit-vmcp-config');
  assert.equal(manifest.data['config.yaml'], readFileSync(golden('audit.config.yaml'), 'utf8'));
  assert.equal(item!.config, manifest.data['config.yaml']);
  assert.equal(item!.checksum, manifest.metadata.annotations['toolhive.stacklok.dev/content-checksum']);
});

void test('a denied spec prints its findings as file:line:col and exits 1', async () => {
  const spec = 'apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata:\n  name: x\nspec:\n  groupRef:\n    name: g\n  incomingAuth:\n    type: anonymous\n  config:\n    rateLimiting:\n      shared: {maxTokens: 1, refillPeriod: 1m}\n';
  const r = await cli(['render', '-'], spec);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.match(r.err, /^<stdin>:5:1: spec: Invalid value: "object": config\.rateLimiting requires sessionStorage with provider 'redis'$/m);
});

void test('usage errors and unreadable input exit 2', async () => {
  assert.equal((await cli(['render', '--output', 'xml', 'a.yaml'])).code, 2);
  assert.equal((await cli(['render'])).code, 2);
  const missing = await cli(['render', 'does-not-exist.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /does-not-exist\.yaml: .*no such file or directory/);
  const noVmcp = await cli(['render', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
  assert.equal(noVmcp.code, 2);
  assert.match(noVmcp.err, /no VirtualMCPServer in the input/);
});

const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
void test('the built bin renders and exits 0', { skip: existsSync(bin) ? false : 'dist/ not built (npm test builds first)' }, () => {
  const p = spawnSync(process.execPath, [bin, 'render', golden('code-mode.vmcp.yaml')], { encoding: 'utf8' });
  assert.equal(p.status, 0, p.stderr);
  assert.equal(p.stdout, readFileSync(golden('code-mode.config.yaml'), 'utf8'));
});

void test('control characters from a manifest are escaped in the findings', async () => {
  const spec = 'apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata:\n  name: x\nspec:\n  groupRef:\n    name: g\n  incomingAuth:\n    type: oidc\n    oidcConfigRef: {name: "idp\\u001b[31m", audience: a}\n';
  const r = await cli(['render', '-'], spec);
  assert.equal(r.code, 1);
  assert.equal(r.err.includes(String.fromCharCode(27)), false);
  assert.match(r.err, /idp\\u001b\[31m/);
});

void test('a List document (kubectl get -o yaml) renders its items; a refused item is placed inside the List', async () => {
  const { stringify } = await import('yaml');
  const object = parse(readFileSync(golden('ratelimit-shared.vmcp.yaml'), 'utf8')) as Record<string, unknown>;
  const list = stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } }, object] });
  const ok = await cli(['render', '-'], list);
  assert.equal(ok.code, 0, ok.err);
  assert.equal(ok.out, readFileSync(golden('ratelimit-shared.config.yaml'), 'utf8'));
  const broken = list.replace('refillPeriod: 60s', 'refillPeriod: one minute');
  const refused = await cli(['render', '-'], broken);
  assert.equal(refused.code, 1);
  const line = broken.split('\n').findIndex((l) => l.includes('one minute')) + 1;
  assert.match(refused.err, new RegExp(`^<stdin>:${line}:\\d+: spec\\.config\\.rateLimiting\\.shared\\.refillPeriod: Invalid value`, 'm'));
});

void test('a List item that is not an object is an input problem with its position (exit 2), not skipped', async () => {
  const r = await cli(['render', '-'], 'apiVersion: v1\nkind: List\nitems:\n- null\n');
  assert.equal(r.code, 2);
  assert.equal(r.err, '<stdin>:4:3: items[0]: must be an object, got null\n');
});
