/**
 * The zod shape of an organisation's assessment rules (@glassbox/rules AssessmentNeedRule), checked
 * at compile time against the rules type (the lifecycle list only takes known stages). The service parses stored and submitted lists with it;
 * the HTTP routes declare it as the GET response, so the OpenAPI document shows the format.
 */
import { z } from 'zod';
import type { AssessmentNeedRule } from '@glassbox/rules';
import { EU_TIER_VALUES } from '../../classification/classification.schemas.js';
import { LIFECYCLE_STAGES } from '../../inventory/lifecycle.js';
import { DECISION_ROLES, SOURCING } from '../../inventory/system-fields.js';

const key = z.string().min(1).max(100);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).optional();

/** `lifecycle`: known stages when checking input; any text when describing stored or default rules. */
const conditionSchema = (stage: z.ZodType<string>) =>
  z
  .object({
    euTier: list(z.enum(EU_TIER_VALUES), 5).describe('The EU AI Act tier of the latest screening is one of these.'),
    friaRequired: z.boolean().optional().describe('The latest screening says an Art. 27 FRIA is (or may be) required.'),
    ombHighImpact: z.boolean().optional().describe('OMB M-25-21 high-impact (undetermined counts as yes).'),
    orgTier: list(key, 50).describe('The organisation’s tier for the system is one of these tier ids.'),
    orgTierRequires: list(key, 50).describe('The system’s tier asks for any of these requirement keys.'),
    decisionRole: list(z.enum(DECISION_ROLES), 3),
    affectsPeople: z.boolean().optional(),
    personalData: z.boolean().optional(),
    sourcing: list(z.enum(SOURCING), 3),
    lifecycle: list(stage, 20),
  })
  .strict();

const ruleSchema = (stage: z.ZodType<string>) => {
  const condition = conditionSchema(stage);
  const meets = z.union([z.object({ obligation: z.string().min(1).max(200), when: condition.optional() }).strict(), z.object({ orgTierRequirement: key }).strict()]);
  return z
  .object({
    id: key.describe('Unique, kebab-case, e.g. fria-art27.'),
    templateKey: z.string().min(1).max(80).describe('The template the rule asks for: a built-in one or one of the organisation’s own.'),
    when: condition.describe('Every listed field must hold; a list matches any of its values; {} always matches.'),
    reason: z.string().max(2000).describe('Why, in plain words, shown next to the assessment.'),
    source: z.string().max(1000).describe('The legal or policy source.'),
    meets: z.array(meets).max(20).optional().describe('Obligation keys an approved assessment satisfies.'),
  })
  .strict();
};

export const assessmentNeedConditionSchema = conditionSchema(z.enum(LIFECYCLE_STAGES));
/** What the service accepts. */
export const assessmentNeedRuleSchema = ruleSchema(z.enum(LIFECYCLE_STAGES));
/** What the API returns (the rules type: lifecycle is any text). */
export const assessmentNeedRuleViewSchema = ruleSchema(z.string());

export const MAX_ASSESSMENT_RULES = 100;
export const assessmentRulesSchema = z.array(assessmentNeedRuleSchema).max(MAX_ASSESSMENT_RULES);

/** Compile-time proof that every list the schema accepts is a list of rules (lifecycle is narrower: known stages only). */
type Fits<A, B> = [A] extends [B] ? true : false;
const fits: Fits<z.infer<typeof assessmentNeedRuleSchema>, AssessmentNeedRule> = true;
void fits;
