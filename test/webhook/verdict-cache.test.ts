// The verdict cache returns the engine's own result for an identical object, evicts the least
// recently used entry, and stays out of the way for huge, unserialisable or disabled cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ValidationResult } from '../../src/core/validate.js';
import { cachedValidate, maxCachedObjectChars } from '../../src/webhook/verdict-cache.js';

function counting(): { fn: (o: unknown) => ValidationResult; calls: () => number } {
  let n = 0;
  return {
    fn: (o) => {
      n += 1;
      return { object: o, findings: [], allowed: true };
    },
    calls: () => n,
  };
}

void describe('cachedValidate', () => {
  void it('judges an identical object once and returns the same result', () => {
    const engine = counting();
    const v = cachedValidate(engine.fn, 2);
    const first = v({ spec: { a: 1 } });
    assert.equal(v({ spec: { a: 1 } }), first);
    assert.equal(engine.calls(), 1);
    v({ spec: { a: 2 } });
    assert.equal(engine.calls(), 2);
    assert.deepEqual(v.stats(), { hits: 1, misses: 2, size: 2 });
  });

  void it('evicts the least recently used object', () => {
    const engine = counting();
    const v = cachedValidate(engine.fn, 2);
    v({ a: 1 });
    v({ a: 2 });
    v({ a: 1 }); // refresh a:1
    v({ a: 3 }); // evicts a:2
    v({ a: 1 });
    assert.equal(engine.calls(), 3);
    v({ a: 2 });
    assert.equal(engine.calls(), 4);
  });

  void it('does not cache when disabled, for huge objects, or when the object cannot be serialised', () => {
    const engine = counting();
    const off = cachedValidate(engine.fn, 0);
    off({ a: 1 });
    off({ a: 1 });
    const on = cachedValidate(engine.fn, 10);
    const huge = { a: 'x'.repeat(maxCachedObjectChars) };
    on(huge);
    on(huge);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    on(cyclic);
    assert.equal(engine.calls(), 5);
    assert.equal(on.stats().size, 0);
  });
});
