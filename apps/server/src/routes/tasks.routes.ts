/**
 * Organisation tasks (issue #4 point 6): the gaps of an approved readiness assessment and tasks
 * added by hand, worked through with a status (dismissing needs a reason), an owner and a due date.
 *
 * Who: every member and org-wide read tokens read; admins, governance officers and org-wide write
 * tokens add and change tasks; the person a task is assigned to may change its status, which the
 * service checks (tasks/policy.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createTask, listTasks, TASK_STATUSES, updateTask } from '@glassbox/core';
import { errors, orgParams, paging, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';

const readers = { org: 'member', token: 'read' } as const;
const managers = { org: ['admin', 'governance_officer'], token: 'write' } as const;
/** The task's owner may hold any role; the service narrows it down. */
const updaters = { org: 'member', token: 'write' } as const;
const tags = ['tasks'];

const taskBody = z.object({
  id: z.uuid(),
  source: z.enum(['assessment', 'manual']),
  sourceAssessmentId: z.uuid().nullable(),
  sourceKey: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  area: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  statusNote: z.string().nullable(),
  owner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  createdBy: z.object({ id: z.string().nullable(), label: z.string() }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const listQuery = z
  .object({
    status: z.enum(TASK_STATUSES).optional(),
    owner: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
    ...paging,
  })
  .strict();

const createBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().max(5000).optional(),
    area: z.string().trim().min(1).max(300).nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
    dueDate: z.iso.date().nullable().optional(),
  })
  .strict();

const updateBody = z
  .object({
    status: z.enum(TASK_STATUSES),
    reason: z.string().trim().min(1).max(2000).nullable(),
    ownerId: z.uuid().nullable(),
    dueDate: z.iso.date().nullable(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one of status, reason, ownerId, dueDate.' });

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/v1/orgs/:org/tasks';

  app.get(base, {
    config: { access: readers },
    schema: {
      tags,
      summary: 'The organisation’s tasks, open ones first (filters: `status`, `owner` = a member id, `me` or `none`)',
      params: orgParams,
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(taskBody), total: z.number().int() }), ...errors },
    },
    handler: async (request) => listTasks(request.ctx(), { organisationId: orgOf(request).id, ...request.query }),
  });

  app.post(base, {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Add a task by hand (admins and governance officers)',
      params: orgParams,
      body: createBody,
      response: { 201: taskBody, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createTask(request.ctx(), { organisationId: orgOf(request).id, ...request.body })),
  });

  app.patch(`${base}/:taskId`, {
    config: { access: updaters },
    schema: {
      tags,
      summary: 'Update a task: status (`dismissed` needs `reason`), owner (a member or null), due date (YYYY-MM-DD or null). The task’s owner may change its status.',
      params: orgParams.extend({ taskId: z.uuid() }).strict(),
      body: updateBody,
      response: { 200: taskBody, ...errors },
    },
    handler: async (request) => updateTask(request.ctx(), { organisationId: orgOf(request).id, taskId: request.params.taskId, ...request.body }),
  });
};
