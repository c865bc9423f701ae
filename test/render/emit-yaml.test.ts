// Emitter tables: each row is a value and the exact text Go yaml.v3 v3.0.1 writes for it as the
// value of key `k` (derived from yaml.v3's resolver + libyaml emitter rules; see docs/upstream-behaviour.md d).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emitYaml } from '../../src/render/emit-yaml.js';
import { Float64, YamlMap, goMap, type YamlNode } from '../../src/render/yaml-node.js';

const m = (...entries: [string, YamlNode][]): YamlMap => new YamlMap(entries);
const asValue = (v: YamlNode): string => emitYaml(m(['k', v]));

const scalars: ReadonlyArray<readonly [string, YamlNode, string]> = [
  ['plain word', 'hello', 'k: hello\n'],
  ['YAML 1.1 boolean on', 'on', 'k: "on"\n'],
  ['YAML 1.1 boolean yes', 'yes', 'k: "yes"\n'],
  ['YAML 1.1 boolean n', 'n', 'k: "n"\n'],
  ['YAML 1.1 boolean Y', 'Y', 'k: "Y"\n'],
  ['mixed-case not a boolean', 'yEs', 'k: yEs\n'],
  ['true', 'true', 'k: "true"\n'],
  ['False', 'False', 'k: "False"\n'],
  ['null word', 'null', 'k: "null"\n'],
  ['tilde', '~', 'k: "~"\n'],
  ['empty string', '', 'k: ""\n'],
  ['integer text', '123', 'k: "123"\n'],
  ['float text 1.0', '1.0', 'k: "1.0"\n'],
  ['hex text', '0x1F', 'k: "0x1F"\n'],
  ['exponent text', '1e3', 'k: "1e3"\n'],
  ['leading-dot float', '.5', 'k: ".5"\n'],
  ['underscored int', '1_000', 'k: "1_000"\n'],
  ['octal-looking 08 (float)', '08', 'k: "08"\n'],
  ['signed int', '-12', 'k: "-12"\n'],
  ['float overflow stays plain', '1e400', 'k: 1e400\n'],
  ['.inf', '.inf', 'k: ".inf"\n'],
  ['-.Inf', '-.Inf', 'k: "-.Inf"\n'],
  ['base-60 float', '1:20', 'k: "1:20"\n'],
  ['date', '2024-01-02', 'k: "2024-01-02"\n'],
  ['impossible date stays plain', '2024-02-30', 'k: 2024-02-30\n'],
  ['timestamp', '2001-12-14t21:59:43.10Z', 'k: "2001-12-14t21:59:43.10Z"\n'],
  ['version-like', '1.2.3', 'k: 1.2.3\n'],
  ['Go duration', '1m0s', 'k: 1m0s\n'],
  ['prefix format (flow indicator first)', '{workload}_', "k: '{workload}_'\n"],
  ['JSON array text', '[]', "k: '[]'\n"],
  ['JSON object text', '[{"uid": "a"}]', `k: '[{"uid": "a"}]'\n`],
  ['trailing colon', 'thv:prod:', "k: 'thv:prod:'\n"],
  ['inner colon without space', 'a:b', 'k: a:b\n'],
  ['colon space', 'a: b', "k: 'a: b'\n"],
  ['space hash', 'a #b', "k: 'a #b'\n"],
  ['hash without space', 'a#b', 'k: a#b\n'],
  ['at sign first', '@x', "k: '@x'\n"],
  ['dash space first', '- x', "k: '- x'\n"],
  ['dash alone', '-', "k: '-'\n"],
  ['dash then text', '-x', 'k: -x\n'],
  ['question mark first', '?x', 'k: ?x\n'],
  ['document marker', '---', "k: '---'\n"],
  ['single quote inside', "it's", "k: it's\n"],
  ['single quote first', "'q'", "k: '''q'''\n"],
  ['double quote first', '"q"', `k: '"q"'\n`],
  ['single quotes doubled mid-text', "a 'b' #c", "k: 'a ''b'' #c'\n"],
  ['single-quoted unicode', '- é', "k: '- é'\n"],
  ['leading space', ' a', "k: ' a'\n"],
  ['trailing space', 'a ', "k: 'a '\n"],
  ['unicode kept', 'héllo wörld ✓', 'k: héllo wörld ✓\n'],
  ['astral escaped', 'a😀', 'k: "a\\U0001F600"\n'],
  ['tab', 'a\tb', 'k: "a\\tb"\n'],
  ['control character', 'a\u0001b', 'k: "a\\x01b"\n'],
  ['carriage return', 'a\rb', 'k: "a\\rb"\n'],
  ['BOM', '\ufeffa', 'k: "\\uFEFFa"\n'],
  ['backslash plain', 'a\\b', 'k: a\\b\n'],
  ['long line not folded', 'x '.repeat(60).trim(), `k: ${'x '.repeat(60).trim()}\n`],
  ['multi-line with final newline', 'a\nb\n', 'k: |\n    a\n    b\n'],
  ['multi-line without final newline', 'a\nb', 'k: |-\n    a\n    b\n'],
  ['multi-line keep', 'a\n\n', 'k: |+\n    a\n\n'],
  ['multi-line leading space', ' a\nb', 'k: |4-\n     a\nb'.replace('\nb', '\n    b') + '\n'],
  ['multi-line with trailing space', 'a \nb', 'k: "a \\nb"\n'],
  ['multi-line blank line', 'a\n\nb', 'k: |-\n    a\n\n    b\n'],
  ['int', 42, 'k: 42\n'],
  ['negative zero', -0, 'k: 0\n'],
  ['negative int', -7, 'k: -7\n'],
  ['largest safe int', Number.MAX_SAFE_INTEGER, 'k: 9007199254740991\n'],
  ['int above 2^53 spelled exactly', 2 ** 60, 'k: 1152921504606846976\n'],
  ['int64', 9007199254740993n, 'k: 9007199254740993\n'],
  ['bool', false, 'k: false\n'],
  ['nil', null, 'k: null\n'],
  ['float 1e6', new Float64(1000000), 'k: 1e+06\n'],
  ['float 999999', new Float64(999999), 'k: 999999\n'],
  ['float 1234567.8', new Float64(1234567.8), 'k: 1.2345678e+06\n'],
  ['float 0.00001', new Float64(0.00001), 'k: 1e-05\n'],
  ['float 0.0001', new Float64(0.0001), 'k: 0.0001\n'],
  ['float -0', new Float64(-0), 'k: -0\n'],
  ['float 2.50', new Float64(2.5), 'k: 2.5\n'],
  ['float 1e100', new Float64(1e100), 'k: 1e+100\n'],
  ['float -1500000', new Float64(-1500000), 'k: -1.5e+06\n'],
];

for (const [name, value, expected] of scalars) {
  void test(`scalar: ${name}`, () => assert.equal(asValue(value), expected));
}

void test('keys are quoted like values', () => {
  assert.equal(emitYaml(goMap([['y', 1], ['n', 2], ['1', 3], ['', 4]])), '"": 4\n"1": 3\n"n": 2\n"y": 1\n');
});

void test('nesting: maps in sequences in maps, 2-column indent under a sequence item', () => {
  const bucket = m(['maxTokens', 1], ['refillPeriod', m(['duration', '1m0s'])]);
  const text = emitYaml(m(['rateLimiting', m(['tools', [m(['name', 'x'], ['shared', bucket])]])]));
  assert.equal(
    text,
    'rateLimiting:\n    tools:\n        - name: x\n          shared:\n            maxTokens: 1\n            refillPeriod:\n                duration: 1m0s\n',
  );
});

void test('nesting: sequences in sequences, literal in a sequence, empty collections', () => {
  const text = emitYaml(m(['s', [['a', 'b'], 'c\nd', m(), []]], ['e', m()], ['l', []]));
  assert.equal(text, 's:\n    - - a\n      - b\n    - |-\n      c\n      d\n    - {}\n    - []\ne: {}\nl: []\n');
});

void test('root shapes: empty mapping, sequence, scalar', () => {
  assert.equal(emitYaml(m()), '{}\n');
  assert.equal(emitYaml(['a', m(['b', 1], ['c', 2])]), '- a\n- b: 1\n  c: 2\n');
  assert.equal(emitYaml('x'), 'x\n');
});

void test('literal followed by a key returns to the mapping indent', () => {
  assert.equal(emitYaml(m(['a', 'x\n'], ['b', 'z'])), 'a: |\n    x\nb: z\n');
});

void test('a key over 128 bytes is written as an explicit key', () => {
  const key = 'k'.repeat(129);
  assert.equal(emitYaml(m([key, 'v'])), `? ${key}\n: v\n`);
});

void test('natural key sort: digit runs numeric, letters by code point', () => {
  const text = emitYaml(goMap([['region10', 'a'], ['region2', 'b'], ['b', 'c'], ['B', 'd'], ['a1', 'e'], ['a_', 'f']]));
  assert.equal(text, 'B: d\na_: f\na1: e\nb: c\nregion2: b\nregion10: a\n');
});

void test('literal under a key of a sequence-item mapping is indented to the next multiple of 4', () => {
  const text = emitYaml(m(['tools', [m(['name', 'x'], ['description', 'a\nb\n'])]]));
  assert.equal(text, 'tools:\n    - name: x\n      description: |\n        a\n        b\n');
});

void test('a multi-line key is written as an explicit literal key', () => {
  assert.equal(emitYaml(m(['a\nb', 'v'])), '? |-\n    a\n    b\n: v\n');
});
