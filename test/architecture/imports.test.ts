// The architecture as a test: no import cycle anywhere under src/ (type-only imports count: a type
// cycle is a design cycle), and dependencies point inward — core imports no other folder of ours,
// a capability imports only core and kube (API plumbing), the shells (cli, webhook) may import capabilities, never the reverse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a module, resolved to .ts files under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm)) {
    const spec = m[1] ?? m[2]!;
    out.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return out;
}

const graph = new Map(files(src).map((f) => [f, importsOf(f)]));
const name = (f: string): string => relative(src, f);

void test('no import cycles under src/ (type-only imports included)', () => {
  const state = new Map<string, 'active' | 'done'>();
  const cycles: string[] = [];
  const visit = (f: string, stack: string[]): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'active') {
      cycles.push([...stack.slice(stack.indexOf(f)), f].map(name).join(' -> '));
      return;
    }
    state.set(f, 'active');
    for (const g of graph.get(f) ?? []) if (graph.has(g)) visit(g, [...stack, f]);
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f, []);
  assert.deepEqual(cycles, []);
});

/** What each top-level folder (or root module) of src/ may import besides itself: kube is the API plumbing, tls the certificates. */
const allowed: Readonly<Record<string, readonly string[]>> = {
  core: [],
  render: ['core'],
  kube: ['core'],
  tls: ['core', 'kube'],
  'config.ts': ['core'],
  webhook: ['core', 'render', 'tls', 'kube', 'config.ts'],
  cli: ['core', 'render', 'config.ts', 'webhook'],
};

const layerOf = (f: string): string => name(f).split('/')[0]!;

void test('dependencies point inward: every folder imports only the layers it may', () => {
  const wrong: string[] = [];
  for (const [f, deps] of graph) {
    const from = layerOf(f);
    const may = allowed[from];
    for (const d of deps) {
      if (!graph.has(d)) continue; // schemas/ and other data outside src/
      const to = layerOf(d);
      if (to === from) continue;
      // Capabilities (a folder not listed) may import core and kube's API plumbing (as eslint.config.js says); shells may import them.
      const ok = may === undefined ? to === 'core' || to === 'kube' : may.includes(to) || ((from === 'cli' || from === 'webhook') && allowed[to] === undefined);
      if (!ok) wrong.push(`${name(f)} -> ${name(d)}`);
    }
  }
  assert.deepEqual(wrong, []);
});
