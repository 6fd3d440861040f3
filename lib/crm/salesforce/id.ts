const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/;

/**
 * Converts a Salesforce record id to its 18-character form, or returns null if `raw` is not one.
 * Salesforce ids are case-sensitive in 15 characters; the 3-character suffix encodes the case of
 * each block of five, so the 18-character form is safe to store and compare anywhere. An 18-character
 * input whose suffix does not match its first 15 characters is rejected: it is not an id.
 * Requiring a digit keeps words like `ContentDocument` (15 letters) from passing as ids; every real id
 * carries its pod and reserved digits.
 */
export function toSalesforceId18(raw: string): string | null {
  if (!ID_SHAPE.test(raw) || !/\d/.test(raw)) return null;
  const base = raw.slice(0, 15);
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = base.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX_CHARS[flags];
  }
  if (raw.length === 18 && raw.slice(15).toUpperCase() !== suffix) return null;
  return base + suffix;
}

/**
 * The standard objects whose key prefix (first three id characters) Baton must recognise when a URL
 * carries an id but no object name (`/lightning/r/<id>/view`, Classic `/<id>`).
 */
export const KEY_PREFIX_OBJECTS: Readonly<Record<string, string>> = {
  '001': 'Account',
  '003': 'Contact',
  '006': 'Opportunity',
};
