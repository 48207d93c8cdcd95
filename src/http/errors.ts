/**
 * One error path: validation errors → 400 with every path and message; AppError and DomainError codes →
 * statuses from one table; Fastify's own client errors keep their 4xx; anything else → a generic 500 with
 * the request id (the details go to the log, which carries no patient data).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode } from '../app/errors.js';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';

export const STATUS: Record<AppErrorCode | DomainErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  GONE: 410,
  LOCKED: 423,
  INVALID_CASE: 400,
  INVALID_POLICY: 500,
  POLICY_NOT_FOUND: 400,
  POLICY_NOT_IN_EFFECT: 422,
  NO_JURISDICTION: 422,
};

const jsonPointerToPath = (pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');

/** A failed query's message lists its parameters (names, dates of birth…): logs keep the SQL, not them. */
export function redactQueryParams(text: string | undefined): string | undefined {
  return text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [redacted]');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = err.validation.map((v) => ({
        path: [where, jsonPointerToPath(v.instancePath)].filter(Boolean).join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).send({
        error: {
          code: 'VALIDATION',
          message: `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`.slice(
            0,
            1000,
          ),
          issues,
          requestId: req.id,
        },
      });
    }
    if (err instanceof AppError || err instanceof DomainError) {
      const status = STATUS[err.code];
      if (status >= 500) req.log.error({ code: err.code }, 'policy catalog fault');
      return reply.code(status).send({
        error: { code: err.code, message: err.message, issues: err.issues, requestId: req.id },
      });
    }
    if ((err as { code?: string }).code === '23505') {
      // A unique constraint: the record already exists (e.g. an email already in use).
      return reply
        .code(409)
        .send({ error: { code: 'CONFLICT', message: 'that record already exists', requestId: req.id } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type, rate limit…
      return reply.code(status).send({
        error: { code: err.code ?? 'BAD_REQUEST', message: err.message, requestId: req.id },
      });
    }
    req.log.error(
      {
        err: { name: err.name, message: redactQueryParams(err.message), stack: redactQueryParams(err.stack) },
      },
      'unexpected error',
    );
    return reply.code(500).send({
      error: { code: 'INTERNAL', message: 'something went wrong; quote this request id', requestId: req.id },
    });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such route', requestId: req.id } }),
  );
}
