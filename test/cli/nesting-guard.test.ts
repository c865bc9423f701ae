import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lexer } from 'yaml';
import { maxDocumentLexemes, maxNesting, NestingGuard, ShapeLimitExceeded } from '../../src/cli/nesting-guard.js';

/** Feeds a text's lexemes to a fresh guard; returns the offset it stopped at (negated for the size limit), or undefined. */
function stopsAt(text: string): number | undefined {
  const guard = new NestingGuard();
  let offset = 0;
  try {
    for (const lexeme of new Lexer().lex(text)) {
      guard.observe(lexeme, offset);
      if (lexeme.length > 1 || lexeme.charCodeAt(0) >= 0x20 || lexeme === '\n') offset += lexeme.length;
    }
  } catch (err) {
    assert.ok(err instanceof ShapeLimitExceeded);
    return err.rule === 'yaml-too-deep' ? err.offset : -err.offset;
  }
  return undefined;
}

void test('flow depth is counted exactly; brackets inside scalars do not count', () => {
  assert.equal(stopsAt(`a: ${'['.repeat(maxNesting)}${']'.repeat(maxNesting)}`), undefined);
  assert.equal(stopsAt(`a: ${'['.repeat(maxNesting + 1)}`), 3 + maxNesting);
  assert.equal(stopsAt(`a: "${'['.repeat(500)}"\nb: x${'{'.repeat(500)}\nc: |\n  ${'['.repeat(500)}\n`), undefined);
});

void test('block nesting is bounded by indentation plus indicators on a line; documents reset flow depth', () => {
  // Indentation and the `:` indicator both count.
  assert.equal(stopsAt(`${' '.repeat(maxNesting - 1)}a: 1\n`), undefined);
  assert.equal(stopsAt(`${' '.repeat(maxNesting)}a: 1\n`), maxNesting + 1);
  assert.equal(stopsAt(`${'- '.repeat(maxNesting)}x\n`), undefined);
  assert.notEqual(stopsAt(`${'- '.repeat(maxNesting + 1)}x\n`), undefined);
  assert.equal(stopsAt(`${'['.repeat(100)}\n---\n${'['.repeat(100)}\n`), undefined);
});

void test('the guard records whether aliases appear', () => {
  const guard = new NestingGuard();
  for (const lexeme of new Lexer().lex('a: &x 1\nb: *x\n')) guard.observe(lexeme, 0);
  assert.equal(guard.sawAlias, true);
});

void test('a document with too many tokens is stopped; the count restarts at each document', () => {
  const items = Math.ceil(maxDocumentLexemes / 3);
  assert.ok((stopsAt(`a: [${'1,'.repeat(items)}1]\n`) ?? 0) < 0);
  const half = `a: [${'1,'.repeat(Math.floor(items / 3))}1]\n`;
  assert.equal(stopsAt(`${half}---\n${half}---\n${half}`), undefined);
});
