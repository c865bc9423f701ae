// "did you mean" for misspelt keys: a case-insensitive match or a known key it begins (4+ characters) first, else the closest known key
// within an edit distance that scales with the length (2 for short keys, 3 from 12 characters).

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export function didYouMean(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const folded = known.find((k) => k.toLowerCase() === lower) ?? (lower.length >= 4 ? known.find((k) => k.toLowerCase().startsWith(lower)) : undefined);
  if (folded !== undefined) return folded;
  const budget = key.length >= 12 ? 3 : 2;
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d <= budget && (best === undefined || d < best.d)) best = { key: k, d };
  }
  return best?.key;
}
