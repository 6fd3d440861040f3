/** The CRM record a dashboard row opens. */
import { CRM_NAMES } from '../../lib/crm/links';
import type { CrmLink } from '../../lib/domain/schemas';

export { linkUrl } from '../../lib/crm/links';

export function crmName(crm: CrmLink['crm']): string {
  return CRM_NAMES[crm];
}
