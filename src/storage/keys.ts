/** A key is `segment/segment…` of safe characters: never `..`, never absolute. */
export function isSafeKey(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= 200 &&
    key.split('/').every((part) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part) && !part.includes('..'))
  );
}
