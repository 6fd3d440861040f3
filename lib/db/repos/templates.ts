/** Hand-over templates: the workspace's own where it saved them, the defaults otherwise. */
import { DEFAULT_TEMPLATES } from '../../domain/templates';
import type { HandoffKind, HandoffTemplate } from '../../domain/schemas';
import type { BatonDb } from '../schema';
import { deleteRow, inWriteTx, putRow } from '../writer';

/** The template of a kind in force for this workspace. */
export async function getTemplate(db: BatonDb, kind: HandoffKind): Promise<HandoffTemplate> {
  return (await db.templates.get(kind)) ?? DEFAULT_TEMPLATES.find((t) => t.kind === kind)!;
}

/** All five templates in force, in lifecycle order. */
export async function getTemplates(db: BatonDb): Promise<HandoffTemplate[]> {
  const saved = new Map((await db.templates.toArray()).map((t) => [t.kind, t]));
  return DEFAULT_TEMPLATES.map((t) => saved.get(t.kind) ?? t);
}

/** Save the workspace's templates (already parsed by `parseTemplatesJson`); all or nothing. */
export async function saveTemplates(db: BatonDb, templates: HandoffTemplate[]): Promise<void> {
  await inWriteTx(db, async () => {
    for (const t of templates) await putRow(db, 'templates', t);
  });
}

/** Go back to the default templates. */
export async function resetTemplates(db: BatonDb): Promise<void> {
  await inWriteTx(db, async () => {
    for (const t of await db.templates.toArray()) await deleteRow(db, 'templates', t.id);
  });
}
