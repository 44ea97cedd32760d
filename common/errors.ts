// Stable error codes that cross every boundary (IPC, HTTP, voice). STYLE note 5.
export const ERROR_STATUS = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 400,
  INSUFFICIENT_STOCK: 400,
  CREDIT_LIMIT: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** The input field at fault, dotted path ("items.0.quantity"), when there is one. */
  field?: string;
}

/** Thrown inside the services; turned into a Result at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
  toShape(): AppErrorShape {
    return this.field === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, field: this.field };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});
