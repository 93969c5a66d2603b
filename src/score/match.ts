/**
 * Linear-time pattern matching for link, campaign and honeypot rules. No user regex: a pattern is a
 * literal prefix with optional `*` wildcards (any run of characters, `/` included), matched from the
 * start of the text and open at the end (`agri.example.com/pricing` matches `…/pricing/plans`).
 * Matching is case-insensitive. Each literal piece is found with `indexOf`, greedily left to right,
 * which is exact for `*`-only globs and never backtracks.
 */
export type Matcher = (text: string) => boolean;

/**
 * Compiles a pattern once into a matcher.
 *
 * @example
 * compilePattern('*\/pricing')('agri.example.com/pricing/plans') //=> true
 * compilePattern('agri.example.com/tractors')('agri.example.com/combines') //=> false
 */
export function compilePattern(pattern: string): Matcher {
  const pieces = pattern.toLowerCase().split('*');
  const head = pieces[0] ?? '';
  const rest = pieces.slice(1).filter((p) => p !== '');
  if (pieces.length === 1) return (text) => text.startsWith(head);
  return (text) => {
    if (!text.startsWith(head)) return false;
    let from = head.length;
    for (const piece of rest) {
      const at = text.indexOf(piece, from);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  };
}

/** Where a URL pattern is matched: patterns starting with `/` see the path, others `host/path`. */
export interface LinkTarget {
  /** `host/path`, lower-cased, without scheme, query or fragment. */
  hostPath: string;
  /** `/path`, lower-cased. */
  path: string;
}

/**
 * Compiles a URL pattern: `/pricing` matches the path of any host, `agri.example.com/pricing` or
 * `*.example.com/*` match `host/path`. A leading `http://` or `https://` in the pattern is ignored.
 *
 * @example
 * compileLinkPattern('/careers')({ hostPath: 'agri.example.com/careers', path: '/careers' }) //=> true
 */
export function compileLinkPattern(pattern: string): (target: LinkTarget) => boolean {
  const p = pattern.trim().replace(/^https?:\/\//i, '');
  const match = compilePattern(p);
  return p.startsWith('/') ? (t) => match(t.path) : (t) => match(t.hostPath);
}
