/**
 * Purposes US federal policy presumes to be high-impact (OMB M-25-21, Appendix Section 6; earlier
 * M-24-10 Appendix I, which sorted them into rights-impacting and safety-impacting). The reference
 * file (standards/us_omb_m24-10_m25-21_reference.json) names the list but does not enumerate it,
 * so the grouping and labels below are our own paraphrase of the memoranda's appendices. Verify
 * each label against the M-25-21 PDF before relying on it; the appendix is long and we keep
 * categories coarse on purpose.
 */

export type OmbImpactKind = 'rights' | 'safety';

export const OMB_PRESUMED_CATEGORIES = {
  'safety-critical-infrastructure': {
    label:
      'Safety-critical functions of critical infrastructure or government facilities, emergency services, fire and life-safety systems, food safety, or traffic and transit control',
    impacts: ['safety'],
  },
  'physical-movement': {
    label: 'Controlling the physical movement of robots, vehicles, craft or industrial equipment that could seriously injure people',
    impacts: ['safety'],
  },
  'use-of-force': { label: 'Kinetic or non-kinetic measures for attack or active defence that could seriously injure people', impacts: ['safety'] },
  'hazardous-agents': { label: 'Transport, safety, design, development or use of hazardous chemicals, toxins or biological agents', impacts: ['safety'] },
  'facility-access-security': { label: 'Controlling access to, or the security of, government facilities', impacts: ['safety'] },
  medical: {
    label: 'Medically relevant functions: medical devices, diagnosis, patient risk assessment or treatment, allocation of care under public insurance, health-insurance costs and underwriting',
    impacts: ['safety', 'rights'],
  },
  'protected-speech': { label: 'Blocking, removing, hiding or limiting the reach of protected speech', impacts: ['rights'] },
  'law-enforcement': {
    label:
      'Law enforcement: risk assessments about individuals, identifying suspects, forecasting crime, tracking vehicles or people, biometric identification, social-media monitoring, forensic analysis, or decisions on sentencing, parole, probation, bail or pre-trial detention',
    impacts: ['rights', 'safety'],
  },
  immigration: {
    label: 'Deciding immigration, asylum or detention status; risk assessments of travellers; border or immigration-service access by biometrics or online monitoring; tracking migrants',
    impacts: ['rights'],
  },
  'public-biometric-identification': { label: 'One-to-many biometric identification in publicly accessible spaces', impacts: ['rights'] },
  'emotion-or-deception-detection': { label: 'Detecting or measuring emotions, thoughts, impairment or deception in people', impacts: ['rights'] },
  'likeness-replication': { label: 'Replicating a person’s likeness or voice without their express consent', impacts: ['rights'] },
  education: {
    label: 'Education: admissions, detecting cheating or plagiarism, monitoring students, predicting progress, discipline, access to programmes or student aid',
    impacts: ['rights'],
  },
  housing: { label: 'Housing: tenant screening or monitoring in public housing, home valuation, mortgage underwriting, home insurance', impacts: ['rights'] },
  employment: {
    label: 'Employment: hiring, pre-employment screening, pay, promotion, performance management, reasonable accommodation, discipline or termination',
    impacts: ['rights'],
  },
  'credit-and-insurance': {
    label: 'Financial services: loans, credit scoring, access to financial systems, insurance determinations, interest rates, selecting for audit, financial penalties',
    impacts: ['rights'],
  },
  'government-benefits': {
    label: 'Access to, eligibility for or revocation of critical government resources or services and benefits, including identity checks for access, fraud detection and benefit penalties',
    impacts: ['rights'],
  },
  'child-welfare': {
    label: 'Child welfare, foster care, adoption and custody decisions, and protective actions for older or disabled people',
    impacts: ['rights'],
  },
  'official-translation': {
    label: 'Translating official communication that is legally binding, or live interpretation without a qualified interpreter where it informs an agency decision',
    impacts: ['rights'],
  },
} as const satisfies Record<string, { label: string; impacts: readonly OmbImpactKind[] }>;

export type OmbPresumedCategory = keyof typeof OMB_PRESUMED_CATEGORIES;

/** Categories in a fixed order, for deterministic results. */
export const OMB_PRESUMED_CATEGORY_ORDER = Object.keys(OMB_PRESUMED_CATEGORIES) as OmbPresumedCategory[];
