// Bounds how deeply a YAML text nests, and how many tokens one document has, before the yaml
// library builds anything from it. A document of millions of tiny flow items costs ~0.5 KB of
// tree per token (gigabytes for a 32 MiB line). Past ~900 levels the composer overflows the stack, and on V8 a stack overflow that lands inside
// regexp compilation aborts the whole process, so the only safe defence is to stop earlier.
// Works on lexemes (the Lexer is iterative): flow depth is exact; block depth is bounded by
// indentation plus block indicators on a line (a nested block collection needs one or the other).

import type { InputProblem } from './input-problem.js';

/** Limit for flow depth and for indentation-plus-indicators; real depth stays far below overflow. */
export const maxNesting = 128;

/** Lexemes per document (a VirtualMCPServer has a few hundred); about 400 MB of tree at the limit. */
export const maxDocumentLexemes = 1_000_000;

const scalarMarker = '\u001f';

/** Lexer-internal markers (document mode, flow error end) and a BOM take no column. */
const isControl = (lexeme: string): boolean =>
  lexeme.length === 1 && lexeme !== '\n' && lexeme !== '\r' && lexeme !== scalarMarker && (lexeme < ' ' || lexeme === '\uFEFF');

export type ShapeRule = 'yaml-too-deep' | 'yaml-document-too-large';

/** The problem each limit reports (texts in core/rules/input-rules.ts). */
const problems: { readonly [R in ShapeRule]: InputProblem<R> } = {
  'yaml-too-deep': { rule: 'yaml-too-deep', messageId: 'tooDeep', data: { limit: maxNesting } },
  'yaml-document-too-large': { rule: 'yaml-document-too-large', messageId: 'tooLarge', data: { limit: maxDocumentLexemes } },
};

export class ShapeLimitExceeded extends Error {
  readonly problem: InputProblem<ShapeRule>;

  constructor(
    readonly rule: ShapeRule,
    readonly offset: number,
  ) {
    super(`${rule} at offset ${offset}`);
    this.problem = problems[rule];
  }
}

/** Observes lexemes in order; throws ShapeLimitExceeded at the first lexeme past a limit. */
export class NestingGuard {
  private lexemes = 0;
  private flow = 0;
  private lineScore = 0;
  private atLineStart = true;
  private afterScalarMarker = false;
  /** Whether an alias was seen: aliases can make decoded data deeper than its text. */
  sawAlias = false;

  /** `start` is the lexeme's offset in the source, for the error position. */
  observe(lexeme: string, start: number): void {
    if (++this.lexemes > maxDocumentLexemes) throw new ShapeLimitExceeded('yaml-document-too-large', start);
    if (isControl(lexeme)) return;
    if (this.afterScalarMarker) {
      this.afterScalarMarker = false;
      this.atLineStart = lexeme.endsWith('\n');
      return;
    }
    this.classify(lexeme, start);
  }

  private classify(lexeme: string, start: number): void {
    const wasLineStart = this.atLineStart;
    this.atLineStart = false;
    switch (lexeme[0]) {
      case scalarMarker:
        this.afterScalarMarker = true;
        return;
      case '\n':
      case '\r':
        this.atLineStart = true;
        this.lineScore = 0;
        return;
      case ' ':
        if (wasLineStart) this.bump(lexeme.length, start);
        return;
      case '-':
        if (lexeme === '---') this.documentStart();
        else if (lexeme === '-') this.bump(1, start);
        return;
      default:
        this.other(lexeme, start);
    }
  }

  private other(lexeme: string, start: number): void {
    if (lexeme === '?' || lexeme === ':') this.bump(1, start);
    else if (lexeme === '[' || lexeme === '{') this.check(++this.flow, start);
    else if (lexeme === ']' || lexeme === '}') this.flow = Math.max(0, this.flow - 1);
    else if (lexeme[0] === '*') this.sawAlias = true;
    else if (lexeme === '...') this.documentStart();
  }

  private bump(by: number, start: number): void {
    this.lineScore += by;
    this.check(this.lineScore, start);
  }

  private check(value: number, start: number): void {
    if (value > maxNesting) throw new ShapeLimitExceeded('yaml-too-deep', start);
  }

  private documentStart(): void {
    this.flow = 0;
    this.lexemes = 0;
  }
}
