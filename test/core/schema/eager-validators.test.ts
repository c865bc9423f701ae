// eagerValidators only re-spells ajv's standalone output (function declarations become
// parenthesized function expressions, exports move below them): the rewritten module must
// validate exactly like the original, and output it does not recognise must be refused.
// The sample schemas avoid keywords needing ajv runtime helpers (require() in raw output).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
import { eagerValidators } from '../../../scripts/eager-validators.js';
import { validatorsFile } from '../../../scripts/schema-output.js';

type Validate = ((d: unknown) => boolean) & { errors?: unknown };
const load = async (code: string): Promise<Record<string, Validate>> =>
  (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, Validate>;

const schemaA = { type: 'object', required: ['a'], properties: { a: { type: 'string', pattern: '^o' }, n: { type: 'integer', maximum: 3 } } };
const schemaB = { type: 'array', items: { enum: ['x', 'y'] }, maxItems: 2 };

function ajvOutput(): string {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, lines: true } });
  ajv.addSchema(schemaA, 'a');
  ajv.addSchema(schemaB, 'b');
  return standalone.default.default(ajv, { validate0: 'a', validate1: 'b' });
}

void test('the rewritten module validates and reports errors exactly like ajv output', async () => {
  const original = ajvOutput();
  const eager = eagerValidators(original);
  assert.notEqual(eager, original);
  assert.doesNotMatch(eager, /^function validate\d+\(/m);
  const [a, b] = [await load(original), await load(eager)];
  const inputs = [{ a: 'ok', n: 1 }, { a: 'x', n: 9 }, {}, 'str', ['x'], ['x', 'z', 'y'], null];
  for (const name of ['validate0', 'validate1']) {
    for (const input of inputs) {
      assert.equal(b[name]!(input), a[name]!(input), `${name} ${JSON.stringify(input)}`);
      assert.deepStrictEqual(b[name]!.errors, a[name]!.errors, `${name} ${JSON.stringify(input)}`);
    }
  }
});

void test('the committed validators module is already in eager form', () => {
  const code = readFileSync(new URL(`../../../schemas/${validatorsFile}`, import.meta.url), 'utf8');
  assert.doesNotMatch(code, /^function validate\d+\(/m);
  assert.match(code, /^const validate\d+ = \(function validate\d+\(/m);
});

void test('output it does not recognise is refused, not half-rewritten', () => {
  assert.throws(() => eagerValidators('const x = 1;'), /no validator exports/);
  assert.throws(() => eagerValidators('export const validate0 = validate1;\nfunction validate1(data){\nreturn true;\n}'), /no end for the function at line 2/);
});
