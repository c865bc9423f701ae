// `--namespace-selector` text (kubectl's label-selector syntax) as a metav1.LabelSelector:
// `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`, comma-separated.

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** Top-level commas only (not those inside `(...)`). */
function terms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((t) => t.trim());
}

type Term = { readonly label: readonly [string, string] } | { readonly expression: LabelSelectorRequirement };

function term(t: string): Term | undefined {
  let m = /^([\w./-]+)\s*(==|=)\s*([\w.-]*)$/.exec(t);
  if (m !== null) return { label: [m[1]!, m[3]!] };
  m = /^([\w./-]+)\s*!=\s*([\w.-]*)$/.exec(t);
  if (m !== null) return { expression: { key: m[1]!, operator: 'NotIn', values: [m[2]!] } };
  m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(t);
  if (m !== null) return { expression: { key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3]!.split(',').map((v) => v.trim()) } };
  m = /^(!?)([\w./-]+)$/.exec(t);
  if (m !== null) return { expression: { key: m[2]!, operator: m[1] === '!' ? 'DoesNotExist' : 'Exists' } };
  return undefined;
}

/** The selector, or an error naming the term that is not selector syntax. */
export function parseLabelSelector(text: string): { readonly selector: LabelSelector } | { readonly error: string } {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const t of terms(text)) {
    const parsed = term(t);
    if (parsed === undefined) return { error: `not a label selector term: ${JSON.stringify(t)}` };
    if ('label' in parsed) matchLabels[parsed.label[0]] = parsed.label[1];
    else matchExpressions.push(parsed.expression);
  }
  return {
    selector: {
      ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
      ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
    },
  };
}
