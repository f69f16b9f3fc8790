/** Plain-text tables for the terminal. */

export type Align = 'left' | 'right';

export function table(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return (align[i] ?? (i === 0 ? 'left' : 'right')) === 'left' ? c.padEnd(w) : c.padStart(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-GB');
/** autocannon's latencies have 1 ms resolution: 0 means under a millisecond. */
export const fmtMs = (n: number): string => (n < 1 ? '<1' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const fmtPct = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;
