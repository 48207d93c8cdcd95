/**
 * Errors a use case raises on purpose. Each has a stable code; the HTTP layer maps codes to statuses in one
 * table (src/http/errors.ts). Anything else is a fault: a generic 500 with a request id, details to the log.
 */
import type { Issue } from '../domain/errors.js';

export type AppErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'LOCKED'
  | 'GONE'
  | 'CSRF';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Unknown ids and other practices' ids answer alike, so nothing reveals that a record exists. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
