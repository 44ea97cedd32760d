// What went wrong with a model file, in words that say what to do next. The CLI prints `message`
// and exits non-zero; the voice screen shows it as the engine's reason.
export type ModelErrorKind =
  | 'unknown-model'
  | 'bundled'
  | 'no-hash'
  | 'offline'
  | 'unreachable'
  | 'interrupted'
  | 'http'
  | 'corrupt'
  | 'disk'
  | 'busy'
  | 'io';

export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  constructor(kind: ModelErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelError';
    this.kind = kind;
  }
}

export const isModelError = (e: unknown): e is ModelError => e instanceof ModelError;

/** Codes Node gives when there is no route to the internet at all (no DNS, no network). */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);
/** Codes for a connection that was made and then lost. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

export const OFFLINE_MESSAGE = 'No internet connection: connect and run the same command again; the download resumes.';

/** Turns a socket error into a ModelError with the next step spelled out. */
export function networkError(e: unknown, ctx: { host: string; file: string; received: number; total: number | null }): ModelError {
  if (isModelError(e)) return e;
  const code = (e as { code?: string } | null)?.code ?? '';
  const why = (e as Error | null)?.message ?? String(e);
  if (OFFLINE_CODES.has(code)) return new ModelError('offline', `${OFFLINE_MESSAGE} (${code} for ${ctx.host})`, { cause: e });
  if (code === 'ECONNREFUSED') {
    return new ModelError('unreachable', `Could not connect to ${ctx.host} (connection refused): check the internet connection or the mirror address (GALLA_MODELS_BASE_URL), then run the same command again; the download resumes.`, { cause: e });
  }
  if (DROPPED_CODES.has(code) || /aborted|socket hang up|premature/i.test(why) || ctx.received > 0) {
    const at = ctx.total ? `${mb(ctx.received)} of ${mb(ctx.total)}` : mb(ctx.received);
    return new ModelError('interrupted', `The download of ${ctx.file} stopped at ${at} (${code || why}). Run the same command again; it resumes from there.`, { cause: e });
  }
  return new ModelError('unreachable', `Could not download ${ctx.file} from ${ctx.host}: ${why}. Check the connection and run the same command again.`, { cause: e });
}

export const mb = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;
