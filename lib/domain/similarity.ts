/**
 * A deliberately simple, deterministic text similarity for "do these definitions of success agree?": the Jaccard
 * index of normalised word sets. Normalising lower-cases, keeps letters, digits and `%`, drops stopwords and strips
 * a plural `s` from words longer than three letters. It will not see that "adoption" and "usage" mean the same; it
 * will see that two people talk about different things, which is what the signal needs, and it explains itself.
 */

/** Below this Jaccard index two definitions are treated as different. */
export const DISAGREEMENT_THRESHOLD = 0.2;

const STOPWORDS = new Set(
  (
    'a an and are as at be been by for from has have in into is it its of on or our so that the their them they this ' +
    'to was we were will with within us all more most less than per each every any can should would could get make ' +
    'do does done just also i me my you your he she his her who what when where which how'
  ).split(' '),
);

/** The normalised set of meaningful words in a text. */
export function wordSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}%]+/u)) {
    if (!raw || STOPWORDS.has(raw)) continue;
    out.add(raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}

/** Jaccard index |A∩B| / |A∪B| of two word sets; two empty sets are identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

/** Similarity of two texts, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(wordSet(a), wordSet(b));
}
