/**
 * The bench's child processes and temporary folders, and the one place that cleans them all up:
 * on success, on a thrown error and on Ctrl-C. Children get their own process group so that a
 * grandchild (the server under `node scripts/start.mjs`) goes down with its parent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type CleanupTask = { label: string; run: () => Promise<void> | void };
const cleanupTasks: CleanupTask[] = [];
let cleaning: Promise<void> | null = null;

/** Registers something to undo at the end; tasks run newest first. Returns a function that runs it now. */
export function onCleanup(label: string, run: () => Promise<void> | void): () => Promise<void> {
  const task: CleanupTask = { label, run };
  cleanupTasks.push(task);
  return async () => {
    const i = cleanupTasks.indexOf(task);
    if (i === -1) return;
    cleanupTasks.splice(i, 1);
    await task.run();
  };
}

export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanupTasks.length > 0) {
      const task = cleanupTasks.pop();
      if (!task) break;
      try {
        await task.run();
      } catch (err) {
        console.error(`cleanup: ${task.label} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping children and removing temporary folders…`);
    void cleanupAll().finally(() => process.exit(128 + (os.constants.signals[signal] ?? 1)));
  });
}

export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `glassbox-bench-${label}-`));
  onCleanup(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type Child = {
  name: string;
  proc: ChildProcess;
  /** The last lines it printed, for error messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  stop(): Promise<void>;
};

export function spawnChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (process.env.BENCH_VERBOSE === '1') console.error(`  [${name}] ${line}`);
    }
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    proc.on('error', (err) => {
      done = true;
      lines.push(`spawn failed: ${err.message}`);
      resolve({ code: null, signal: null });
    });
  });

  const killGroup = (signal: NodeJS.Signals) => {
    if (proc.pid === undefined) return;
    try {
      process.kill(-proc.pid, signal);
    } catch {
      // The group is already gone.
    }
  };

  const stop = onCleanup(`stop ${name}`, async () => {
    if (done) return;
    killGroup('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
    if ((await Promise.race([exited, timer])) === 'timeout') {
      console.error(`  ${name} did not stop within 10 s of SIGTERM: killing it`);
      killGroup('SIGKILL');
      await exited;
    }
    // Whatever the leader left behind in its group (a build it started, say).
    killGroup('SIGKILL');
  });

  return { name, proc, output: () => lines.slice(-40).join('\n'), exited, hasExited: () => done, stop };
}

/** Polls url until it answers 200; returns the milliseconds since `since`. Fails if the child dies. */
export async function waitFor200(url: string, child: Child, since: number, timeoutMs = 60_000): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    if (child.hasExited()) {
      const { code, signal } = await child.exited;
      throw new Error(`${child.name} exited (${signal ?? `code ${code}`}) before ${url} answered 200:\n${child.output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) {
      throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s:\n${child.output()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
