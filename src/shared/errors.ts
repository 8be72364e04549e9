/** Errors that carry a code and a message a person can read, and cross the IPC boundary intact. */
import type { ApiError } from './api';
import { ErrorCodes } from './errorCodes';
import type { ErrorCode } from './errorCodes';

export class DossierError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
  }
}

/** Turns anything thrown into an ApiError; unexpected errors keep their message for the report. */
export function toApiError(error: unknown, context: string): ApiError {
  if (error instanceof DossierError) return { code: error.code, message: error.message };
  if (isApiErrorLike(error)) return { code: error.code, message: error.message };
  // SQLite refuses writes to a case opened read-only; say so in words, not as a failure.
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_READONLY') {
    return { code: 'read-only', message: 'This case is open read-only, so nothing in it can be changed. Copy it to a folder you can write to and open the copy to edit.' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `${context} failed unexpectedly: ${detail}` };
}

function isApiErrorLike(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  return (
    typeof candidate.message === 'string' &&
    typeof candidate.code === 'string' &&
    (ErrorCodes as readonly string[]).includes(candidate.code) &&
    candidate.code !== 'internal'
  );
}
