// Reads a multi-document YAML (or JSON) text the way Kubernetes reads manifests: YAML 1.1 scalars
// (`yes`/`on` are booleans), merge keys, duplicate keys as errors. Timestamps and `!!binary` stay
// strings, as sigs.k8s.io/yaml leaves them when decoding into untyped JSON. The lexer -> parser ->
// composer pipeline is assembled by hand so the nesting guard sees every lexeme first.
import { Composer, Lexer, LineCounter, Parser, Schema } from 'yaml';
import type { Document, DocumentOptions, ParseOptions, ScalarTag, Tags } from 'yaml';
import { NestingGuard, ShapeLimitExceeded } from './nesting-guard.js';

const notKubernetes = new Set(['timestamp', 'binary', 'intTime', 'floatTime', 'tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary']);

function resolvedByKubernetes(tag: Tags[number]): boolean {
  if (typeof tag === 'string') return !notKubernetes.has(tag);
  return !notKubernetes.has(tag.tag) && tag.format !== 'TIME';
}

/**
 * Every implicit YAML 1.1 type other than str starts with a digit, a sign, `.`, `~`, `<` or one of
 * y/n/t/f/o (yes, no, true, false, on, off, null); a plain scalar starting with any other letter is
 * a string. Tried first, this spares most scalars a dozen regular expressions (a profiled hot spot).
 */
const surelyString: ScalarTag = {
  identify: () => false,
  default: true,
  tag: 'tag:yaml.org,2002:str',
  test: /^[a-eg-mp-su-xzA-EG-MP-SU-XZ]/,
  resolve: (str) => str,
};

/** YAML 1.1 core tags minus those sigs.k8s.io/yaml does not resolve; built once and shared. */
export const kubernetesSchema = new Schema({
  schema: 'yaml-1.1',
  customTags: (tags) => [surelyString, ...tags.filter(resolvedByKubernetes)],
});

export const yamlOptions: ParseOptions & DocumentOptions & { schema: Schema } = {
  version: '1.1',
  schema: kubernetesSchema,
  prettyErrors: false,
  // Duplicate keys are found by findDuplicateKeys in linear time (the library's check is quadratic).
  uniqueKeys: false,
};

/** What the stream yields: each composed document, then possibly the limit that stopped it. */
export type StreamItem = { readonly doc: Document.Parsed; readonly sawAlias: boolean } | { readonly stopped: ShapeLimitExceeded };

export interface YamlStream {
  /** Filled as the stream is read; positions of every yielded document are known when it is yielded. */
  readonly lineCounter: LineCounter;
  /** Lazy and single-pass, so a large file never holds more than a couple of document trees. */
  readonly items: Iterable<StreamItem>;
}

/** Feeds one lexeme through parser and composer; returns the documents it completed, if any. */
function step(parser: Parser, composer: Composer, lexeme: string | undefined): Document.Parsed[] | undefined {
  let done: Document.Parsed[] | undefined;
  for (const token of lexeme === undefined ? parser.end() : parser.next(lexeme)) {
    for (const doc of composer.next(token)) (done ??= []).push(doc);
  }
  return done;
}

/** Lexer -> guard -> parser -> composer in one loop (one generator fewer per lexeme than chaining them). */
function* compose(text: string, parser: Parser): Generator<StreamItem> {
  const guard = new NestingGuard();
  const composer = new Composer(yamlOptions);
  const item = (doc: Document.Parsed): StreamItem => ({ doc, sawAlias: guard.sawAlias });
  try {
    for (const lexeme of new Lexer().lex(text)) {
      guard.observe(lexeme, parser.offset);
      // sawAlias only grows and the lexer runs ahead of the composer, so it covers the yielded document.
      const done = step(parser, composer, lexeme);
      if (done !== undefined) yield* done.map(item);
    }
    yield* (step(parser, composer, undefined) ?? []).map(item);
  } catch (err) {
    if (!(err instanceof ShapeLimitExceeded)) throw err;
    // The last complete document first, then the error for the one the guard stopped in.
    yield* [...composer.end()].map(item);
    yield { stopped: err };
    return;
  }
  yield* [...composer.end()].map(item);
}

export function readYamlStream(text: string): YamlStream {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  return { lineCounter, items: compose(text, parser) };
}
