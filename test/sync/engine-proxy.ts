/**
 * A tiny HTTP proxy for fault tests: it sits between the engine and a real sync server and can fail the next N
 * requests with a status (503, 429 + Retry-After), cut connections, or stop listening altogether (the network is
 * down: connections are refused) and come back on the same port.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FaultRule {
  /** Only requests whose path ends with this (e.g. `/v1/push`). */
  path?: string;
  /** Answer with this status instead of forwarding… */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** …or destroy the connection without an answer… */
  cut?: boolean;
  /** …or forward the request, let the server apply it, and destroy the connection instead of answering. */
  cutAfter?: boolean;
  /** How many matching requests this rule hits. */
  times: number;
}

export interface FaultProxy {
  url: string;
  /** Requests seen, in order (method and path). */
  log: { method: string; path: string; status: number | 'cut' }[];
  /** Add a rule; the first matching rule with `times` left applies. */
  fail(rule: FaultRule): void;
  /** Stop listening: new connections are refused, open ones cut. */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: FaultRule[] = [];
  const log: FaultProxy['log'] = [];
  const sockets = new Set<Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const rule = rules.find((r) => r.times > 0 && (!r.path || path.endsWith(r.path)));
    if (rule && !rule.cutAfter) {
      rule.times--;
      if (rule.cut) {
        log.push({ method: req.method ?? '', path, status: 'cut' });
        req.socket.destroy();
        return;
      }
      log.push({ method: req.method ?? '', path, status: rule.status ?? 503 });
      req.resume();
      res.writeHead(rule.status ?? 503, { 'content-type': 'application/json', ...rule.headers });
      res.end(JSON.stringify(rule.body ?? { error: 'unavailable' }));
      return;
    }
    const up = request(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path, headers: req.headers },
      (upRes) => {
        if (rule?.cutAfter) {
          rule.times--;
          log.push({ method: req.method ?? '', path, status: 'cut' });
          upRes.resume();
          upRes.on('end', () => req.socket.destroy());
          return;
        }
        log.push({ method: req.method ?? '', path, status: upRes.statusCode ?? 0 });
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => req.socket.destroy());
    req.pipe(up);
  };

  let server: Server = createServer(handle);
  const track = (s: Server) => s.on('connection', (sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  track(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    fail: (rule) => rules.push(rule),
    down: stop,
    async up() {
      server = createServer(handle);
      track(server);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
