/**
 * Normal forms that make one person the same contact across sources: e-mail lower-cased and trimmed,
 * phone in E.164 (+ and 8–15 digits). Invalid values normalise to undefined, never to a guess.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const email = value.trim().toLowerCase();
  return EMAIL.test(email) ? email : undefined;
}

/**
 * E.164 from international notations: "+44 7700 900123", "0044 7700 900123", "447700900123" (WhatsApp wa_id).
 * A national number without a country code (leading single 0) cannot be made E.164 without knowing the country,
 * so it is refused rather than guessed.
 */
export function normalisePhone(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!/^[+\d][\d\s().\-/]*$/.test(text)) return undefined;
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('00')) digits = digits.slice(2);
  else if (!text.startsWith('+') && digits.startsWith('0')) return undefined;
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return undefined;
  return `+${digits}`;
}
