// The pre-parsed CEL ASTs travel as JSON: encodeAst (generator) and decodeAst (run time) must give
// back a value deep-equal to the original for every value kind an AST can hold, and the generator
// must refuse anything else rather than store it wrongly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '@bufbuild/cel';
import { encodeAst } from '../../../scripts/cel-output.js';
import { decodeAst } from '../../../src/core/cel/precompiled.js';

const roundTrip = (v: unknown): unknown => decodeAst(JSON.stringify(encodeAst(v)));

void test('scalars, bigints, bytes, undefined, arrays and plain objects round-trip exactly', () => {
  for (const v of [0, -0, 1.5, -2, 1e300, NaN, Infinity, -Infinity, 'a"\n\u2028b', '$n', true, false, null, undefined, 12345678901234567890n, -3n]) {
    assert.ok(Object.is(roundTrip(v), v), String(v));
  }
  const nested = { a: [1n, { b: new Uint8Array([0, 255, 7]) }], 'odd key': { c: undefined }, d: [undefined, -0] };
  assert.deepStrictEqual(roundTrip(nested), nested);
  assert.ok('c' in (roundTrip(nested) as { 'odd key': object })['odd key'], 'an own undefined property stays an own property');
});

void test('a parsed AST with every literal kind round-trips', () => {
  const expr = parse("[1, 2u, -2, 3.5, -0.0, 'x', b'\\xff\\x00', true, null, {'k': self.a}, has(self.b), [x, y].exists(z, z > 1)]").expr;
  assert.deepStrictEqual(roundTrip(expr), expr);
});

void test('values that are not plain data are refused', () => {
  assert.throws(() => encodeAst(new Map()), /cannot encode \[object Map\]/);
  assert.throws(() => encodeAst({ when: new Date(0) }), /cannot encode \[object Date\]/);
  assert.throws(() => encodeAst([() => 1]), /cannot encode/);
});
