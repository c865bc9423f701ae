// What the CLI does differently on a terminal: colour (NO_COLOR / FORCE_COLOR honoured, as
// https://no-color.org and https://force-color.org ask) and a progress line on stderr for long runs —
// never in a pipe or a CI log unless forced.
import type { CliIo } from './io.js';

type Env = CliIo['env'];

const set = (v: string | undefined): boolean => v !== undefined && v !== '';

/** FORCE_COLOR (not `0`/`false`) forces colour; NO_COLOR disables it; otherwise only on a TTY that is not `dumb`. */
export function useColor(env: Env, isTTY: boolean): boolean {
  if (set(env.FORCE_COLOR)) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (set(env.NO_COLOR)) return false;
  return isTTY && env.TERM !== 'dumb';
}

/** The progress line: forced by --progress, else only on a TTY outside CI. */
export function useProgress(env: Env, isTTY: boolean, forced: boolean): boolean {
  if (forced) return true;
  return isTTY && !set(env.CI) && env.TERM !== 'dumb';
}

const codes = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;
export type Style = keyof typeof codes;
export type Paint = (style: Style, text: string) => string;

export const paint = (on: boolean): Paint => (on ? (style, text) => `\u001b[${codes[style]}m${text}\u001b[0m` : (_style, text) => text);

/** Shown only once a run has taken this long, so quick runs never flicker. */
export const progressDelayMs = 400;
const progressEveryMs = 100;

/** A throttled `validating: N documents (file)` line on stderr, rewritten in place; `done()` clears it. */
export function progressLine(write: (text: string) => void, now: () => number = Date.now): { update: (documents: number, source: string) => void; done: () => void } {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update: (documents, source) => {
      const t = now();
      if (t - start < progressDelayMs || t - last < progressEveryMs) return;
      last = t;
      shown = true;
      write(`\r\u001b[Kvalidating: ${documents} document${documents === 1 ? '' : 's'} (${source})`);
    },
    done: () => {
      if (shown) write('\r\u001b[K');
    },
  };
}
