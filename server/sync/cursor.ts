/**
 * Pull cursors: opaque to clients, `c1.<seq>` in base64url here. The version prefix lets a later server change the
 * encoding and still recognise (or refuse) old cursors.
 */
const PREFIX = 'c1.';

export function encodeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64url');
}

/** The sequence number in a cursor (`null` means from the beginning: 0), or `undefined` for a cursor not ours. */
export function decodeCursor(cursor: string | null): number | undefined {
  if (cursor === null) return 0;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || !/^\d{1,15}$/.test(text.slice(PREFIX.length))) return undefined;
  return Number(text.slice(PREFIX.length));
}
