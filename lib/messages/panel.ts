/**
 * Every message between the content script, the panel and the background, as zod schemas.
 *
 * Three channels:
 * - **host port** (content script ↔ panel iframe): a `MessageChannel` port handed over in `baton:hello`
 *   (`window.postMessage` to the extension origin, nonce-checked). Only the panel holds the other end.
 * - **runtime** (`runtime.sendMessage` / `tabs.sendMessage`): content script ↔ background ↔ side panel.
 * - nothing else: the CRM page never sees a message meant for the panel.
 *
 * The content script must not ship zod: it imports the inferred types only (`import type`), and trusts the
 * port and `tabs.sendMessage` (only the extension can reach them). Extension pages parse with these schemas.
 */
import { z } from 'zod';
import type { PageOutline } from '../crm/outline';
import type { CrmRecordRef } from '../crm/types';

export const recordRefSchema = z.object({
  crm: z.enum(['salesforce', 'hubspot', 'dynamics', 'pipedrive']),
  instance: z.string().min(1).max(200),
  object: z.enum(['account', 'opportunity', 'contact', 'other']),
  objectName: z.string().min(1).max(200),
  id: z.string().min(1).max(200),
});
// The schema and lib/crm's type must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const refMatchesCrmType: Same<z.infer<typeof recordRefSchema>, CrmRecordRef> = true;
void refMatchesCrmType;

/** CRM text: plain text as read with `textContent`, never markup. */
const crmText = z.string().max(2000).nullable();

/**
 * The record the CRM tab shows. Sent at once on every navigation with `pending: true` and null facts (so the
 * panel can look the record up while the page renders), then again whenever the title or stage is read or changes.
 */
export const recordMessageSchema = z.object({
  type: z.literal('baton:record'),
  ref: recordRefSchema,
  title: crmText,
  stage: crmText,
  isWonStage: z.boolean().nullable(),
  /** On an opportunity or deal, its account's (company's) name as the page shows it; absent from older content scripts. */
  account: crmText.optional(),
  /** The CRM page's origin, e.g. `https://acme.lightning.force.com`, for links back to the record. */
  crmOrigin: z.string().url(),
  /** True while the page facts are still being read; title/stage null then mean "not yet", not "not shown". */
  pending: z.boolean(),
});
export type RecordMessage = z.infer<typeof recordMessageSchema>;

/** The tab shows a CRM page that is not a record (home, list, setup), or no CRM at all (side panel). */
export const noRecordMessageSchema = z.object({ type: z.literal('baton:no-record') });
export type NoRecordMessage = z.infer<typeof noRecordMessageSchema>;

export const tabRecordSchema = z.discriminatedUnion('type', [recordMessageSchema, noRecordMessageSchema]);
/** What a tab shows: a record or nothing Baton cares about. */
export type TabRecord = z.infer<typeof tabRecordSchema>;

// ---------------------------------------------------------------- host port: content script ↔ panel iframe

/** `window.postMessage` from the content script to the panel iframe, with `[port]` transferred. */
export const helloSchema = z.object({ type: z.literal('baton:hello'), nonce: z.string().min(16).max(64) });
export type HelloMessage = z.infer<typeof helloSchema>;

/** The in-page panel was shown or hidden (launcher, keyboard command, Escape). */
export const visibilityMessageSchema = z.object({ type: z.literal('baton:visibility'), open: z.boolean() });
export type VisibilityMessage = z.infer<typeof visibilityMessageSchema>;

export const hostToPanelSchema = z.discriminatedUnion('type', [
  recordMessageSchema,
  noRecordMessageSchema,
  visibilityMessageSchema,
]);
export type HostToPanel = z.infer<typeof hostToPanelSchema>;

/** The panel asks to be shown or collapsed to the launcher (Escape, its own close button, "open in side panel"). */
export const setOpenMessageSchema = z.object({ type: z.literal('baton:set-open'), open: z.boolean() });
export type SetOpenMessage = z.infer<typeof setOpenMessageSchema>;

export const panelToHostSchema = z.discriminatedUnion('type', [setOpenMessageSchema]);
export type PanelToHost = z.infer<typeof panelToHostSchema>;

// ---------------------------------------------------------------- runtime: content script, background, side panel

/** Background → content script: the `toggle-panel` keyboard command. Answered with `{ open }` or nothing off records. */
export const toggleMessageSchema = z.object({ type: z.literal('baton:toggle') });
export type ToggleMessage = z.infer<typeof toggleMessageSchema>;

/** Background → content script: what does this tab show? Answered with a `TabRecord`. */
export const getRecordMessageSchema = z.object({ type: z.literal('baton:get-record') });
export type GetRecordMessage = z.infer<typeof getRecordMessageSchema>;

/**
 * Panel → the content script of its tab (`tabs.sendMessage`, top frame): outline this page for a layout report.
 * Answered with a `PageOutline` (lib/crm/outline.ts), or null when the tab shows no record.
 */
export const layoutOutlineRequestSchema = z.object({ type: z.literal('baton:layout-outline') });
export type LayoutOutlineRequest = z.infer<typeof layoutOutlineRequestSchema>;

/** The content script's answer, validated before the panel writes a report from it. Bounded: it is page data. */
export const pageOutlineSchema = z.object({
  nodes: z
    .array(z.tuple([z.number().int().min(0).max(500), z.string().min(1).max(100), z.array(z.string().max(300)).max(80)]))
    .max(5000),
  probes: z.array(z.tuple([z.string().max(80), z.string().max(1000), z.number().int().min(-1), z.number().int().min(0).max(1)])).max(60),
  truncated: z.boolean(),
  shadowRoots: z.number().int().min(0),
});
// The schema and the content script's type must not drift apart.
const outlineMatchesType: Same<z.infer<typeof pageOutlineSchema>, PageOutline> = true;
void outlineMatchesType;

/** Background or panel → content script messages, in one union. */
export type BackgroundToContent = ToggleMessage | GetRecordMessage | LayoutOutlineRequest;

/** Content script → background (broadcast): this tab now shows `record`. */
export const tabRecordChangedSchema = z.object({ type: z.literal('baton:tab-record'), record: tabRecordSchema });
export type TabRecordChanged = z.infer<typeof tabRecordChangedSchema>;

/** Side panel → background: the record of the active tab of `windowId`. Answered with a `TabRecord`. */
export const getActiveRecordSchema = z.object({ type: z.literal('baton:get-active-record'), windowId: z.number().int() });
export type GetActiveRecord = z.infer<typeof getActiveRecordSchema>;

/** Background → side panels (broadcast): the active tab of `windowId` now shows `record`. */
export const activeRecordChangedSchema = z.object({
  type: z.literal('baton:active-record'),
  windowId: z.number().int(),
  record: tabRecordSchema,
});
export type ActiveRecordChanged = z.infer<typeof activeRecordChangedSchema>;

/** Panel iframe → background: which tab am I in? Answered with `WhoAmIAnswer` (from `sender.tab`). */
export const whoAmISchema = z.object({ type: z.literal('baton:whoami') });
export type WhoAmI = z.infer<typeof whoAmISchema>;
export const whoAmIAnswerSchema = z.object({ tabId: z.number().int(), windowId: z.number().int() }).nullable();
export type WhoAmIAnswer = z.infer<typeof whoAmIAnswerSchema>;

/** Every runtime message the background answers for the panel feature (sync adds its own union beside this). */
export const panelRuntimeMessageSchema = z.discriminatedUnion('type', [
  tabRecordChangedSchema,
  getActiveRecordSchema,
  whoAmISchema,
]);
export type PanelRuntimeMessage = z.infer<typeof panelRuntimeMessageSchema>;

/** The keyboard command declared in wxt.config.ts (`commands`). */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
