// Which strings yaml.v3 must quote because its resolver would read them back as another type
// (gopkg.in/yaml.v3 resolve.go rules + the YAML 1.1 booleans and base-60 floats it still quotes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canUsePlain } from '../../src/render/resolve-plain.js';
import { isTimestamp } from '../../src/render/timestamp.js';

const quoted = [
  '', '~', 'null', 'Null', 'NULL', 'true', 'TRUE', 'False', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'NO', 'on', 'On', 'ON', 'off', 'OFF',
  '0', '7', '-0', '+1', '-12', '0777', '0x1F', '0X1f', '-0x1F', '0o17', '0b101', '0b-1', '0o+7', '1_000', '1__0', '1_', '18446744073709551615', '18446744073709551616',
  '1.0', '1.', '.5', '-.5', '1e3', '1E-3', '+1.5e+10', '08', '09.5', '.inf', '-.Inf', '+.INF', '.nan', '.NaN',
  '1:20', '-1:20:30', '190:20:30.15', '2024-01-02', '2024-1-2', '2024-02-29', '2001-12-14t21:59:43.10Z', '2001-12-14T21:59:43+05:30',
  '2001-12-14 21:59:43.10', '2001-12-14 21:59:43,5',
];
const plain = [
  'hello', 'yEs', 'nO', 'True1', 'nulls', '~x', '<<', '0x', '0xG', '0b2', '1e', 'e3', '1.2.3', '_1', '.', '..', '.e3', '1e400',
  '1:60', '1:2:3:a', '2024-02-30', '2023-02-29', '2024-13-01', '2024-01-02x', '2024-01-02T25:00:00Z', '12024-01-02',
  '2024-01-02 10:00', '1m0s', 'v1.2', '-', '+', '-x', 'a:b',
];

for (const s of quoted) void test(`needs quotes: ${JSON.stringify(s)}`, () => assert.equal(canUsePlain(s), false));
for (const s of plain) void test(`resolver keeps a string: ${JSON.stringify(s)}`, () => assert.equal(canUsePlain(s), true));

void test('timestamps: Go time.Parse range checks (leap years, days per month, hours)', () => {
  assert.equal(isTimestamp('2000-02-29'), true);
  assert.equal(isTimestamp('1900-02-29'), false);
  assert.equal(isTimestamp('2024-04-31'), false);
  assert.equal(isTimestamp('2024-04-30 23:59:59'), true);
  assert.equal(isTimestamp('2024-04-30 24:00:00'), false);
});
