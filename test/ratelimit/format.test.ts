import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanRate, humanSeconds, shortNumber } from '../../src/ratelimit/format.js';

void test('humanRate: the first unit where the rate is at least 1, and the next', () => {
  assert.equal(humanRate(10), '10/s = 600/min');
  assert.equal(humanRate(1 / 3), '20/min = 1,200/h');
  assert.equal(humanRate(1 / 3600), '1/h = 24/day');
  assert.equal(humanRate(1 / (30 * 86400)), '0.0333/day');
  assert.equal(humanRate(0), '0 (never refills)');
});

void test('humanSeconds and shortNumber', () => {
  assert.deepEqual([humanSeconds(2.333), humanSeconds(59.9988), humanSeconds(3597.12), humanSeconds(5400), humanSeconds(2_592_000), humanSeconds(Infinity)], ['2.33s', '1m', '59m57s', '1h30m', '30d', 'never']);
  assert.deepEqual([shortNumber(0.428571), shortNumber(1234.5), shortNumber(7), shortNumber(0.000278)], ['0.429', '1,235', '7', '0.000278']);
});
