// LAN access without a restart. The API listens on 127.0.0.1; a second port can't be the same number
// on 0.0.0.0 while 127.0.0.1 holds it (Linux and Windows refuse with EADDRINUSE), and rebinding the
// main port would drop the counter's own connections. So LAN access is a second listener on
// 0.0.0.0 at the LAN port (the API port + 1 by default), opened when the owner turns LAN access on
// and closed when it is turned off. It parses nothing itself: each accepted socket is handed to
// Fastify's HTTP server, so the request's remoteAddress stays the real one and the guard in
// routes/auth.ts decides exactly as it does for any other connection.
import { createServer, type Server, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { logger } from '../log';

const log = logger('lan');

export interface LanListener {
  /** The port it listens on while open, else null. */
  port(): number | null;
  /** http://<address>:<port> for each non-internal IPv4 address of this machine, while open. */
  urls(): string[];
  /** Opens or closes the listener; calls are run one after another. */
  set(on: boolean): Promise<void>;
  /** Resolves once the opening or closing asked for so far is done. */
  settled(): Promise<void>;
}

/** This machine's non-internal IPv4 addresses (the Wi-Fi or Ethernet a tablet can reach). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

export function createLanListener(app: FastifyInstance, opts: { port: number; host?: string }): LanListener {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let queue: Promise<void> = Promise.resolve();

  const open = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        app.server.emit('connection', socket);
      });
      s.once('error', reject);
      s.listen({ port: opts.port, host: opts.host ?? '0.0.0.0' }, () => {
        s.off('error', reject);
        s.on('error', (e) => log.error('LAN listener error', e));
        server = s;
        log.info(`LAN access on: listening on port ${(s.address() as { port: number }).port}`);
        resolve();
      });
    });

  const close = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      // Connections already handed over (a tablet's keep-alive, its voice socket) end too: off means off.
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      s.close(() => {
        log.info('LAN access off: LAN listener closed');
        resolve();
      });
    });

  const port = () => (server ? (server.address() as { port: number }).port : null);
  return {
    port,
    urls() {
      const p = port();
      return p === null ? [] : lanAddresses().map((a) => `http://${a}:${p}`);
    },
    set(on) {
      const step = queue.then(() => (on ? (server ? undefined : open()) : close()));
      queue = step.catch(() => undefined);
      return step;
    },
    settled: () => queue,
  };
}
