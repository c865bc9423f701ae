// Plain data the emitter understands: the shapes Go's yaml.v3 sees after reflection, nothing more.
// Struct-like mappings keep the order given; Go maps are sorted with yaml.v3's natural order.
import { naturalLess } from './natural-sort.js';

/** A Go float64 (free-form JSON numbers): printed with strconv.FormatFloat(f, 'g', -1, 64). */
export class Float64 {
  constructor(readonly value: number) {}
}

/** A block mapping whose entries are emitted in the given order (Go struct field order). */
export class YamlMap {
  constructor(readonly entries: ReadonlyArray<readonly [string, YamlNode]>) {}
}

/** number = Go int (must be an integer), bigint = int64, Float64 = float64, null = nil. */
export type YamlScalar = string | number | bigint | boolean | null | Float64;
export type YamlNode = YamlScalar | readonly YamlNode[] | YamlMap;

/** A Go map[string]T: keys sorted the way yaml.v3's encoder sorts them. */
export function goMap(entries: Iterable<readonly [string, YamlNode]>): YamlMap {
  const list = [...entries];
  list.sort((a, b) => (naturalLess(a[0], b[0]) ? -1 : naturalLess(b[0], a[0]) ? 1 : 0));
  return new YamlMap(list);
}

export function isYamlMap(node: YamlNode): node is YamlMap {
  return node instanceof YamlMap;
}
