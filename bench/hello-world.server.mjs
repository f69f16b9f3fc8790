// The baseline: the smallest Fastify server (GET / → {"hello":"world"}), in its own process like
// the Glassbox server, so both are measured the same way on the same machine in the same run.
// GET /members is a second reference: a list shaped and sized like Glassbox's 1,000-member
// response, kept in memory and serialised (JSON.stringify) per request: no database, no auth, no
// validation. It shows what the payload alone costs on this machine.
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const count = Number(process.env.MEMBERS ?? 1000);
const items = Array.from({ length: count }, (_, i) => ({
  userId: randomUUID(),
  email: `bench-0123abcd-${i + 1}@bench.example`,
  displayName: `Bench Person ${String(i + 1).padStart(5, '0')}`,
  roles: i % 100 === 99 ? ['admin', 'staff'] : i % 10 === 6 ? ['reviewer', 'caseworker'] : ['caseworker'],
  lastSignInAt: (i + 1) % 3 === 0 ? null : new Date(Date.now() - (i + 1) * 60_000),
  lockedUntil: null,
}));
app.get('/members', async () => ({ items, total: count }));

const port = Number(process.env.PORT ?? 3000);
await app.listen({ port, host: '127.0.0.1' });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
