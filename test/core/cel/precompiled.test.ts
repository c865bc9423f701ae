// The CRD's CEL texts ship pre-parsed (schemas/virtualmcpserver.cel.js): each stored AST must be
// exactly what parse() gives for its text, built fresh per call, and unknown texts must fall
// through to parse() (and so keep parse()'s error text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from '@bufbuild/cel';
import { precompiledAst } from '../../../src/core/cel/precompiled.js';
import { compiled } from '../../../src/core/cel/environment.js';

const root = new URL('../../../', import.meta.url);

type Validation = { rule: string; messageExpression?: string };
const textsOf = (list: Validation[]): string[] => list.flatMap((r) => [r.rule, ...(r.messageExpression === undefined ? [] : [r.messageExpression])]);

function celTexts(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => celTexts(n, into));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'x-kubernetes-validations') textsOf(v as Validation[]).forEach((t) => into.add(t));
      else celTexts(v, into);
    }
  }
  return into;
}

const texts = new Set<string>();
for (const v of ['v1alpha1', 'v1beta1']) celTexts(JSON.parse(readFileSync(new URL(`schemas/virtualmcpserver.${v}.json`, root), 'utf8')).schema, texts);

void test('every CEL text of the CRD is precompiled, and its AST equals parse() of the text', () => {
  assert.ok(texts.size >= 32, `expected the CRD's 32+ CEL texts, found ${texts.size}`);
  for (const text of texts) {
    const ast = precompiledAst(text);
    assert.ok(ast !== undefined, `not precompiled: ${text}`);
    assert.deepStrictEqual(ast, parse(text).expr, text);
  }
});

void test('each call builds a fresh AST (planning may not share or mutate one)', () => {
  const [text] = texts;
  const a = precompiledAst(text!);
  const b = precompiledAst(text!);
  assert.notEqual(a, b);
  assert.deepStrictEqual(a, b);
});

void test('texts outside the CRD are not in the table and still compile through parse()', () => {
  assert.equal(precompiledAst('self.x == 1 '), undefined);
  const c = compiled('1 + 2 == 3');
  assert.ok(c.ok && c.program({ self: null }) === true);
  const bad = compiled('self.(');
  assert.equal(bad.ok, false);
  let parseError = '';
  try {
    parse('self.(');
  } catch (e) {
    parseError = (e as Error).message;
  }
  assert.ok(!bad.ok && parseError !== '' && bad.error === parseError);
});
