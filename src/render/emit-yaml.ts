// Plain data -> text byte-identical to Go gopkg.in/yaml.v3 v3.0.1 yaml.Marshal: 4-space indent
// (a block inside a sequence item only 2 deeper), yaml.v3's quoting decisions, literal blocks
// for multi-line strings, flow {} / [] for empty collections, unlimited width, one final newline.
// Independent of VirtualMCPServer: knows only YamlNode (see yaml-node.ts).
import { formatGoFloat } from './go-float.js';
import { canUsePlain } from './resolve-plain.js';
import { analyzeScalar, type ScalarAnalysis } from './scalar-analysis.js';
import { writeScalar, type ScalarStyle } from './scalar-styles.js';
import { Float64, YamlMap, type YamlNode } from './yaml-node.js';
import { YamlWriter } from './yaml-writer.js';
import { utf8Length } from '../core/utf8-length.js';

const BEST_INDENT = 4;
/** Where a node sits: its parent's indent, whether it is a sequence item, whether it is a simple key. */
interface Place {
  readonly indent: number;
  readonly inSequence: boolean;
  readonly simpleKey: boolean;
}

/** libyaml increase_indent: first level 0 (or 4 for a flow/scalar root), +2 inside "- ", else next multiple of 4. */
function childIndent(place: Place, flow: boolean): number {
  if (place.indent < 0) return flow ? BEST_INDENT : 0;
  if (place.inSequence) return place.indent + 2;
  return BEST_INDENT * Math.floor((place.indent + BEST_INDENT) / BEST_INDENT);
}

/** The encoder's requested style and text for a scalar (stringv / intv / floatv / boolv / nilv). */
function encodeScalar(node: Exclude<YamlNode, YamlMap | readonly YamlNode[]>): { text: string; requested: ScalarStyle } {
  if (typeof node === 'string') {
    if (node.includes('\n')) return { text: node, requested: 'literal' };
    return { text: node, requested: canUsePlain(node) ? 'plain' : 'double' };
  }
  if (node === null) return { text: 'null', requested: 'plain' };
  if (node instanceof Float64) return { text: formatGoFloat(node.value), requested: 'plain' };
  // String() is exact for safe integers; beyond 2^53 it rounds digits, so BigInt spells those.
  if (typeof node === 'number') return { text: Number.isSafeInteger(node) ? String(node) : BigInt(node).toString(), requested: 'plain' };
  return { text: String(node), requested: 'plain' };
}

/** libyaml select_scalar_style for block context (flow level is always 0 for non-empty content). */
function selectStyle(text: string, requested: ScalarStyle, simpleKey: boolean): ScalarStyle {
  const a = analyzeScalar(text);
  if (simpleKey && a.multiline) return 'double';
  if (requested === 'literal') return a.block && !simpleKey ? 'literal' : 'double';
  return requested === 'double' ? 'double' : plainOrQuoted(a, text === '' && simpleKey);
}

function plainOrQuoted(a: ScalarAnalysis, emptyKey: boolean): ScalarStyle {
  if (a.blockPlain && !emptyKey) return 'plain';
  return a.singleQuoted ? 'single' : 'double';
}

function emitScalar(w: YamlWriter, node: Exclude<YamlNode, YamlMap | readonly YamlNode[]>, place: Place): void {
  const { text, requested } = encodeScalar(node);
  writeScalar(w, text, selectStyle(text, requested, place.simpleKey), childIndent(place, true));
}

/** Style decisions for mapping keys: struct keys are a fixed vocabulary, so they are memoised (bounded). */
const keyStyles = new Map<string, { style: ScalarStyle; simple: boolean }>();

function keyStyle(key: string): { style: ScalarStyle; simple: boolean } {
  let hit = keyStyles.get(key);
  if (hit === undefined) {
    const simple = isSimpleKey(key);
    hit = { simple, style: simple ? selectStyle(key, encodeScalar(key).requested, true) : 'plain' };
    if (keyStyles.size < 4096) keyStyles.set(key, hit);
  }
  return hit;
}

/** libyaml check_simple_key: single-line and at most 128 bytes. */
function isSimpleKey(key: string): boolean {
  return !analyzeScalar(key).multiline && utf8Length(key) <= 128;
}

function emitMapping(w: YamlWriter, map: YamlMap, place: Place): void {
  if (map.entries.length === 0) {
    w.writeIndicator('{', true, true, false);
    w.writeIndicator('}', false, false, false);
    return;
  }
  const indent = childIndent(place, false);
  const inner: Place = { indent, inSequence: false, simpleKey: false };
  for (const [key, value] of map.entries) {
    w.writeIndent(indent);
    const ks = keyStyle(key);
    if (ks.simple) {
      writeScalar(w, key, ks.style, childIndent(inner, true));
      w.writeIndicator(':', false, false, false);
    } else {
      w.writeIndicator('?', true, false, true);
      emitScalar(w, key, inner);
      w.writeIndent(indent);
      w.writeIndicator(':', true, false, true);
    }
    emitNode(w, value, inner);
  }
}

function emitSequence(w: YamlWriter, items: readonly YamlNode[], place: Place): void {
  if (items.length === 0) {
    w.writeIndicator('[', true, true, false);
    w.writeIndicator(']', false, false, false);
    return;
  }
  const indent = childIndent(place, false);
  for (const item of items) {
    w.writeIndent(indent);
    w.writeIndicator('-', true, false, true);
    emitNode(w, item, { indent, inSequence: true, simpleKey: false });
  }
}

function emitNode(w: YamlWriter, node: YamlNode, place: Place): void {
  if (node instanceof YamlMap) emitMapping(w, node, place);
  else if (Array.isArray(node)) emitSequence(w, node as readonly YamlNode[], place);
  else emitScalar(w, node as Exclude<YamlNode, YamlMap | readonly YamlNode[]>, place);
}

/** One YAML document exactly as yaml.v3's Marshal writes it (no `---`, one trailing newline). */
export function emitYaml(root: YamlNode): string {
  const w = new YamlWriter();
  emitNode(w, root, { indent: -1, inSequence: false, simpleKey: false });
  w.writeIndent(0);
  return w.toString();
}
