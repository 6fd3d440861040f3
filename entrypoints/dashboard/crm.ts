/** The CRM record a dashboard row opens. */
import { CRM_NAMES, recordUrl } from '../../lib/crm-links';
import type { CrmLink } from '../../lib/domain/schemas';

/**
 * A link's record URL. A `CrmLink`'s own `id` is its key (`crm:instance:object:recordId`), not the record's id, so
 * the ref is rebuilt from the key before `recordUrl` sees it.
 */
export function linkUrl(link: CrmLink): string | null {
  const parts = link.id.split(':');
  const recordId = parts.length >= 4 ? parts.slice(3).join(':') : link.id;
  return recordUrl({ crm: link.crm, instance: link.instance, object: link.object, id: recordId });
}

export function crmName(crm: CrmLink['crm']): string {
  return CRM_NAMES[crm];
}
