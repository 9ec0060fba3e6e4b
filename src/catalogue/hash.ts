import { SEARCH_TEXT_VERSION } from './search-text';

/** JSON with object keys sorted, so equal records give equal text whatever the key order in the file. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical record and the search-text version (Web Crypto: Node and Workers). */
export async function contentHash(record: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`v${SEARCH_TEXT_VERSION}:${canonicalJson(record)}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
