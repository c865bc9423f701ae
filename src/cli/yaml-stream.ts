// Reads a multi-document YAML (or JSON) text the way Kubernetes reads manifests: YAML 1.1 scalars
// (`yes`/`on` are booleans), merge keys, duplicate keys as errors. Timestamps and `!!binary` stay
// strings, as sigs.k8s.io/yaml leaves them when decoding into untyped JSON. The lexer -> parser ->
// composer pipeline is assembled by hand so the nesting guard sees every lexeme first.
import { Composer, Lexer, LineCounter, Parser, Schema } from 'yaml';
import type { CST, Document, DocumentOptions, ParseOptions, Tags } from 'yaml';
import { NestingGuard, NestingTooDeep } from './nesting-guard.js';

const notKubernetes = new Set(['timestamp', 'binary', 'intTime', 'floatTime', 'tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary']);

function resolvedByKubernetes(tag: Tags[number]): boolean {
  if (typeof tag === 'string') return !notKubernetes.has(tag);
  return !notKubernetes.has(tag.tag) && tag.format !== 'TIME';
}

/** YAML 1.1 core tags minus those sigs.k8s.io/yaml does not resolve; built once and shared. */
export const kubernetesSchema = new Schema({
  schema: 'yaml-1.1',
  customTags: (tags) => tags.filter(resolvedByKubernetes),
});

export const yamlOptions: ParseOptions & DocumentOptions & { schema: Schema } = {
  version: '1.1',
  schema: kubernetesSchema,
  prettyErrors: false,
  uniqueKeys: true,
};

export interface YamlStream {
  readonly lineCounter: LineCounter;
  /** Documents composed before the input ended (or before the guard stopped it). */
  readonly documents: readonly Document.Parsed[];
  /** Set when the input nests too deeply; documents from this one on are not composed. */
  readonly tooDeep: NestingTooDeep | undefined;
  readonly sawAlias: boolean;
}

function* tokens(text: string, parser: Parser, guard: NestingGuard): Generator<CST.Token> {
  for (const lexeme of new Lexer().lex(text)) {
    guard.observe(lexeme, parser.offset);
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}

export function readYamlStream(text: string): YamlStream {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const guard = new NestingGuard();
  const documents: Document.Parsed[] = [];
  const composer = new Composer(yamlOptions);
  let tooDeep: NestingTooDeep | undefined;
  try {
    for (const token of tokens(text, parser, guard)) documents.push(...composer.next(token));
  } catch (err) {
    if (!(err instanceof NestingTooDeep)) throw err;
    tooDeep = err;
  }
  // Flushes the last complete document, also when the guard stopped inside the next one.
  documents.push(...composer.end());
  return { lineCounter, documents, tooDeep, sawAlias: guard.sawAlias };
}
