/**
 * Progress of a long inventory import or export, on standard error so standard output stays the
 * result. On a terminal: one line that updates in place (each update moves the cursor back up
 * over the previous one, so it works through io.err's whole lines). Otherwise (a log, a pipe, CI):
 * a line at every tenth of the way. GLASSBOX_PROGRESS=tty|lines|off overrides the choice.
 */
import type { Io } from '../command.js';

export type ProgressMode = 'tty' | 'lines' | 'off';

/** Smaller jobs finish before anyone would read a progress line. */
export const PROGRESS_MIN_ITEMS = 100;

const UP_AND_CLEAR = '\u001b[1A\u001b[2K';

export function progressMode(io: Io): ProgressMode {
  const chosen = io.env.GLASSBOX_PROGRESS?.trim().toLowerCase();
  if (chosen === 'tty' || chosen === 'lines' || chosen === 'off') return chosen;
  return process.stderr.isTTY && io.env.TERM !== 'dumb' ? 'tty' : 'lines';
}

export type Progress = {
  /** `done` of `total` are finished. */
  update(done: number, total: number): void;
};

/** A progress line for a job of known size: "Validated 400 of 2000 rows (20%)". */
export function createProgress(io: Io, mode: ProgressMode, describe: (done: number, total: number, percent: number) => string): Progress {
  const show = redrawer(io, mode);
  let lastStep = -1;
  return {
    update(done, total) {
      if (mode === 'off' || total < PROGRESS_MIN_ITEMS) return;
      const percent = Math.floor((done * 100) / total);
      // A terminal line is redrawn at each whole percent; a log gets a line at each tenth.
      const step = mode === 'tty' ? percent : Math.floor(percent / 10);
      if (step === lastStep || (mode === 'lines' && step === 0)) return;
      lastStep = step;
      show(describe(done, total, percent));
    },
  };
}

/** A progress line for a job of unknown size, updated by count: "Exported 3000 systems…". */
export function createCounter(io: Io, mode: ProgressMode, describe: (count: number) => string): { update(count: number): void } {
  const show = redrawer(io, mode);
  let last = 0;
  return {
    update(count) {
      if (mode === 'off' || count < PROGRESS_MIN_ITEMS || count === last) return;
      last = count;
      show(describe(count));
    },
  };
}

function redrawer(io: Io, mode: ProgressMode): (line: string) => void {
  let shown = false;
  return (line) => {
    io.err(mode === 'tty' && shown ? `${UP_AND_CLEAR}${line}` : line);
    shown = true;
  };
}
