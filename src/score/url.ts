import type { LinkTarget } from './match.js';

/** A clicked URL split into the parts link rules need. */
export interface ParsedLink extends LinkTarget {
  /** The distinct-link key: scheme and host lower-cased, fragment dropped, trailing `/` dropped, query kept. */
  key: string;
  /** Path segments, decoded where possible, lower-cased. */
  segments: string[];
}

/**
 * Splits a URL without the `URL` class (so it never throws and works on relative or odd links).
 *
 * @example
 * parseLink('HTTPS://Agri.Example.com/Tractors/X9/?a=1#top')
 * //=> { key: 'https://agri.example.com/Tractors/X9?a=1', hostPath: 'agri.example.com/tractors/x9', path: '/tractors/x9', segments: ['tractors', 'x9'] }
 */
export function parseLink(raw: string): ParsedLink {
  let s = raw.trim();
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash);
  let scheme = '';
  const schemeEnd = s.indexOf('://');
  if (schemeEnd > 0 && /^[a-z][a-z0-9+.-]*$/i.test(s.slice(0, schemeEnd))) {
    scheme = `${s.slice(0, schemeEnd).toLowerCase()}://`;
    s = s.slice(schemeEnd + 3);
  } else if (s.startsWith('//')) s = s.slice(2);
  const q = s.indexOf('?');
  const query = q >= 0 ? s.slice(q) : '';
  const beforeQuery = q >= 0 ? s.slice(0, q) : s;
  const slash = beforeQuery.indexOf('/');
  const host = (slash >= 0 ? beforeQuery.slice(0, slash) : beforeQuery).toLowerCase();
  let rawPath = slash >= 0 ? beforeQuery.slice(slash) : '/';
  while (rawPath.length > 1 && rawPath.endsWith('/')) rawPath = rawPath.slice(0, -1);
  const path = rawPath.toLowerCase();
  const segments = path
    .split('/')
    .filter((seg) => seg !== '')
    .map((seg) => {
      try {
        return decodeURIComponent(seg);
      } catch {
        return seg;
      }
    });
  const keyPath = rawPath === '/' ? '' : rawPath;
  return { key: `${scheme}${host}${keyPath}${query}`, hostPath: `${host}${path === '/' ? '' : path}`, path, segments };
}
