/**
 * Mailchimp identity keys. A member's id (the "subscriber hash") is the MD5 of the lower-cased email address
 * (Mailchimp API docs, "List members": "The MD5 hash of the lowercase version of the list member's email
 * address"); it is the same in every audience, so it is the contact's externalId in every Mailchimp file kind
 * — the audience CSV, which has no member id column, gets the same key by hashing the address.
 */
import { createHash } from 'node:crypto';
import type { ContactRef } from '../../domain/model';
import type { Problem } from './problems';

export function memberIdOf(email: string): string {
  return createHash('md5').update(email.trim().toLowerCase(), 'utf8').digest('hex');
}

/**
 * The contact reference of a member from its address and, when the payload carries one, its member id.
 * A given id that is not the hash of the given address means the two fields disagree (an edited file):
 * that is a problem, never a silent pick of one of them.
 */
export function memberRef(email: string | undefined, givenId: string | undefined, idField: string, emailField: string): { ref?: ContactRef; problem?: Problem } {
  const address = email?.trim() || undefined;
  const id = givenId?.trim().toLowerCase() || undefined;
  if (!address && !id) return { problem: { field: emailField, reason: `"${emailField}" and "${idField}" are both missing; the member cannot be identified` } };
  if (!address) return { ref: { externalId: id } };
  if (!address.includes('@')) return { problem: { field: emailField, reason: `"${emailField}" is not an email address (got ${JSON.stringify(address)})` } };
  const hash = memberIdOf(address);
  if (id && id !== hash) {
    return {
      problem: {
        field: idField,
        reason: `"${idField}" ${JSON.stringify(id)} is not the MD5 of the lower-cased "${emailField}" ${JSON.stringify(address)} (expected ${hash}); the file was edited or mixes two members`,
      },
    };
  }
  return { ref: { externalId: hash, email: address } };
}
