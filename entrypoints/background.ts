import { startBadge } from '../lib/background/badge';
import { registerPanelRouting } from '../lib/background/panel-routing';
import { registerSalesforceReader } from '../lib/background/salesforce';
import { startSyncScheduler } from '../lib/background/sync';
import { registerTriageUpkeep } from '../lib/background/triage';
import { serveDbPort } from '../lib/db/port/server';

export default defineBackground(() => {
  // The panel on CRM pages: keyboard command, side panel, active tab's record (lib/background/panel-routing.ts).
  registerPanelRouting();
  // The in-page panel's database access: its frame may not open storage on a CRM site (lib/db/port/).
  serveDbPort();
  // Sync with the team server: outbox writes, a minute alarm, online, pokes (lib/background/sync.ts).
  startSyncScheduler();
  // The toolbar badge: urgent items of my queue, kept current by a live query (lib/background/badge.ts).
  startBadge();
  // "Read from Salesforce": the panel's contact-role suggestions, with the user's own session (lib/background/salesforce.ts).
  registerSalesforceReader();
  // The dashboard's triage summaries, built after an install or update rather than on the first open (lib/background/triage.ts).
  registerTriageUpkeep();
});
