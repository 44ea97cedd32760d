// The entry of Electron's utilityProcess: the shop's services, started by the same startServer as
// `npm run serve` (so the local API and LAN devices work while the window is open), answering the
// main process over process.parentPort.
import { startServer } from '../server-main';
import { startHonouringLan } from '../start';
import { type ParentPortLike, parseServicesArgs, serveOverPort } from './services-port';

const port = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

async function main(parent: ParentPortLike) {
  try {
    const args = parseServicesArgs(process.argv.slice(2));
    const running = await startHonouringLan(startServer, args);
    serveOverPort(parent, running.services.dispatcher, running.stop);
    parent.postMessage({ type: 'ready', url: running.url, dbFile: running.services.dbFile });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message =
      err.code === 'EADDRINUSE'
        ? 'Another Galla (or another program) is using the port: close it and start Galla again.'
        : err.name === 'DatabaseTooNewError'
          ? err.message
          : `Galla's services could not start: ${err.message}`;
    parent.postMessage({ type: 'fatal', message });
    process.exit(1);
  }
}

if (port) void main(port);
else {
  console.error('This file is the services entry of Galla’s Electron app; use `npm run serve` to run the services alone.');
  process.exitCode = 2;
}
