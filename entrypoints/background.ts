import { startBadge } from '../lib/queue/badge';
import { registerPanelRouting } from '../lib/background/panel-routing';
import { registerSalesforceReader } from '../lib/background/salesforce';
import { startSyncScheduler } from '../lib/background/sync';
import { registerTriageUpkeep } from '../lib/triage/upkeep';
import { serveDbPort } from '../lib/data/port/server';

export default defineBackground(() => {
  // The panel on CRM pages: keyboard command, side panel, active tab's record (lib/background/panel-routing.ts).
  registerPanelRouting();
  // The in-page panel's database access: its frame may not open storage on a CRM site (lib/data/port/).
  serveDbPort();
  // Sync with the team server: outbox writes, a minute alarm, online, pokes (lib/background/sync.ts).
  startSyncScheduler();
  // The toolbar badge: urgent items of my queue, kept current by a live query (lib/queue/badge.ts).
  startBadge();
  // "Read from Salesforce": the panel's contact-role suggestions, with the user's own session (lib/background/salesforce.ts).
  registerSalesforceReader();
  // The dashboard's triage summaries, built after an install or update rather than on the first open (lib/triage/upkeep.ts).
  registerTriageUpkeep();
});
