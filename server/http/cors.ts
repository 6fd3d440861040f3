/** CORS for the extension only: its pages and service worker have `chrome-extension://` or `moz-extension://` origins. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9._-]+$/;

export function extensionOrigin(origin: string): string | null {
  return EXTENSION_ORIGIN.test(origin) ? origin : null;
}
