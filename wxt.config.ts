import { defineConfig } from 'wxt';

import { CRM_MATCHES } from './entrypoints/crm.content/matches';

/** Hosts the content script runs on (whole CRM hosts; the record is decided in code). */
export { CRM_MATCHES };

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Baton',
    description:
      'Hand-overs the receiver can reject, stakeholder maps, a signed shared objective and a decision log, on the CRM record.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The sync server's origin and the Salesforce REST API are asked for only when the user turns them on.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    optional_permissions: ['cookies'],
    web_accessible_resources: [{ resources: ['panel.html'], matches: CRM_MATCHES }],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Show or hide the Baton panel on the CRM record',
      },
    },
    action: { default_title: 'Baton: log a decision' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'baton@baton.app', strict_min_version: '128.0' } },
          sidebar_action: { default_panel: 'panel.html?mode=sidebar', default_title: 'Baton' },
        }
      : { side_panel: { default_path: 'panel.html?mode=sidebar' } }),
  }),
  hooks: {
    // The content script loads on every CRM page and must stay under 8 KB gzip: it uses the browser's own promise-based
    // `browser`/`chrome` (WXT's plain `@wxt-dev/browser`) instead of webextension-polyfill (3 KB gzip), which the
    // extension pages keep. Content-script code must therefore answer `runtime.onMessage` with `sendResponse`.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const entries = Array.isArray(alias)
        ? alias
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...entries] };
    },
  },
  // Chromium refuses to load a bundle with a raw U+FFFF (Dexie writes String.fromCharCode(65535)): keep output ASCII.
  vite: () => ({ build: { rolldownOptions: { output: { charset: 'ascii' } } } }),
});
