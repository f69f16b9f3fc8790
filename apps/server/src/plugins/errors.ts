/**
 * One error handler for the API. AppError → its status and `{ code, message }`; validation → 400
 * naming each field; framework 4xx (bad JSON, wrong content type, body too large) → that status
 * with a plain message; anything else → logged with the request id, and a plain 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '@glassbox/core';

export type ErrorBody = { code: string; message: string; fields?: Record<string, string> };

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

export function toErrorResponse(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const fields = error.details?.fields as Record<string, string> | undefined;
    return { status: error.status, body: { code: error.code, message: error.message, ...(fields && { fields }) } };
  }
  const e = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (Array.isArray(e.validation)) {
    const fields = fieldsFrom(e.validation);
    const where = e.validationContext ?? 'request';
    const names = Object.keys(fields).join(', ');
    return { status: 400, body: { code: 'request.invalid', message: `The ${where} is not valid: check ${names}.`, fields } };
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
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(error, request);
    if (status >= 400 && status < 500) request.log.info({ code: body.code, status }, body.message);
    void reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}

export default fp(errorsPlugin, { name: 'errors' });
