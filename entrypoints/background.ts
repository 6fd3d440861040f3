import { registerPanelRouting } from '../lib/background/panel-routing';

export default defineBackground(() => {
  // The panel on CRM pages: keyboard command, side panel, active tab's record (lib/background/panel-routing.ts).
  registerPanelRouting();
});
