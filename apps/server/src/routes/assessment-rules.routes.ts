/**
 * Which assessments the organisation's systems need, and when an approved one must be redone
 * (issue #4 points 5 and 6), over HTTP:
 * - the organisation's assessment rules: read them (the defaults until changed), replace them,
 *   go back to Glassbox's defaults. Every member and read tokens read them — they are the reasons
 *   each system's assessments page already shows; administrators and governance officers change
 *   them (not tokens). A change rebuilds the checklists of the organisation's screened systems.
 * - a material change of a system, recorded by whoever may edit it: approved assessments whose
 *   template asks for it are marked due for reassessment, with the reason.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentNeedRuleViewSchema, getAssessmentRules, MAX_ASSESSMENT_RULES, recordMaterialChange, resetAssessmentRules, updateAssessmentRules } from '@glassbox/core';
import { errors, nullableTimestamp, orgParams } from '../schemas.js';
import { orgOf } from './org.routes.js';

const tags = ['assessments'];
const readers = { org: 'member', token: 'read' } as const;
const managers = { org: ['admin', 'governance_officer'] } as const;
const editors = { org: ['admin', 'governance_officer', 'system_owner'], token: 'write' } as const;

const rulesBody = z.object({
  rules: z.array(assessmentNeedRuleViewSchema).describe('The rules in force, in order; a system needs every template a matching rule names.'),
  isDefault: z.boolean().describe('True while the organisation uses Glassbox’s defaults.'),
  updatedAt: nullableTimestamp,
  templateTitles: z.record(z.string(), z.string()).describe('The title of each template the rules name.'),
});
const changedBody = rulesBody.extend({ systemsResynced: z.number().int().describe('Systems whose checklist changed.') });

const systemParams = orgParams
  .extend({
    systemId: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Give the system id or its slug.'),
  })
  .strict();

export const assessmentRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  const path = '/api/v1/orgs/:org/assessment-rules';

  app.get(path, {
    config: { access: readers },
    schema: {
      tags,
      summary: 'The rules that decide which assessments a system needs: the organisation’s own, or Glassbox’s defaults (isDefault)',
      params: orgParams,
      response: { 200: rulesBody, ...errors },
    },
    handler: async (request) => getAssessmentRules(request.ctx(), { organisationId: orgOf(request).id }),
  });

  app.put(path, {
    config: { access: managers },
    schema: {
      tags,
      summary:
        'Replace the organisation’s assessment rules (administrators and governance officers). Each rule has the shape of the GET response’s rules; problems come back as field errors keyed by path, e.g. `[2].templateKey`. Template keys must name a built-in template or one of the organisation’s own. Checklists are rebuilt at once.',
      params: orgParams,
      // Checked by the service, so that every problem (shape or meaning) is keyed by its path in the list.
      body: z.object({ rules: z.array(z.unknown()).max(MAX_ASSESSMENT_RULES) }).strict(),
      response: { 200: changedBody, ...errors },
    },
    handler: async (request) => updateAssessmentRules(request.ctx(), { organisationId: orgOf(request).id, rules: request.body.rules }),
  });

  app.delete(path, {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Go back to Glassbox’s default assessment rules (administrators and governance officers); checklists are rebuilt at once',
      params: orgParams,
      response: { 200: changedBody, ...errors },
    },
    handler: async (request) => resetAssessmentRules(request.ctx(), { organisationId: orgOf(request).id }),
  });

  app.post('/api/v1/orgs/:org/systems/:systemId/material-change', {
    config: { access: editors, systemScopedTokens: true },
    schema: {
      tags,
      summary:
        'Record a material change of a system that its fields do not show (a retrained model, a new data source, a new group of people): its approved assessments whose template asks for it are marked due for reassessment, with the reason',
      params: systemParams,
      body: z.object({ reason: z.string().max(2000) }).strict(),
      response: {
        200: z.object({ reason: z.string(), assessments: z.array(z.object({ id: z.uuid(), templateKey: z.string() })).describe('The assessments now due.') }),
        ...errors,
      },
    },
    handler: async (request) => recordMaterialChange(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, reason: request.body.reason }),
  });
};
