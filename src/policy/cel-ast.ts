// The parsed CEL syntax tree the cost model reads: the parts of cel.expr.Expr (cel-spec
// syntax.proto, macros expanded) it needs, as plain structural types. The policy's own parser
// (cel-parse.ts) builds it; so does @bufbuild/cel's parse() (the tests use both), so policy never
// links a CEL engine.

type Constant =
  | { readonly case: 'stringValue'; readonly value: string }
  | { readonly case: 'int64Value' | 'uint64Value'; readonly value: bigint }
  | { readonly case: 'bytesValue'; readonly value: Uint8Array }
  | { readonly case: string | undefined; readonly value?: unknown };

type MapKey = { readonly case: 'mapKey'; readonly value: CelAst } | { readonly case: 'fieldKey'; readonly value: string } | { readonly case: undefined; readonly value?: undefined };

export interface CelComprehension {
  readonly iterVar: string;
  readonly iterRange?: CelAst;
  readonly accuVar: string;
  readonly accuInit?: CelAst;
  readonly loopCondition?: CelAst;
  readonly loopStep?: CelAst;
  readonly result?: CelAst;
}

export interface CelAst {
  readonly exprKind:
    | { readonly case: 'constExpr'; readonly value: { readonly constantKind: Constant } }
    | { readonly case: 'identExpr'; readonly value: { readonly name: string } }
    | { readonly case: 'selectExpr'; readonly value: { readonly operand?: CelAst; readonly field: string; readonly testOnly: boolean } }
    | { readonly case: 'callExpr'; readonly value: { readonly target?: CelAst; readonly function: string; readonly args: readonly CelAst[] } }
    | { readonly case: 'listExpr'; readonly value: { readonly elements: readonly CelAst[] } }
    | { readonly case: 'structExpr'; readonly value: { readonly entries: readonly { readonly keyKind: MapKey; readonly value?: CelAst }[] } }
    | { readonly case: 'comprehensionExpr'; readonly value: CelComprehension }
    | { readonly case: undefined; readonly value?: undefined };
}

/** Parses CEL source text into the syntax tree (macros expanded); throws on a syntax error. */
export type CelParser = (text: string) => CelAst;

/** The direct sub-expressions of `e` (a comprehension's in field order: range, init, condition, step, result). */
export function childrenOf(e: CelAst): readonly (CelAst | undefined)[] {
  const k = e.exprKind;
  switch (k.case) {
    case 'selectExpr':
      return [k.value.operand];
    case 'callExpr':
      return [k.value.target, ...k.value.args];
    case 'listExpr':
      return k.value.elements;
    case 'structExpr':
      return k.value.entries.flatMap((en) => [en.keyKind.case === 'mapKey' ? en.keyKind.value : undefined, en.value]);
    case 'comprehensionExpr':
      return [k.value.iterRange, k.value.accuInit, k.value.loopCondition, k.value.loopStep, k.value.result];
    default:
      return [];
  }
}
