// What `npm start` runs: builds the staff app when its sources are newer than the build, then runs
// the server in the foreground, passing SIGINT/SIGTERM on and exiting with the server's code.
// A failed web build is a warning, not a stop: the server still starts and /app explains (503).
// GLASSBOX_SKIP_WEB_BUILD=1 skips the build check (server work, or a machine without the web tools).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArgs } from './server-command.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const builtIndex = path.join(web, 'dist/index.html');
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Newest modification time (ms) of a file, or of any file below a folder; 0 when absent. */
function newestMtime(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Why the staff app needs building, or null when dist/ is up to date. */
function buildReason() {
  if (!existsSync(builtIndex)) return 'apps/web/dist/index.html is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(web, p));
  const changed = sources.find((s) => newestMtime(s) > builtAt);
  return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

/** Runs a child with inherited stdio, forwarding our signals to it; resolves with how it ended. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    const forward = (signal) => child.kill(signal);
    for (const s of FORWARDED) process.on(s, forward);
    const detach = () => {
      for (const s of FORWARDED) process.off(s, forward);
    };
    child.on('error', (err) => {
      detach();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      detach();
      resolve({ code, signal });
    });
  });
}

// While the build runs, a signal forwarded to npm must also end us rather than start the server.
let stopping = false;
const markStopping = () => {
  stopping = true;
};
for (const s of FORWARDED) process.on(s, markStopping);

const reason = process.env.GLASSBOX_SKIP_WEB_BUILD === '1' ? null : buildReason();
if (reason) {
  process.stderr.write(`Building the staff app (${reason}): npm run build:web\n`);
  let outcome;
  try {
    outcome = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:web']);
  } catch (err) {
    outcome = { code: null, signal: null, error: err };
  }
  if (stopping) process.exit(130);
  if (outcome.code !== 0) {
    const how = outcome.error ? String(outcome.error) : outcome.signal ? `killed by ${outcome.signal}` : `exit code ${outcome.code}`;
    const fallback = existsSync(builtIndex) ? 'the previous build in apps/web/dist will be served' : '/app will answer 503 until it builds';
    process.stderr.write(
      `\nWARNING: the staff app could not be built (${how}). Starting the server anyway; ${fallback}.\n` +
        '         The build error is above; `npm run build:web` runs the build again.\n\n',
    );
  }
}
for (const s of FORWARDED) process.off(s, markStopping);

const server = await run(process.execPath, serverArgs());
if (server.signal) {
  // Die the same way the server did, so a supervisor sees the signal.
  process.kill(process.pid, server.signal);
  setTimeout(() => process.exit(1), 1000).unref();
} else {
  process.exit(server.code ?? 1);
}
