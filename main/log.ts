// Named loggers (STYLE note 18). Quiet in tests unless GALLA_LOG is set.
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const envLevel = (process.env.GALLA_LOG ?? (process.env.VITEST ? 'error' : 'info')) as Level;
const threshold = order[envLevel] ?? 20;

export interface Logger {
  debug(msg: string, ...rest: unknown[]): void;
  info(msg: string, ...rest: unknown[]): void;
  warn(msg: string, ...rest: unknown[]): void;
  error(msg: string, ...rest: unknown[]): void;
}

export function logger(name: string): Logger {
  const emit = (level: Level) => (msg: string, ...rest: unknown[]) => {
    if (order[level] < threshold) return;
    const line = `${new Date().toISOString()} ${level.toUpperCase()} [${name}] ${msg}`;
    (level === 'error' || level === 'warn' ? console.error : console.log)(line, ...rest);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
