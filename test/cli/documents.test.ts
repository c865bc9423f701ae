import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSource as parseLazily, type SourceDocument } from '../../src/cli/documents.js';
import { maxDocuments } from '../../src/cli/input-limits.js';
import { problemText } from '../../src/cli/input-problem.js';

/** parseSource, drained: positions are read after the whole stream, as they stay valid. */
function parseSource(source: string, text: string): { lineCounter: ReturnType<typeof parseLazily>['lineCounter']; documents: SourceDocument[] } {
  const parsed = parseLazily(source, text);
  return { lineCounter: parsed.lineCounter, documents: [...parsed.documents] };
}
type ParsedSource = ReturnType<typeof parseSource>;

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const problems = (p: ParsedSource): Array<[number, string, string]> =>
  p.documents.flatMap((d) => d.problems.map((x): [number, string, string] => {
    const pos = p.lineCounter.linePos(x.offset);
    return [d.index, x.rule, `${pos.line}:${pos.col}`];
  }));

void test('YAML 1.1 as Kubernetes reads it: yes/on/y booleans, quoted "on" a string, timestamps strings, merges', () => {
  const [doc] = parseSource('f', fixture('yaml11-scalars.yaml')).documents;
  assert.deepEqual(doc!.value, {
    base: { a: 1 },
    plain: [true, true, true, false, false],
    quoted: 'on',
    stamp: '2001-12-14',
    clock: '1:20',
    octal: 511,
    merged: { a: 1, b: 2 },
  });
});

void test('JSON input decodes like YAML', () => {
  const [doc] = parseSource('f.json', '{"kind": "VirtualMCPServer", "on": "on", "n": [1, 2.5, null]}').documents;
  assert.deepEqual(doc!.value, { kind: 'VirtualMCPServer', on: 'on', n: [1, 2.5, null] });
});

void test('duplicate keys are errors at the repeated key', () => {
  assert.deepEqual(problems(parseSource('f', fixture('duplicate-key.yaml'))), [[0, 'yaml-duplicate-key', '11:9']]);
  assert.equal(problemText(parseSource('f', fixture('duplicate-key.yaml')).documents[0]!.problems[0]!), 'yaml: duplicate key "maxTokens"');
});

void test('syntax errors carry line:column and do not stop the other documents', () => {
  const parsed = parseSource('f', fixture('syntax-error.yaml'));
  assert.deepEqual(problems(parsed), [[1, 'yaml-syntax', '8:11']]);
  assert.deepEqual(parsed.documents[0]!.value, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fine' } });
});

void test('documents are produced lazily, one at a time', () => {
  const parsed = parseLazily('f', 'a: 1\n---\nb: [\n');
  const it = parsed.documents[Symbol.iterator]();
  assert.deepEqual(it.next().value?.value, { a: 1 });
  assert.equal(it.next().value?.problems[0]?.rule, 'yaml-syntax');
  assert.equal(it.next().done, true);
});

void test('empty documents are dropped but keep their place in the stream index', () => {
  const parsed = parseSource('f', '---\n# only a comment\n---\n---\na: 1\n...\n---\n~\n---\nb: 2\n');
  assert.deepEqual(parsed.documents.map((d) => [d.index, d.value]), [[2, { a: 1 }], [4, { b: 2 }]]);
  assert.equal(parsed.lineCounter.linePos(parsed.documents[1]!.offset).line, 10);
  assert.deepEqual(parseSource('f', '').documents, []);
  assert.deepEqual(parseSource('f', '# nothing\n').documents, []);
});

void test('an input with too many documents stops at the limit with a position', () => {
  const parsed = parseSource('f', 'a: 1\n---\n'.repeat(maxDocuments + 5));
  assert.equal(parsed.documents.length, maxDocuments + 1);
  const last = parsed.documents.at(-1)!;
  assert.deepEqual([last.index, last.problems[0]!.rule, parsed.lineCounter.linePos(last.offset).line], [maxDocuments, 'yaml-too-many-documents', 2 * maxDocuments + 1]);
});

void test('a billion-laughs alias bomb is refused quickly', () => {
  const start = performance.now();
  const parsed = parseSource('f', fixture('alias-bomb.yaml'));
  assert.deepEqual(problems(parsed), [[0, 'yaml-alias-limit', '3:1']]);
  assert.equal(problemText(parsed.documents[0]!.problems[0]!), 'yaml: more than 100 alias expansions; refusing a possible alias bomb');
  assert.ok(performance.now() - start < 2000);
});

void test('self-referencing aliases are refused instead of recursing forever', () => {
  assert.deepEqual(problems(parseSource('f', 'a: &a [*a]\n')), [[0, 'yaml-too-deep', '1:1']]);
});

void test('pathological nesting stops with a position, keeps earlier documents, and never crashes the process', () => {
  const deepFlow = `a: 1\n---\nb: ${'['.repeat(100_000)}\n`;
  const parsed = parseSource('f', deepFlow);
  assert.deepEqual(parsed.documents[0]!.value, { a: 1 });
  assert.deepEqual(problems(parsed), [[1, 'yaml-too-deep', '3:132']]);
  const deepBlock = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
  assert.deepEqual(problems(parseSource('f', deepBlock)).map((p) => p[1]), ['yaml-too-deep']);
  assert.deepEqual(problems(parseSource('f', `${'- '.repeat(500)}x\n`)).map((p) => p[1]), ['yaml-too-deep']);
  // Nesting just under the limit is ordinary YAML.
  const ok = parseSource('f', `x: ${'['.repeat(100)}1${']'.repeat(100)}\n`);
  assert.deepEqual(ok.documents[0]!.problems, []);
});

void test('numbers JSON cannot carry (.inf, .nan, 1e400) are input problems at their position, in YAML and JSON', () => {
  const problems = (text: string): string[] => {
    const parsed = parseSource('x', text);
    return [...parsed.documents].flatMap((d) => d.problems.map((p) => `${p.rule} ${parsed.lineCounter.linePos(p.offset).line}:${parsed.lineCounter.linePos(p.offset).col} ${problemText(p)}`));
  };
  assert.deepEqual(problems('a: 1\nb: {c: .inf, d: -.Inf}\ne: .NaN\n'), [
    'yaml-not-json 2:8 yaml: .inf is not a finite number; kubectl and the API server cannot carry it in JSON',
    'yaml-not-json 2:17 yaml: -.Inf is not a finite number; kubectl and the API server cannot carry it in JSON',
    'yaml-not-json 3:4 yaml: .NaN is not a finite number; kubectl and the API server cannot carry it in JSON',
  ]);
  assert.deepEqual(problems('{"a": {"b": 1e400}}'), ['yaml-not-json 1:13 yaml: 1e400 is not a finite number; kubectl and the API server cannot carry it in JSON']);
  assert.deepEqual(problems('a: ".inf"\nb: 1e300\nc: 2e10\n'), []);
});
