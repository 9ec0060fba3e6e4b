import { randomBytes } from 'node:crypto';

/*
 * Signatures as the Standard Webhooks specification defines them (https://www.standardwebhooks.com):
 * HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint's secret, sent as
 * `webhook-signature: v1,<base64>`. The `standardwebhooks` package signs (deliver.ts) and verifies at
 * the receiver (any of its libraries, or the few lines in README "Webhooks"), so nobody writes crypto.
 * The timestamp is the attempt's, not the event's: a receiver's five-minute tolerance refuses a captured
 * request replayed later, and the id (the event's, the same on every attempt) de-duplicates.
 */

/** A new signing secret: 24 random bytes, `whsec_<base64>` as the specification writes it. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
