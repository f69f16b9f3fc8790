/**
 * Import and export of the AI-system inventory. Export: CSV or JSON, in the 'glassbox' profile or
 * the US OMB 2025 inventory columns, streamed as an attachment. Import: a CSV file (text/csv) in the
 * 'glassbox' profile, checked row by row; any problem → 400 with every {row, column, problem} and
 * nothing written; otherwise every system is registered in one transaction. The work is done by
 * packages/core/src/inventory-io, which the CLI calls too.
 *
 * The server parses only JSON at its root; this plugin adds a text/csv parser (with its own, larger
 * body limit) in its own scope, so no other route accepts CSV.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_PROFILES, exportInventory, importInventory } from '@glassbox/core';
import { errorBody, errors, orgParams } from '../schemas.js';
import { orgOf } from './org.routes.js';

/** Largest CSV the import accepts: about 10,000 fully filled rows. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const readers = { org: 'member', token: 'read' } as const;
const importers = { org: ['admin', 'governance_officer'], token: 'write' } as const;
const tags = ['inventory'];

const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('csv'),
    profile: z.enum(EXPORT_PROFILES).default('glassbox'),
    archived: z.enum(['false', 'true', 'any']).default('false'),
  })
  .strict();

const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') }).strict();

const problem = z.object({ row: z.number().int(), column: z.string(), problem: z.string() });

const reportBody = z.object({
  dryRun: z.literal(true),
  valid: z.boolean(),
  rows: z.number().int(),
  problems: z.array(problem),
  ignoredColumns: z.array(z.string()),
});

const createdBody = z.object({ created: z.number().int(), rows: z.number().int(), ignoredColumns: z.array(z.string()) });

const csvRequired = (): Error =>
  Object.assign(new Error('Send the file as text/csv: a CSV file whose first row names the columns.'), { statusCode: 415, code: 'CSV_REQUIRED' });

export const inventoryIoRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/v1/orgs/:org/systems';

  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
  // Anything else but JSON (which the root parses, and the route then refuses) gets a message about CSV.
  app.addContentTypeParser('*', (_request, _payload, done) => done(csvRequired(), undefined));

  app.get(`${base}/export`, {
    config: { access: readers },
    schema: {
      tags,
      summary: 'Download the inventory as CSV or JSON: every field (profile=glassbox) or the US OMB 2025 inventory columns (profile=omb-2025)',
      params: orgParams,
      querystring: exportQuery,
      response: { 200: z.unknown().describe('The file: text/csv or application/json, sent as an attachment'), ...errors },
    },
    handler: async (request, reply) => {
      const { format, profile, archived } = request.query;
      const file = await exportInventory(request.ctx(), {
        organisationId: orgOf(request).id,
        format,
        profile,
        archived: archived === 'any' ? 'any' : archived === 'true',
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(file.chunks, { objectMode: false }));
    },
  });

  app.post(`${base}/import`, {
    config: { access: importers },
    schema: {
      tags,
      summary: 'Register AI systems from a CSV file (text/csv, glassbox profile columns): all rows or none; dryRun=true only checks',
      params: orgParams,
      querystring: importQuery,
      consumes: ['text/csv'],
      body: z.string().describe('The CSV file (content-type text/csv)'),
      response: {
        200: reportBody,
        201: createdBody,
        ...errors,
        400: errorBody.extend({ problems: z.array(problem).optional() }),
      },
    },
    preValidation: async (request) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'text/csv') throw csvRequired();
    },
    handler: async (request, reply) => {
      const result = await importInventory(request.ctx(), {
        organisationId: orgOf(request).id,
        csv: request.body,
        dryRun: request.query.dryRun === 'true',
      });
      const { rows, problems, ignoredColumns } = result;
      if (result.dryRun) return reply.status(200).send({ dryRun: true, valid: problems.length === 0, rows, problems, ignoredColumns });
      if (problems.length > 0) {
        const inRows = new Set(problems.map((p) => p.row)).size;
        return reply.status(400).send({
          code: 'inventory.import_invalid',
          message: `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${inRows} row${inRows === 1 ? '' : 's'}; nothing was imported.`,
          problems,
        });
      }
      return reply.status(201).send({ created: result.created, rows, ignoredColumns });
    },
  });
};
