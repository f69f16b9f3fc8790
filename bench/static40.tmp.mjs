import Fastify from 'fastify';
import fs from 'node:fs';
const body = fs.readFileSync('/tmp/page.json', 'utf8');
const parsed = JSON.parse(body);
const app = Fastify({ logger: false });
app.get('/s', async (req, reply) => reply.type('application/json').send(body));
app.get('/j', async () => parsed);
await app.listen({ port: 3998, host: '127.0.0.1' });
