#!/usr/bin/env node
// The `glassbox` command: loads tsx's ESM hooks, then runs the TypeScript entry point. Paths are
// resolved from this file, not the working directory, so it works from anywhere (npx, npm run, PATH).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Pin the repository's tsconfig so a tsconfig in the caller's directory cannot change how we compile.
register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');
