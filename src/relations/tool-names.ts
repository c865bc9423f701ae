// Can a call ever be keyed by a rate-limit tool name (RELATIONS.md c, e)? Under `prefix`, a name N
// matches workload w when N = expand(prefixFormat, w) + R and w can advertise R: R is an override
// target of w or not the source of a renaming override, and R passes w's visibility. Composite
// names match as they are. The answer is a verdict: matched, or the first reason it never matches.
import type { MessageIdOf } from '../core/rules/report.js';
import { didYouMean } from '../core/rules/did-you-mean.js';
import type { Aggregation, ToolEntry } from './aggregation.js';

export type Unmatched = { readonly messageId: Exclude<MessageIdOf<'ratelimit-tool-unmatched'>, 'hint'>; readonly data: Readonly<Record<string, string>> };

/** Why the entry hides R (rename without a tool renamed to R, excludeAll, filter), or undefined. */
function hiddenByEntry(e: ToolEntry, workload: string, r: string): Unmatched | undefined {
  const renamed = e.renames.get(r);
  if (renamed !== undefined && !e.targets.has(r)) return { messageId: 'renamed', data: { workload, original: r, renamed } };
  if (e.excludeAll) return { messageId: 'excluded', data: { workload } };
  if (e.filter !== undefined && !e.filter.includes(r)) return { messageId: 'filtered', data: { workload, original: r } };
  return undefined;
}

/** Why workload `w` never advertises the post-override name R, or undefined when it does. */
function hidden(agg: Aggregation, workload: string, r: string): Unmatched | undefined {
  if (agg.excludeAllTools) return { messageId: 'excludedAll', data: {} };
  const e = agg.entries.get(workload);
  if (e !== undefined) return hiddenByEntry(e, workload, r);
  return agg.defaultDeny ? { messageId: 'denied', data: { workload } } : undefined;
}

/** undefined when some call can carry `name`; else why none can. */
export function unmatched(agg: Aggregation, name: string): Unmatched | undefined {
  if (agg.composites.has(name)) return undefined;
  let reason: Unmatched | undefined;
  for (let i = 0; i < agg.workloads.length; i++) {
    const w = agg.workloads[i]!;
    const prefix = agg.prefixes[i]!;
    if (!name.startsWith(prefix)) continue;
    const r = name.slice(prefix.length);
    if (r === '') return undefined; // a bare prefix: left out (RELATIONS.md e)
    const why = hidden(agg, w, r);
    if (why === undefined) return undefined;
    reason ??= why;
  }
  return reason ?? { messageId: 'noName', data: {} };
}

/** Names a workload surely advertises: its filter items and override targets, prefixed. */
function knownNames(agg: Aggregation, w: string, prefix: string): string[] {
  const e = agg.entries.get(w);
  const names = [...(e?.filter ?? []), ...(e?.targets ?? [])];
  return names.filter((r) => hidden(agg, w, r) === undefined).map((r) => prefix + r);
}

/** `prefix + tail` for a prefix written a little wrong (`githb_create_issue` -> `github_create_issue`): cut where the prefix's last character is. */
function reprefixed(prefix: string, name: string): string[] {
  const out: string[] = [];
  for (let cut = Math.max(1, prefix.length - 2); cut <= Math.min(name.length - 1, prefix.length + 2); cut++) {
    const head = name.slice(0, cut);
    if (head !== prefix && head.endsWith(prefix.slice(-1)) && didYouMean(head, [prefix]) !== undefined) out.push(prefix + name.slice(cut));
  }
  return out;
}

const canMatch = (agg: Aggregation, names: readonly string[], name: string): string[] => [...new Set(names)].filter((n) => n !== name && unmatched(agg, n) === undefined);

/** Up to three names that can match, closest first: a renamed tool's new name or a near prefix, else the name under a workload's prefix, else a near known name. */
export function closestNames(agg: Aggregation, name: string): string[] {
  const near: string[] = [];
  const prefixed: string[] = [];
  const known: string[] = [...agg.composites];
  agg.workloads.forEach((w, i) => {
    const prefix = agg.prefixes[i]!;
    const renamed = name.startsWith(prefix) ? agg.entries.get(w)?.renames.get(name.slice(prefix.length)) : undefined;
    if (renamed !== undefined) near.push(prefix + renamed);
    near.push(...reprefixed(prefix, name));
    prefixed.push(prefix + name);
    known.push(...knownNames(agg, w, prefix));
  });
  const fits = canMatch(agg, near, name);
  const direct = fits.length > 0 ? fits : canMatch(agg, prefixed, name);
  if (direct.length > 0) return direct.slice(0, 3);
  const close = didYouMean(name, known);
  return close === undefined ? [] : [close];
}
