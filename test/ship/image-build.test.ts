// The image's build stage without a docker daemon: a folder holding exactly what the Dockerfile's
// build stage COPYs, each path checked against .dockerignore's allow-list (what `docker build`
// would send), then the stage's `npm run build` there. The repository's node_modules stands in for
// the stage's `npm ci --ignore-scripts` (same lockfile). A script the build imports but the context
// leaves out fails here as it would in `docker build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The build stage's COPY sources (first stage, `AS build`), relative to the context. */
function buildStageCopies(dockerfile: string): string[] {
  const lines = dockerfile.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => /^FROM\s.*\sAS\s+build$/i.test(l));
  const end = lines.findIndex((l, i) => i > start && /^FROM\s/i.test(l));
  assert.ok(start >= 0 && end > start, 'the Dockerfile has a build stage');
  return lines.slice(start, end).flatMap((l) => {
    const m = /^COPY\s+(?!--from)(.+)$/i.exec(l);
    if (m === null) return [];
    const words = m[1]!.split(/\s+/).filter((w) => !w.startsWith('--'));
    return words.slice(0, -1);
  });
}

/** Whether .dockerignore of the form `*` then `!path` lines lets `path` into the context. */
function allowed(dockerignore: string, path: string): boolean {
  const rules = dockerignore.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal(rules[0], '*', '.dockerignore starts from nothing');
  return rules.slice(1).some((r) => r.startsWith('!') && (r.slice(1) === path || (r.endsWith('/') && path.startsWith(r.slice(1)))));
}

void test('the build stage builds from what .dockerignore sends: the bundle, its notices, no missing script', { timeout: 180_000 }, async () => {
  const copies = buildStageCopies(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  const ignore = readFileSync(join(root, '.dockerignore'), 'utf8');
  for (const c of copies) assert.ok(allowed(ignore, c) || allowed(ignore, `${c}/`), `${c} is COPYed but .dockerignore keeps it out of the context`);
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-image-build-'));
  try {
    for (const c of copies) {
      mkdirSync(dirname(join(dir, c)), { recursive: true });
      cpSync(join(root, c), join(dir, c), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    await promisify(execFile)('npm', ['run', 'build'], { cwd: dir, timeout: 170_000 });
    for (const f of ['dist/bundle/cli/main.js', 'dist/bundle/cli/vmcp-admission.cjs', 'dist/bundle/cli/server-deps.cjs', 'dist/bundle/THIRD-PARTY-NOTICES.txt']) assert.ok(existsSync(join(dir, f)), `${f} built`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
