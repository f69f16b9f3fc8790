/**
 * Shared zod pieces for route schemas: timestamps out as ISO strings, the error body, paging.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** A Date in the service layer, an ISO 8601 string on the wire. */
export const timestamp = z.date().transform((d) => d.toISOString()).pipe(z.string());
export const nullableTimestamp = z
  .date()
  .nullable()
  .transform((d) => (d ? d.toISOString() : null))
  .pipe(z.string().nullable());

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  /** What the caller can act on, where the error has more to say (e.g. `blocking`: the gates that stop a lifecycle move). */
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Error responses every authenticated route may give. */
export const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
  415: errorBody,
  429: errorBody,
};

export const orgParams = z.object({ org: z.string().min(1).max(63) }).strict();

export const paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const roleSchema = z.enum(['admin', 'governance_officer', 'system_owner', 'reviewer', 'caseworker', 'auditor', 'staff']);

export const noContent = z.null();

/**
 * Sends JSON text a service wrote (the database's json_build_object, for hot lists) as the reply.
 * Fastify sends a string with a JSON content type as it is; the route's response schema still
 * documents the shape, and the service's tests keep the text equal to the schema's output.
 */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  // The type provider expects the schema's object type; the text is that object, already serialised.
  return reply.type('application/json; charset=utf-8').send(text as never);
}
