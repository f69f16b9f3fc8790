import { describe, expect, it } from 'vitest';
import { freshReads, PageCache } from './page-cache.js';

/** A read the test finishes by hand, recording when each one started. */
function manualReads() {
  const started: Array<{ key: string; finish: (v: string) => void }> = [];
  const read = (key: string) => new Promise<string>((resolve) => started.push({ key, finish: resolve }));
  return { started, read };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('freshReads', () => {
  it('never answers a caller with a read that started before it called', async () => {
    const { started, read } = manualReads();
    const head = freshReads(read);
    const first = head('org');
    await tick();
    expect(started).toHaveLength(1);
    // A publication commits now; the running read may predate it. Callers from here on wait.
    const second = head('org');
    const third = head('org');
    started[0]?.finish('v1');
    expect(await first).toBe('v1');
    await tick();
    expect(started).toHaveLength(2);
    started[1]?.finish('v2');
    expect(await second).toBe('v2');
    expect(await third).toBe('v2');
  });

  it('shares one read between callers that arrive together, per key, and reads again afterwards', async () => {
    const { started, read } = manualReads();
    const head = freshReads(read);
    const a = head('a');
    const a2 = head('a');
    const b = head('b');
    await tick();
    expect(started.map((s) => s.key)).toEqual(['a', 'b']);
    for (const s of started) s.finish(`${s.key}1`);
    expect([await a, await a2, await b]).toEqual(['a1', 'a1', 'b1']);
    const later = head('a');
    await tick();
    expect(started).toHaveLength(3);
    started[2]?.finish('a2');
    expect(await later).toBe('a2');
  });

  it('lets a caller behind a failed read get its own answer', async () => {
    let n = 0;
    const head = freshReads(async () => {
      n += 1;
      if (n === 1) throw new Error('connection lost');
      return 'ok';
    });
    const first = head('org');
    const second = head('org');
    await expect(first).rejects.toThrow('connection lost');
    // Arrived together, so shared the failed read; the next caller reads again.
    await expect(second).rejects.toThrow('connection lost');
    expect(await head('org')).toBe('ok');
  });
});

describe('PageCache', () => {
  it('drops the least recently used entries past its size', () => {
    const cache = new PageCache(90);
    const entry = (n: number) => ({ body: Buffer.alloc(n), etag: '"x"', status: 200, contentType: 'text/html' });
    cache.set('a', entry(30));
    cache.set('b', entry(30));
    cache.get('a');
    cache.set('c', entry(30));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });
});
