import { registerPanelRouting } from '../lib/background/panel-routing';
import { startSyncScheduler } from '../lib/background/sync';

export default defineBackground(() => {
  // The panel on CRM pages: keyboard command, side panel, active tab's record (lib/background/panel-routing.ts).
  registerPanelRouting();
  // Sync with the team server: outbox writes, a minute alarm, online, pokes (lib/background/sync.ts).
  startSyncScheduler();
});
