// Field paths rendered exactly like k8s.io/apimachinery/pkg/util/validation/field.Path:
// `spec.config.rateLimiting.tools[1].name`; map keys print as `.key` like the API server does.

export type PathSegment = string | number;

export class FieldPath {
  private constructor(readonly segments: readonly PathSegment[]) {}

  static root(name?: string): FieldPath {
    return new FieldPath(name === undefined ? [] : [name]);
  }

  static of(segments: readonly PathSegment[]): FieldPath {
    return new FieldPath([...segments]);
  }

  /** Converts an ajv/JSON-pointer instancePath (`/spec/config/tools/2`) into a FieldPath. */
  static fromJsonPointer(pointer: string): FieldPath {
    if (pointer === '') return new FieldPath([]);
    const parts = pointer
      .slice(1)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    return new FieldPath(parts.map((p) => (/^(0|[1-9]\d*)$/.test(p) ? Number(p) : p)));
  }

  child(name: string): FieldPath {
    return new FieldPath([...this.segments, name]);
  }

  index(i: number): FieldPath {
    return new FieldPath([...this.segments, i]);
  }

  /** A map key; printed like a child (`.key`), as the API server prints map keys. */
  key(k: string): FieldPath {
    return this.child(k);
  }

  get parent(): FieldPath | undefined {
    return this.segments.length === 0 ? undefined : new FieldPath(this.segments.slice(0, -1));
  }

  toString(): string {
    let out = '';
    for (const s of this.segments) {
      if (typeof s === 'number') out += `[${s}]`;
      else out += out === '' ? s : `.${s}`;
    }
    return out;
  }
}
