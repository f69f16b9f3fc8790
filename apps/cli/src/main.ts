/** Entry point of the `glassbox` command (bin/glassbox.mjs loads it through tsx). */
import { readAllStdin } from './command.js';
import { run } from './cli.js';

process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  env: process.env,
  readStdin: readAllStdin,
});
