import type { CrmKind } from '../../lib/crm/types';

/** How the user left the panel on a CRM: open or collapsed, and where the launcher sits (px from the top). */
export interface DockPrefs {
  open: boolean;
  y: number | null;
}

const key = (crm: CrmKind) => `dock:${crm}`;

/** The remembered dock state for this CRM (open, launcher at its default place the first time). */
export async function loadDock(crm: CrmKind): Promise<DockPrefs> {
  const stored = (await browser.storage.local.get(key(crm)))[key(crm)] as Partial<DockPrefs> | undefined;
  return { open: stored?.open !== false, y: typeof stored?.y === 'number' ? stored.y : null };
}

export function saveDock(crm: CrmKind, prefs: DockPrefs): Promise<void> {
  return browser.storage.local.set({ [key(crm)]: prefs });
}
