/**
 * The fake CRM: one HTTPS server on 127.0.0.1 (a free port) answering for every CRM host name, with a self-signed
 * certificate made for this run. Chromium reaches it through `--host-resolver-rules` (see browser.ts), so pages
 * load at their real URLs and the extension's content script matches them as on the real sites.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crmOfHost, defaultRoutes, renderPage, routeKey, type PageSource } from './crm-pages';

/** Host names the certificate and the resolver rules cover. */
export const CRM_HOST_PATTERNS = ['*.lightning.force.com', '*.my.salesforce.com', '*.hubspot.com', '*.dynamics.com', '*.crm.dynamics.com', '*.pipedrive.com'];

const ROUTER = readFileSync(join(import.meta.dirname, 'spa-router.js'), 'utf8');

export interface FakeCrmServer {
  port: number;
  /** Serve `source` at `url` (origin + path + query) from now on, e.g. a fixture variant at a record URL. */
  route(url: string, source: PageSource): void;
  /** URLs requested so far (full loads and SPA fetches), for asserting that navigation stayed in the page. */
  readonly requests: { url: string; spa: boolean }[];
  close(): Promise<void>;
}

/** A key and certificate for every CRM host name, valid for a day, made with the system's openssl. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-cert-'));
  try {
    const san = ['app.hubspot.com', ...CRM_HOST_PATTERNS].map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=crm.test',
      '-addext', `subjectAltName=${san}`,
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'pipe' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the fake CRM server on a free loopback port. */
export async function startCrmServer(options: { delayMs?: number } = {}): Promise<FakeCrmServer> {
  const routes = defaultRoutes();
  const requests: { url: string; spa: boolean }[] = [];
  const server: Server = createServer(makeCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown'}`);
    const crm = crmOfHost(url.hostname);
    requests.push({ url: url.href, spa: req.headers['x-fake-crm'] === 'spa' });
    const source = routes.get(routeKey(url));
    if (!crm || !source) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`fake CRM: no page at ${url.href}`);
      return;
    }
    const config = JSON.stringify({ crm, delayMs: options.delayMs ?? 80 }).replaceAll('"', '&quot;');
    const html = renderPage(source).replace('</head>', `<script data-config="${config}">${ROUTER}</script>\n</head>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    route: (url, source) => void routes.set(routeKey(new URL(url)), source),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
