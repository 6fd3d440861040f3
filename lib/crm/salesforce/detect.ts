import type { CrmObjectKind, CrmRecordRef } from '../types';
import { parseSalesforceHost } from './host';
import { KEY_PREFIX_OBJECTS, toSalesforceId18 } from './id';

const KINDS: Readonly<Record<string, CrmObjectKind>> = {
  Account: 'account',
  Opportunity: 'opportunity',
  Contact: 'contact',
};

/** `/lightning/r/<SObject>/<id>/view|edit` and related lists `/related/<Rel>/view` (→ the parent). */
const LIGHTNING_WITH_OBJECT = /^\/lightning\/r\/(\w+)\/(\w{15,18})\/(?:view|edit|related\/\w+\/view)\/?$/;
/** `/lightning/r/<id>/view|edit`: no object name, inferred from the key prefix. */
const LIGHTNING_ID_ONLY = /^\/lightning\/r\/(\w{15,18})\/(?:view|edit)\/?$/;
/** The pre-2018 Lightning address: `/one/one.app#/sObject/<id>/view`. */
const ONE_APP_HASH = /^#\/sObject\/(\w{15,18})(?:\/(?:view|edit))?\/?(?:\?.*)?$/;
/** Classic record detail `/<id>` and edit `/<id>/e`; `/001/o` (tab home) has a 3-char segment. */
const CLASSIC = /^\/(\w{15,18})(?:\/e)?\/?$/;

function ref(instance: string, rawId: string, objectName?: string): CrmRecordRef | null {
  const id = toSalesforceId18(rawId);
  if (!id) return null;
  const name = objectName ?? KEY_PREFIX_OBJECTS[id.slice(0, 3)] ?? id.slice(0, 3);
  return { crm: 'salesforce', instance, object: KINDS[name] ?? 'other', objectName: name, id };
}

/**
 * Salesforce record pages on Lightning (production, sandbox, Developer Edition, scratch orgs) and
 * Classic. List views (`/lightning/o/…/list`), object homes, `new` forms, setup and app pages
 * return null. When the id lacks an object name, an unknown key prefix becomes the object name.
 */
export function detectSalesforceRecord(url: URL): CrmRecordRef | null {
  const host = parseSalesforceHost(url.hostname);
  if (!host) return null;
  const path = url.pathname;
  let m = LIGHTNING_WITH_OBJECT.exec(path);
  if (m) return ref(host.instance, m[2]!, m[1]!);
  m = LIGHTNING_ID_ONLY.exec(path) ?? (path === '/one/one.app' ? ONE_APP_HASH.exec(url.hash) : null);
  if (m) return ref(host.instance, m[1]!);
  m = host.classic ? CLASSIC.exec(path) : null;
  return m ? ref(host.instance, m[1]!) : null;
}
