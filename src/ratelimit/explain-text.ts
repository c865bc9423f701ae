// The text form of `explain`: per server a bucket table, the one-user-one-tool table and the notes.
import type { EffectiveLimit, ExplainedBucket, ExplainedServer, Explanation } from './explain.js';
import { humanRate, humanSeconds, shortNumber, table } from './format.js';

function bucketRow(b: ExplainedBucket): string[] {
  const refill = b.refillFromEmptySeconds === null ? 'never' : humanSeconds(b.refillFromEmptySeconds);
  return [b.id, b.meters, shortNumber(b.maxTokens), `${b.refillPeriod}`, humanRate(b.ratePerSecond), refill, `${b.retryAfterSeconds}s`];
}

function limitRow(l: EffectiveLimit): string[] {
  const name = l.tool ?? '(any other tool)';
  if (l.burst === null || l.ratePerSecond === null) return [name, 'unlimited', '-', '-'];
  return [name, shortNumber(l.burst), humanRate(l.ratePerSecond), l.limitedBy ?? '-'];
}

function serverText(s: ExplainedServer): string {
  const head = `VirtualMCPServer ${s.namespace}/${s.name}: incomingAuth ${s.incomingAuth}, Redis keys ${s.keyPrefix}<bucket>\n`;
  if (!s.rateLimiting) return `${head}${s.notes.map((n) => `  ${n.text}\n`).join('')}`;
  const buckets = table([['BUCKET', 'METERS', 'BURST', 'PERIOD', 'RATE', 'REFILL FROM EMPTY', 'RETRY-AFTER'], ...s.buckets.map(bucketRow)]);
  const limits = table([['ONE USER CALLING', 'BURST', 'STEADY RATE', 'LIMITED BY'], ...s.oneUserOneTool.map(limitRow)]);
  const notes = s.notes.map((n) => `  - ${n.text}\n`).join('');
  return `${head}\n${indent(buckets)}\n${indent(limits)}\nNotes:\n${notes}`;
}

const indent = (text: string): string => text.replace(/^(?=.)/gm, '  ');

export function explainText(e: Explanation): string {
  return e.servers.map(serverText).join('\n');
}
