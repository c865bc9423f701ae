import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { utf8Length, utf8MaxLength } from '../../src/core/utf8-length.js';

void test('utf8Length counts UTF-8 bytes as Go does, lone surrogates as U+FFFD', () => {
  const samples = ['', 'ascii', 'é', '€', '😀', 'a😀b€é', '\ud800', 'x\udc00y', '\ud83d\ude00\ud83d'];
  for (const s of samples) {
    assert.equal(utf8Length(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
    assert.ok(utf8Length(s) <= utf8MaxLength(s), JSON.stringify(s));
  }
});
