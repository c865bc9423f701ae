// Message templates: a rule's `messages` hold the one copy of each text, with `{name}` slots.

export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Kubernetes sends warnings as single header lines; keep them short and on one line. */
export const MAX_WARNING_LENGTH = 120;

/** Rates and sizes for messages: at most 3 significant digits, no exponent for everyday values. */
export function shortNumber(n: number): string {
  if (n === 0) return '0';
  if (Math.abs(n) >= 1e6 || Math.abs(n) < 1e-4) return n.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(n.toPrecision(3)));
}
