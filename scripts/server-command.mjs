// How the Glassbox server process is started: by `npm start` (scripts/start.mjs), the end-to-end
// harness and the benchmark alike, so what is measured and tested is what runs.
//
// --max-semi-space-size=64: V8's young generation may grow to 64 MiB per half (the default tops
// out at 16 MiB on 64-bit). Each API request allocates rows, objects and strings that die young;
// with the larger nursery they are collected less often and far fewer survive into the old
// generation. On the inventory benchmark this cut the server's CPU per request by about 15 % and
// shortened the latency tail; it costs at most about 100 MiB more memory under load.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
export const SERVER_ENTRY = ['--import', 'tsx', 'apps/server/src/main.ts'];

/** The arguments after `node` that start the server (extra flags, such as --cpu-prof, go first). */
export function serverArgs(extraFlags = []) {
  return [...SERVER_NODE_FLAGS, ...extraFlags, ...SERVER_ENTRY];
}
