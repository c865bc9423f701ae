// literal() renders parsed CEL ASTs as JS source; every value kind an AST can hold must come back
// deep-equal when the source is evaluated, and anything else must be refused, not mis-rendered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInThisContext } from 'node:vm';
import { parse } from '@bufbuild/cel';
import { literal } from '../../../scripts/cel-output.js';

/** Evaluated in this realm, so objects share Object.prototype with the originals. */
const roundTrip = (v: unknown): unknown => runInThisContext(`(${literal(v)})`) as unknown;

void test('scalars, bigints, bytes, arrays and plain objects round-trip exactly', () => {
  for (const v of [0, -0, 1.5, -2, NaN, Infinity, -Infinity, 'a"\n\u2028b', true, false, null, undefined, 12345678901234567890n, -3n]) {
    assert.ok(Object.is(roundTrip(v), v), String(v));
  }
  const nested = { a: [1n, { b: new Uint8Array([0, 255, 7]) }], 'odd key': { c: undefined } };
  assert.deepStrictEqual(roundTrip(nested), nested);
});

void test('a parsed AST with every literal kind round-trips', () => {
  const expr = parse("[1, 2u, -2, 3.5, -0.0, 'x', b'\\xff\\x00', true, null, {'k': self.a}, has(self.b), [x, y].exists(z, z > 1)]").expr;
  assert.deepStrictEqual(roundTrip(expr), expr);
});

void test('values that are not plain data are refused', () => {
  assert.throws(() => literal(new Map()), /cannot render \[object Map\]/);
  assert.throws(() => literal(new Date(0)), /cannot render/);
  assert.throws(() => literal(() => 1), /cannot render/);
});
