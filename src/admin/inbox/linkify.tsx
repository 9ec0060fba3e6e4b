import type { Child } from 'hono/jsx';

/*
 * Links in a message, tappable: web addresses (http, https, or starting "www.") open in a new tab, an
 * Indonesian phone number ("0812-3456-7890", "+62 812 3456 7890") calls. Nothing else becomes a link —
 * never a `javascript:` or any other scheme — and the text around stays text (escaped by JSX).
 */
const PATTERN =
  /\b(https?:\/\/[^\s<>"']+|www\.[^\s<>"']+\.[^\s<>"']+)|(?<![\w+])((?:\+62[ -]?|62|0)8\d(?:[ -]?\d){7,10})\b/gi;

/** A URL's trailing punctuation belongs to the sentence: "lihat https://x.id/a." */
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function linkify(text: string): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const match of text.matchAll(PATTERN)) {
    const start = match.index ?? 0;
    let found = match[0];
    if (match[1]) found = found.replace(TRAILING, '');
    if (start > at) out.push(text.slice(at, start));
    if (match[1]) {
      const href = /^https?:\/\//i.test(found) ? found : `https://${found}`;
      out.push(
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {found}
        </a>,
      );
    } else {
      const digits = found.replace(/[^\d+]/g, '');
      const tel = digits.startsWith('+')
        ? digits
        : digits.startsWith('62')
          ? `+${digits}`
          : `+62${digits.slice(1)}`;
      out.push(<a href={`tel:${tel}`}>{found}</a>);
    }
    at = start + found.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
