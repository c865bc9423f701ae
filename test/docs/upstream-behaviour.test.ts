// docs/upstream-behaviour.md is the only upstream reference this repository ships, so every citation of it in
// src/, test/, scripts/ and bench/ must land on a heading there: `upstream-behaviour §b.1`, lists such as
// `upstream-behaviour §a.3, a.5, c.1` or `upstream-behaviour §a.4, surprise 6`, `step N` / `item N` / `steps N-M` inside a section
// (a numbered list item of that section), and the older `docs/upstream-behaviour.md b` / `c/d` form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docPath = join(root, 'docs', 'upstream-behaviour.md');
const scanned = ['src', 'test', 'scripts', 'bench'];

interface Ref {
  readonly id: string;
  readonly items: readonly number[];
}

interface Citation extends Ref {
  readonly where: string;
}

const SECTION = String.raw`[a-z](?:\.\d+)?`;
const REF = String.raw`(?:surprise \d+|${SECTION}(?: (?:steps?|items?) \d+(?:-\d+)?)?)`;
const SECTION_FORM = new RegExp(String.raw`upstream-behaviour §(${REF}(?:, ?§?${REF})*)`, 'g');
const FILE_FORM = new RegExp(String.raw`upstream-behaviour\.md (${SECTION}(?:/${SECTION})*)(?!\w|\.\w)`, 'g');
const BARE_SECTION_SIGN = /§[a-z]\.\d+/g;

function parseRef(text: string): Ref {
  const m = /^(surprise \d+|[a-z](?:\.\d+)?)(?: (?:steps?|items?) (\d+)(?:-(\d+))?)?$/.exec(text.trim());
  assert.ok(m, `unparseable citation ${JSON.stringify(text)}`);
  const [, id, from, to] = m;
  if (from === undefined) return { id: id!, items: [] };
  const items: number[] = [];
  for (let n = Number(from); n <= Number(to ?? from); n++) items.push(n);
  return { id: id!, items };
}

/** Comment continuation lines are joined first, so a citation broken across lines is still found. */
function citationsIn(text: string): { refs: Ref[]; uncovered: string[] } {
  const joined = text.replace(/\n[ \t]*(?:\/\/|\*(?!\/)|#)?[ \t]*/g, ' ');
  const refs: Ref[] = [];
  const covered: [number, number][] = [];
  for (const m of joined.matchAll(SECTION_FORM)) {
    refs.push(...m[1]!.split(/, ?§?/).map(parseRef));
    covered.push([m.index, m.index + m[0].length]);
  }
  for (const m of joined.matchAll(FILE_FORM)) refs.push(...m[1]!.split('/').map(parseRef));
  const uncovered = [...joined.matchAll(BARE_SECTION_SIGN)]
    .filter((m) => !covered.some(([from, to]) => m.index >= from && m.index < to))
    .map((m) => m[0]);
  return { refs, uncovered };
}

interface Section {
  readonly id: string;
  readonly anchor: boolean;
  readonly items: ReadonlySet<number>;
}

/** `## a. The spec surface`, `### b.1 How ...`, `### Surprise 6: ...` -> id `a`, `b.1`, `surprise 6`. */
function sections(doc: string): Map<string, Section> {
  const lines = doc.split('\n');
  const found = new Map<string, Section>();
  lines.forEach((line, at) => {
    const m = /^(#{2,4}) (?:(surprise \d+)|([a-z](?:\.\d+)?)\.?)(?=[ :]|$)/i.exec(line);
    if (!m) return;
    const id = (m[2] ?? m[3]!).toLowerCase();
    assert.ok(!found.has(id), `heading ${id} appears twice`);
    const level = m[1]!.length;
    const end = lines.findIndex((l, i) => i > at && /^#{1,4} /.test(l) && /^#+/.exec(l)![0].length <= level);
    const body = lines.slice(at + 1, end === -1 ? undefined : end);
    const items = new Set(body.flatMap((l) => /^(\d+)\. /.exec(l)?.[1] ?? []).map(Number));
    const anchor = lines[at - 1] === `<a id="${id.replace(' ', '-')}"></a>`;
    found.set(id, { id, anchor, items });
  });
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(path);
    return [path];
  });
}

function codeCitations(): { citations: Citation[]; uncovered: string[] } {
  const citations: Citation[] = [];
  const uncovered: string[] = [];
  for (const file of scanned.flatMap((d) => (existsSync(join(root, d)) ? walk(join(root, d)) : []))) {
    const where = relative(root, file);
    const found = citationsIn(readFileSync(file, 'utf8'));
    citations.push(...found.refs.map((r) => ({ ...r, where })));
    uncovered.push(...found.uncovered.map((s) => `${where}: ${s}`));
  }
  return { citations, uncovered };
}

void test('docs/upstream-behaviour.md exists and names the upstream commit, licence and vendored CRDs', () => {
  assert.ok(existsSync(docPath), 'docs/upstream-behaviour.md is missing');
  const head = readFileSync(docPath, 'utf8').slice(0, 2000);
  assert.match(head, /https:\/\/github\.com\/stacklok\/toolhive/);
  assert.match(head, /e25de16cf9720b13cf0b400c861a2f6840e2763c/);
  assert.match(head, /Apache-2\.0/);
  assert.match(head, /upstream\/toolhive\//);
});

void test('the citation parser reads every form used in comments', () => {
  // \u00a7 keeps these samples out of the scan of this very file.
  const sample = [
    '// (upstream-behaviour \u00a7a.3, a.5, c.1). (upstream-behaviour \u00a7a.4, surprise 6)',
    '// upstream-behaviour \u00a7b.1 steps 2-3) and (upstream-behaviour \u00a7c.1 item 8):',
    '// (upstream-behaviour',
    '// \u00a7e.2) see docs/upstream-behaviour.md c/d (several; docs/upstream-behaviour.md gives one',
  ].join('\n');
  const { refs, uncovered } = citationsIn(sample);
  assert.deepEqual(refs, [
    { id: 'a.3', items: [] },
    { id: 'a.5', items: [] },
    { id: 'c.1', items: [] },
    { id: 'a.4', items: [] },
    { id: 'surprise 6', items: [] },
    { id: 'b.1', items: [2, 3] },
    { id: 'c.1', items: [8] },
    { id: 'e.2', items: [] },
    { id: 'c', items: [] },
    { id: 'd', items: [] },
  ]);
  assert.deepEqual(uncovered, []);
  assert.deepEqual(citationsIn('// see (\u00a7e.2) only').uncovered, ['\u00a7e.2']);
});

void test('every upstream-behaviour citation in src/, test/, scripts/ and bench/ resolves to a heading', () => {
  const doc = sections(readFileSync(docPath, 'utf8'));
  const { citations, uncovered } = codeCitations();
  assert.ok(citations.length > 0, 'no citations found: the scanner is broken');
  const broken = citations.flatMap((c) => {
    const section = doc.get(c.id);
    if (!section) return [`${c.where}: §${c.id} has no heading`];
    return c.items.filter((n) => !section.items.has(n)).map((n) => `${c.where}: §${c.id} has no numbered item ${n}`);
  });
  assert.deepEqual(broken, []);
  assert.deepEqual(uncovered, [], 'a §<id> outside an `upstream-behaviour §...` citation cannot be checked');
});

void test('every section heading carries its explicit anchor and every in-page link resolves', () => {
  const text = readFileSync(docPath, 'utf8');
  const doc = sections(text);
  for (const id of ['a.0', 'a.5', 'b', 'b.1', 'c.1', 'c.2', 'd', 'd.1', 'e.1', 'e.2', 'e.3', 'e.4', 'surprise 1', 'surprise 8', 'r.1']) {
    assert.ok(doc.has(id), `missing section ${id}`);
  }
  assert.deepEqual([...doc.values()].filter((s) => !s.anchor).map((s) => s.id), []);
  const anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
  const dangling = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]).filter((a) => !anchors.has(a));
  assert.deepEqual(dangling, []);
  const files = [...text.matchAll(/\]\((\.\.\/[^)#]+)\)/g)].map((m) => m[1]!).filter((p) => !existsSync(join(dirname(docPath), p)));
  assert.deepEqual(files, []);
});
