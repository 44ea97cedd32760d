// The options every way of starting the shop's services takes: `npm run serve`, `npm start` and
// Electron's services process.
export const SERVICE_OPTIONS = {
  'data-dir': { type: 'string' },
  port: { type: 'string', default: '4417' },
  host: { type: 'string', default: '127.0.0.1' },
  demo: { type: 'boolean', default: false },
} as const;

/** --port as a number, or an error that says what it must be. */
export function parsePort(value: unknown): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${String(value)}"`);
  return port;
}
