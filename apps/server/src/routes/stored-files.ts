/**
 * What every route that takes or gives back a stored file (obligation evidence, assessment
 * attachments) shares: the raw octet-stream upload (its parser, its 20 MB limit, the refusal of any
 * other body before it is read, the empty-body check) and the download reply.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, contentDisposition, MAX_EVIDENCE_BYTES } from '@glassbox/core';

/** Registers the octet-stream parser in an upload scope (call it on the scope only). */
export function acceptRawFiles(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES }, (_request, body, done) => done(null, body));
}

/** Route options of a raw upload: its body limit, and any other content type refused before the body is read (after the access check, which runs first). */
export const rawFileUpload = {
  bodyLimit: MAX_EVIDENCE_BYTES,
  onRequest: async (request: FastifyRequest): Promise<void> => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/octet-stream') {
      throw Object.assign(new Error('Send the file itself as the body, with Content-Type: application/octet-stream and its type in X-File-Type.'), {
        statusCode: 415,
        code: 'EVIDENCE_OCTET_STREAM_REQUIRED',
      });
    }
  },
};

/** The uploaded bytes, or a 400 when the body is empty. */
export function uploadedBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('bad_request', 'evidence.empty_file', 'The file is empty.');
  return body;
}

/** Sends a stored file as an attachment with its stored type (text as UTF-8), never cached. */
export function sendStoredFile(reply: FastifyReply, file: { contentType: string; sizeBytes: number; fileName: string; stream: Readable }): FastifyReply {
  const type = file.contentType.startsWith('text/') ? `${file.contentType}; charset=utf-8` : file.contentType;
  return reply
    .header('content-type', type)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}
