// Abstract values for the cost model (cost-model.ts): what a CEL value can be at most, not what it
// is. A shape lists the kinds a value may have (a dyn value may have several) with an upper bound on
// each kind's size as cel-go measures it (traits.Sizer: code points of a string, elements of a list,
// entries of a map). Infinity means "no bound": the object under review is bounded only by the API
// server's request size, and every cost that depends on such a size is Infinity too, so an unguarded
// iteration can never look cheap.

export interface Shape {
  /** May be a bool, int, uint, double or null (cel-go's actualSize: 1). */
  readonly scalar?: true;
  /** May be a string of at most this many code points. */
  readonly str?: number;
  readonly list?: { readonly len: number; readonly elem: Shape };
  /** May be a map; `fields` refines the value shape of known keys (a JSON object's properties). */
  readonly map?: { readonly len: number; readonly key: Shape; readonly val: Shape; readonly fields?: Readonly<Record<string, Shape>> };
}

export const SCALAR: Shape = { scalar: true };
export const NOTHING: Shape = {};
export const str = (len: number): Shape => ({ str: len });

/** Any JSON value, of any size: what `x-kubernetes-preserve-unknown-fields` lets through. */
export const ANY_JSON: Shape = (() => {
  const list: { len: number; elem: Shape } = { len: Infinity, elem: NOTHING };
  const map: { len: number; key: Shape; val: Shape } = { len: Infinity, key: str(Infinity), val: NOTHING };
  const any: Shape = { scalar: true, str: Infinity, list, map };
  list.elem = any;
  map.val = any;
  return any;
})();

const maxOf = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

type MapShape = NonNullable<Shape['map']>;
type ListShape = NonNullable<Shape['list']>;

const fieldOrValue = (m: MapShape | undefined, k: string): Shape => m?.fields?.[k] ?? m?.val ?? NOTHING;

function joinFields(a: MapShape, b: MapShape): Readonly<Record<string, Shape>> | undefined {
  if (a.fields === undefined && b.fields === undefined) return undefined;
  const out: Record<string, Shape> = {};
  for (const k of new Set([...Object.keys(a.fields ?? {}), ...Object.keys(b.fields ?? {})])) out[k] = join(fieldOrValue(a, k), fieldOrValue(b, k));
  return out;
}

function joinList(a: ListShape | undefined, b: ListShape | undefined): ListShape | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return { len: Math.max(a.len, b.len), elem: join(a.elem, b.elem) };
}

function joinMap(a: MapShape | undefined, b: MapShape | undefined): MapShape | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const fields = joinFields(a, b);
  return { len: Math.max(a.len, b.len), key: join(a.key, b.key), val: join(a.val, b.val), ...(fields === undefined ? {} : { fields }) };
}

/** The least shape that covers both (a value that is one or the other). */
export function join(a: Shape, b: Shape): Shape {
  if (a === b || b === NOTHING) return a;
  if (a === NOTHING) return b;
  if (a === ANY_JSON || b === ANY_JSON) return ANY_JSON;
  return joinKinds(a, b);
}

function joinKinds(a: Shape, b: Shape): Shape {
  const list = joinList(a.list, b.list);
  const map = joinMap(a.map, b.map);
  const s = maxOf(a.str, b.str);
  return { ...(a.scalar === true || b.scalar === true ? { scalar: true } : {}), ...(s === undefined ? {} : { str: s }), ...(list === undefined ? {} : { list }), ...(map === undefined ? {} : { map }) };
}

/** cel-go's actualSize: Size() of a string, list or map, 1 for anything else; the largest the shape allows. */
export function sizeOf(s: Shape): number {
  return Math.max(s.scalar === true ? 1 : 0, s.str ?? 0, s.list?.len ?? 0, s.map?.len ?? 0);
}

/** The shape with `size()` at most `max` (what a passed `size(x) <= max` guard tells). */
export function capSize(s: Shape, max: number): Shape {
  return {
    ...s,
    ...(s.str === undefined ? {} : { str: Math.min(s.str, max) }),
    ...(s.list === undefined ? {} : { list: { ...s.list, len: Math.min(s.list.len, max) } }),
    ...(s.map === undefined ? {} : { map: { ...s.map, len: Math.min(s.map.len, max) } }),
  };
}

/** A path below a value: a field name, or `[*]` for what a comprehension ranges over (list elements, map keys). */
export type Step = string;
export const EVERY = '[*]';

/** `capSize` applied at `path` below `s`. */
export function narrow(s: Shape, path: readonly Step[], max: number): Shape {
  const [step, ...rest] = path;
  if (step === undefined) return capSize(s, max);
  if (step === EVERY) {
    return {
      ...s,
      ...(s.list === undefined ? {} : { list: { ...s.list, elem: narrow(s.list.elem, rest, max) } }),
      ...(s.map === undefined ? {} : { map: { ...s.map, key: narrow(s.map.key, rest, max) } }),
    };
  }
  if (s.map === undefined) return s;
  const field = s.map.fields?.[step] ?? s.map.val;
  return { ...s, map: { ...s.map, fields: { ...s.map.fields, [step]: narrow(field, rest, max) } } };
}

/** The shape of `s.field` (a JSON object's property, or any value of a map). */
export function fieldOf(s: Shape, field: string): Shape {
  if (s.map === undefined) return NOTHING;
  return s.map.fields?.[field] ?? s.map.val;
}

/** The shape of one element (list) or one value (map, any key). */
export function elementOf(s: Shape): Shape {
  const values = Object.values(s.map?.fields ?? {}).reduce(join, s.map?.val ?? NOTHING);
  return join(s.list?.elem ?? NOTHING, values);
}

/** What a comprehension's variable ranges over: list elements or map keys. */
export const iterationOf = (s: Shape): Shape => join(s.list?.elem ?? NOTHING, s.map?.key ?? NOTHING);

/** Iterations of a comprehension over `s`. */
export const lengthOf = (s: Shape): number => Math.max(s.list?.len ?? 0, s.map?.len ?? 0);

/**
 * Upper bound of k8s.io/apiserver's traversalCost (pkg/cel/library/cost.go): a string costs
 * floor(0.1 × bytes) (at most 4 bytes per code point here), a scalar 1, a list the sum over its
 * elements, a map the sum over keys and values. At least 1, so an empty shape is never free.
 */
export function traversalOf(s: Shape): number {
  if (lengthOf(s) === Infinity || s.str === Infinity) return Infinity;
  const strCost = s.str === undefined ? 0 : Math.ceil(4 * s.str * 0.1);
  const listCost = s.list === undefined ? 0 : s.list.len === 0 ? 0 : s.list.len * traversalOf(s.list.elem);
  const mapCost = s.map === undefined || s.map.len === 0 ? 0 : s.map.len * (traversalOf(s.map.key) + traversalOf(elementOf({ map: s.map })));
  return Math.max(1, strCost, listCost, mapCost);
}
