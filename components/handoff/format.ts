/** Plain-text summaries of payload values, for the collapsed field rows and the "changed since rejection" view. */
import { stakeholderNames } from '../../lib/domain/people';
import type { FieldValue, Stakeholder } from '../../lib/domain/schemas';

/** One line saying what a field holds, with stakeholder ids turned into names. */
export function summarizeValue(value: FieldValue | undefined, people: ReadonlyMap<string, Stakeholder>): string {
  if (!value) return '';
  const name = stakeholderNames(people.values());
  switch (value.type) {
    case 'text':
      return value.text;
    case 'person':
      return name(value.stakeholderId);
    case 'people':
      return value.stakeholderIds.map(name).join(', ');
    case 'targets':
      return value.criteria
        .map((c) => `${c.metric}${c.target !== undefined ? `: ${c.target}${c.unit ? ` ${c.unit}` : ''}` : ''}${c.dueDay ? ` by day ${c.dueDay}` : ''}`)
        .join('; ');
    case 'list':
      return value.items.filter(Boolean).join('; ');
    case 'stakeholderMap':
      return value.reviewedAt ? 'Reviewed for this hand-over' : '';
    case 'evidence':
      return value.items.map((e) => (e.source ? `${e.text} (${e.source})` : e.text)).join('; ');
  }
}

/** Whether two values are the same (used to show what changed since a rejection). */
export function sameValue(a: FieldValue | null | undefined, b: FieldValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
