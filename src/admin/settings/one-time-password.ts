import { randomInt } from 'node:crypto';

/*
 * The password an owner hands to a new member (or to one who forgot theirs). It is read aloud or typed
 * from a phone screen, so the alphabet is lower case without look-alikes (0/o, 1/l/i), and groups of
 * four are easy to follow; 16 characters of 31 symbols are about 79 random bits.
 */

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** `k7pq-xm2d-…`: 4 groups of 4 random characters (19 with the dashes). */
export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    // randomInt is unbiased (rejection sampling), unlike `byte % 31`.
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
