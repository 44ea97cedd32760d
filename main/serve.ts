// `npm run serve -- --data-dir DIR --port N [--demo] [--host H]`: the shop's services in plain Node.
import { parsePort, SERVICE_OPTIONS } from './cli-args';
import { parseArgs } from 'node:util';
import { DatabaseTooNewError } from './db';
import { defaultDataDir } from './paths';
import { startServer } from './server-main';

export function parseServeArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SERVICE_OPTIONS,
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = parsePort(values.port);
  return { dataDir: values['data-dir'] ?? defaultDataDir(), port, host: values.host, demo: values.demo, help: values.help };
}

async function main() {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: npm run serve -- [--data-dir DIR] [--port N] [--host 127.0.0.1] [--demo]`);
    process.exit(2);
  }
  if (args.help) {
    console.log('Usage: npm run serve -- [--data-dir DIR] [--port N] [--host 127.0.0.1] [--demo]');
    return;
  }
  try {
    const running = await startServer(args);
    console.log(`listening on ${running.url}`);
    console.log(`shop data: ${running.services.dbFile}`);
    const stop = (sig: string) => {
      console.log(`${sig}: closing`);
      void running.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  } catch (e) {
    if (e instanceof DatabaseTooNewError) console.error(e.message);
    else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`Port ${args.port} is in use: another Galla may be running. Close it, or start with --port ${args.port + 1}.`);
    else console.error('Galla could not start:', e);
    process.exit(1);
  }
}

void main();
