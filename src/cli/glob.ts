// PURE: `--exclude` globs. `*` and `?` stay within one path segment, `**` spans segments; a pattern
// without `/` matches any single segment (a file or folder name anywhere), one with `/` the whole
// path relative to where the walk started, as given on the command line (`./` ignored).
const special = /[\\^$.+()[\]{}|]/g;

function toRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(special, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const normalize = (path: string): string => path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');

export type PathMatcher = (path: string) => boolean;

/** A matcher for the globs (never matches when there are none). */
export function globMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const compiled = globs.map((g) => ({ anywhere: !normalize(g).includes('/'), re: toRegExp(normalize(g)) }));
  return (path) => {
    const p = normalize(path);
    const names = p.split('/');
    return compiled.some((g) => (g.anywhere ? names.some((n) => g.re.test(n)) : g.re.test(p)));
  };
}
