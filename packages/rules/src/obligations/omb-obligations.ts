/**
 * Turns an OMB high-impact determination into obligation templates: the M-25-21 App. §4(b)
 * minimum practices when high-impact (waived practices become the waiver's upkeep; an exempt pilot
 * applies them where practicable), the written determination for a presumed use found not to be
 * high-impact, and the yearly use-case inventory entry.
 */
import type { OmbClassification } from '../us-omb/high-impact.js';
import type { ObligationTemplate } from './template.js';

const omb = (t: Omit<ObligationTemplate, 'framework'>): ObligationTemplate => ({ framework: 'us-omb', ...t });

/** Obligation templates under OMB M-25-21 for one use case. */
export function ombObligations(c: OmbClassification): ObligationTemplate[] {
  const out: ObligationTemplate[] = [];
  if (c.determination === 'undetermined')
    out.push(
      omb({
        key: 'omb.m25-21.5.resolve-determination',
        reference: 'M-25-21 App. §5-6',
        title: 'Decide whether the use is high-impact',
        description: 'Answer the open questions on whether the output is a principal basis for decisions with significant effects on rights or safety, and on the presumed purposes, before the use starts.',
        phase: 'before_deployment',
      }),
    );
  if (c.determination === 'presumed-determined-not-high-impact')
    out.push(
      omb({
        key: 'omb.m25-21.6.not-high-impact-determination',
        reference: 'M-25-21 App. §6',
        title: 'Keep the written “not high-impact” determination',
        description: 'Keep the written determination and its justification, documented to the CAIO, and report it in the inventory as “Presumed high-impact, but determined not high impact”.',
        phase: 'before_deployment',
      }),
    );
  if (c.highImpact && c.pilot.status === 'exempt')
    out.push(
      omb({
        key: 'omb.m25-21.4.pilot-conditions',
        reference: 'M-25-21 App. §4 (pilots)',
        title: 'Keep the pilot within its exemption',
        description:
          'Keep the pilot limited in scale and duration, certified by the CAIO and tracked centrally, with opt-in or opt-out offered where possible; apply the minimum practices where practicable, and in full before scaling up.',
        phase: 'in_operation',
      }),
    );
  for (const p of c.minimumPractices) {
    if (p.status === 'pilot_exempt') continue;
    if (p.status === 'waived') {
      out.push(
        omb({
          key: `omb.m25-21.4b.${p.id}.waiver`,
          reference: `${p.reference}; M-25-21 App. §4 (waivers)`,
          title: `Keep the waiver of “${p.title}” current`,
          description: 'Report the waiver to OMB within 30 days of granting or revoking it, publish a summary, and have the CAIO recertify it every year and after significant changes.',
          phase: 'in_operation',
          recurrenceMonths: 12,
        }),
      );
      continue;
    }
    out.push(omb({ key: `omb.m25-21.4b.${p.id}`, reference: p.reference, title: p.title, description: p.description, phase: p.phase }));
  }
  out.push(
    omb({
      key: 'omb.inventory.annual-entry',
      reference: 'M-25-21; 2025 AI use case inventory guidance',
      title: 'Report the use case in the annual AI inventory',
      description: 'Keep the use case’s entry in the agency’s AI use case inventory up to date, including the high-impact flag and, when high-impact, the status of each minimum practice.',
      phase: 'in_operation',
      recurrenceMonths: 12,
    }),
  );
  return out;
}
