/**
 * One error handler for the API. AppError → its status and `{ code, message }`; validation → 400
 * naming each field; framework 4xx (bad JSON, wrong content type, body too large) → that status
 * with a plain message; anything else → logged with the request id, and a plain 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '@glassbox/core';

export type ErrorBody = { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };

type ValidationIssue = { instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> };

function fieldsFrom(issues: ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
      for (const key of issue.params.keys as string[]) fields[path ? `${path}.${key}` : key] = 'Unknown field: remove it.';
      continue;
    }
    const key = path || '(body)';
    fields[key] ??= issue.message ?? 'Invalid value.';
  }
  return fields;
}

/** Finds the first string containing a NUL character, which PostgreSQL text cannot store. */
export function findNulField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  // A raw binary body (an evidence file) is bytes, not text: NUL is allowed, and walking it byte by byte would take minutes.
  if (ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findNulField(v, path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNulField(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

/** Database refusals that reach here are input the schemas let through: a 4xx, never a 500. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'conflict.duplicate', message: 'Something with the same unique value already exists.' },
  '23514': { status: 400, code: 'request.constraint', message: 'A value is outside what is allowed.' },
  '23503': { status: 409, code: 'conflict.reference', message: 'This refers to something that does not exist or is still in use.' },
  '22001': { status: 400, code: 'request.too_long', message: 'A value is too long.' },
  '22021': { status: 400, code: 'request.bad_encoding', message: 'A value contains characters that cannot be stored.' },
  '22P02': { status: 400, code: 'request.bad_value', message: 'A value has the wrong format.' },
  '22007': { status: 400, code: 'request.bad_date', message: 'A date or time is not valid.' },
  '22008': { status: 400, code: 'request.bad_date', message: 'A date or time is out of range.' },
};

export function toErrorResponse(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    // Services put what the caller can act on in details (e.g. the gates that block a move); fields stays apart.
    const { fields, ...rest } = (error.details ?? {}) as { fields?: Record<string, string> } & Record<string, unknown>;
    const details = Object.keys(rest).length > 0 ? rest : undefined;
    return { status: error.status, body: { code: error.code, message: error.message, ...(fields && { fields }), ...(details && { details }) } };
  }
  const e = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (Array.isArray(e.validation)) {
    const fields = fieldsFrom(e.validation);
    const where = e.validationContext ?? 'request';
    const names = Object.keys(fields).join(', ');
    return { status: 400, body: { code: 'request.invalid', message: `The ${where} is not valid: check ${names}.`, fields } };
  }
  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === 'string' && pgCode in PG_CLIENT_ERRORS && !('statusCode' in (error as object))) {
    const known = PG_CLIENT_ERRORS[pgCode];
    if (known) {
      request.log.warn({ err: error }, 'database refused input');
      return { status: known.status, body: { code: known.code, message: known.message } };
    }
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const known: Record<string, string> = {
      FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the body as application/json.',
      FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
      FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty; send a JSON object.',
      FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON.',
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
    };
    const message = (e.code && known[e.code]) ?? (e.message || 'Bad request.');
    const code = status === 429 ? 'request.rate_limited' : e.code ? `request.${e.code.toLowerCase()}` : 'request.bad';
    return { status, body: { code, message } };
  }
  request.log.error({ err: error }, 'unhandled error');
  return {
    status: 500,
    body: { code: 'internal', message: `Something went wrong on our side. Quote this reference if you contact us: ${request.id}` },
  };
}

async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['body', request.body], ['query', request.query], ['params', request.params]] as const) {
      const field = findNulField(value);
      if (field) {
        throw new AppError('bad_request', 'request.nul_character', `The ${part} field "${field}" contains a NUL character, which is not allowed.`, {
          fields: { [field]: 'Remove the NUL character.' },
        });
      }
    }
  });
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(error, request);
    if (status >= 400 && status < 500) request.log.info({ code: body.code, status }, body.message);
    void reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}

export default fp(errorsPlugin, { name: 'errors' });
