// The text and JSON forms of `simulate`. JSON is exactly
// {"version":1,"calls":[{t,tool,user,allowed,bucket?,retryAfterSeconds?}],"summary":{...}},
// written in pieces so a long trace never has to be held as one string.
import { humanSeconds, shortNumber, table } from './format.js';
import type { CallResult, Summary } from './simulate.js';

export const callJson = (r: CallResult): string => JSON.stringify(r);

export const JSON_HEAD = '{"version":1,"calls":[';
export const jsonTail = (summary: Summary): string => `],"summary":${JSON.stringify(summary)}}\n`;

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
const seconds = (t: number): string => `${shortNumber(t)}s`;
const who = (user: string): string => (user === '' ? '(no identity)' : user);

function header(s: Summary): string {
  const span = s.firstT === null || s.lastT === null ? '' : ` over ${humanSeconds(s.lastT - s.firstT)} (t=${seconds(s.firstT)} to ${seconds(s.lastT)})`;
  return `${s.calls} calls${span}: ${s.allowed} allowed, ${s.rejected} rejected (${percent(s.rejected, s.calls)})\n`;
}

function firstRejection(s: Summary): string {
  const f = s.firstRejection;
  if (f === null) return 'no call was rejected\n';
  return `first rejection at t=${seconds(f.t)}: ${f.tool} by ${who(f.user)}, bucket ${f.bucket} (retry after ${f.retryAfterSeconds}s)\n`;
}

function bucketTable(s: Summary, limit: number): string {
  if (s.buckets.length === 0) return '';
  const rows = s.buckets.slice(0, limit).map((b) => [b.bucket, String(b.rejected), seconds(b.firstRejectionT)]);
  const more = s.buckets.length > limit ? `  ... ${s.buckets.length - limit} more buckets\n` : '';
  return `\nRejections by bucket:\n${indent(table([['BUCKET', 'REJECTED', 'FIRST AT'], ...rows]))}${more}`;
}

function userTable(s: Summary, limit: number): string {
  const rows = s.users.slice(0, limit).map((u) => [who(u.user), String(u.calls), String(u.allowed), String(u.rejected), percent(u.allowed, u.calls)]);
  const more = s.users.length > limit ? `  ... ${s.users.length - limit} more users\n` : '';
  const fairness = s.fairness === null ? '' : `Fairness (Jain's index of the allowed share per user, 1 = equal): ${s.fairness.toFixed(3)}\n`;
  return `\nPer user:\n${indent(table([['USER', 'CALLS', 'ALLOWED', 'REJECTED', 'ALLOWED %'], ...rows]))}${more}${fairness}`;
}

const indent = (text: string): string => text.replace(/^(?=.)/gm, '  ');

export function simulateText(s: Summary, limit = 20): string {
  return `${header(s)}${firstRejection(s)}${bucketTable(s, limit)}${userTable(s, limit)}`;
}
