// The runtime stage of the Dockerfile as data: what `docker run` would execute (ENTRYPOINT + CMD),
// as whom (USER), where (WORKDIR), with which environment (ENV) and labels (LABEL). Only the forms
// this Dockerfile uses are understood (JSON-form ENTRYPOINT/CMD, KEY=value ENV/LABEL); anything else
// fails loudly so the tests are extended rather than silently wrong.
import { readFileSync } from 'node:fs';

export interface RuntimeStage {
  readonly entrypoint: string[];
  readonly cmd: string[];
  readonly user: string;
  readonly workdir: string;
  readonly env: Record<string, string>;
  readonly labels: Record<string, string>;
  readonly args: Record<string, string>;
}

/** KEY=value or KEY="value with spaces" pairs, with ${ARG} substituted. */
function pairs(text: string, args: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z0-9_.-]+)=("(?:[^"\\]|\\.)*"|\S+)/g)) {
    const raw = m[2]!.startsWith('"') ? (JSON.parse(m[2]!) as string) : m[2]!;
    out[m[1]!] = raw.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? '');
  }
  return out;
}

export function runtimeStage(path: string): RuntimeStage {
  const lines = readFileSync(path, 'utf8').replace(/\\\r?\n/g, ' ').split('\n').map((l) => l.trim());
  const stage = lines.slice(lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true));
  const result = { entrypoint: [] as string[], cmd: [] as string[], user: '', workdir: '/', env: {}, labels: {}, args: {} as Record<string, string> };
  for (const line of stage) {
    const [word = '', ...rest] = line.split(/\s+/);
    const body = rest.join(' ');
    const key = word.toUpperCase();
    if (key === 'ENTRYPOINT' || key === 'CMD') {
      if (!body.startsWith('[')) throw new Error(`shell-form ${key}: extend test/ship/dockerfile.ts`);
      result[key === 'CMD' ? 'cmd' : 'entrypoint'] = JSON.parse(body) as string[];
    } else if (key === 'ARG') Object.assign(result.args, pairs(body, result.args));
    else if (key === 'ENV') Object.assign(result.env, pairs(body, result.args));
    else if (key === 'LABEL') Object.assign(result.labels, pairs(body, result.args));
    else if (key === 'USER') result.user = body;
    else if (key === 'WORKDIR') result.workdir = body;
  }
  return result;
}
