import { describe, expect, it } from 'vitest';
import { isAllowedLifecycleMove, isArchivableStage, isDecisionStage, isGatedStage, isLifecycle, LIFECYCLE_STAGES, lifecycleTargets, type Lifecycle } from './lifecycle.js';

/** Written out by hand from the design, not derived from the table under test. */
const ALLOWED = new Set([
  'idea→proposed',
  'proposed→in_review',
  'proposed→idea',
  'proposed→rejected',
  'in_review→approved',
  'in_review→rejected',
  'in_review→proposed',
  'approved→in_service',
  'approved→in_review',
  'approved→retired',
  'in_service→suspended',
  'in_service→retired',
  'suspended→in_service',
  'suspended→in_review',
  'suspended→retired',
  'rejected→proposed',
]);

const PAIRS: Array<{ from: Lifecycle; to: Lifecycle; allowed: boolean }> = LIFECYCLE_STAGES.flatMap((from) =>
  LIFECYCLE_STAGES.map((to) => ({ from, to, allowed: ALLOWED.has(`${from}→${to}`) })),
);

describe('lifecycle transitions', () => {
  it('covers every pair of stages', () => {
    expect(PAIRS).toHaveLength(64);
    expect(PAIRS.filter((p) => p.allowed)).toHaveLength(ALLOWED.size);
  });

  it.each(PAIRS)('$from → $to allowed: $allowed', ({ from, to, allowed }) => {
    expect(isAllowedLifecycleMove(from, to)).toBe(allowed);
    expect(lifecycleTargets(from).includes(to)).toBe(allowed);
  });

  it('never allows staying in the same stage, and retired is terminal', () => {
    for (const s of LIFECYCLE_STAGES) expect(isAllowedLifecycleMove(s, s)).toBe(false);
    expect(lifecycleTargets('retired')).toEqual([]);
  });

  it('every stage is reachable from idea', () => {
    const seen = new Set<Lifecycle>(['idea']);
    const queue: Lifecycle[] = ['idea'];
    for (let s = queue.shift(); s; s = queue.shift()) {
      for (const next of lifecycleTargets(s)) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect([...seen].sort()).toEqual([...LIFECYCLE_STAGES].sort());
  });
});

describe('stage properties', () => {
  it.each([
    { stage: 'idea', decision: false, gated: false, archivable: true },
    { stage: 'proposed', decision: false, gated: false, archivable: true },
    { stage: 'in_review', decision: false, gated: false, archivable: false },
    { stage: 'approved', decision: true, gated: true, archivable: false },
    { stage: 'in_service', decision: false, gated: true, archivable: false },
    { stage: 'suspended', decision: false, gated: false, archivable: false },
    { stage: 'retired', decision: false, gated: false, archivable: true },
    { stage: 'rejected', decision: true, gated: false, archivable: true },
  ] as const)('$stage', ({ stage, decision, gated, archivable }) => {
    expect(isDecisionStage(stage)).toBe(decision);
    expect(isGatedStage(stage)).toBe(gated);
    expect(isArchivableStage(stage)).toBe(archivable);
  });

  it.each([
    ['idea', true],
    ['in_service', true],
    ['deployed', false],
    ['', false],
    ['IDEA', false],
  ] as const)('isLifecycle(%j) is %s', (value, expected) => {
    expect(isLifecycle(value)).toBe(expected);
  });
});
