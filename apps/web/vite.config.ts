// Vite build for the staff app. The Fastify server serves dist/ under /app/ and answers
// every /app/* path with index.html, so client-side routes survive a reload.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `npm run dev -w @glassbox/web` talks to a locally running server.
    proxy: { '/api': process.env['GLASSBOX_API_URL'] ?? 'http://localhost:3000' },
  },
});
