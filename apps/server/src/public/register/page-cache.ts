/**
 * A small in-process cache of rendered register responses, keyed by organisation, data version,
 * consultation schedule mark, language and URL. Entries are never invalidated by hand: a publication (or any other audited
 * change of the organisation) moves its audit chain head, so the next request looks for a new key
 * and old entries age out of the LRU. Several instances each keep their own cache; they stay
 * correct because the version is read from the database on every request.
 */
/** The body is kept encoded, so a hit is written to the socket as is. */
export type CachedResponse = { body: Buffer; etag: string; status: number; contentType: string };

export class PageCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh its place: Map keeps insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    const size = value.body.length + key.length * 2;
    if (size > this.maxBytes / 2) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length + key.length * 2;
    }
    this.entries.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length + k.length * 2;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Shares reads of the same key between concurrent callers without ever answering a caller with a
 * read that started before it called (which could predate a commit it already saw: a publisher
 * reloading the page at once would get the old version). Callers that arrive while a read runs
 * wait for it to end and share the next one; so per key at most one read runs and one waits, and
 * under load most callers cost no statement of their own.
 */
export function freshReads<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const running = new Map<string, Promise<unknown>>();
  const waiting = new Map<string, Promise<V>>();
  return (key) => {
    const queued = waiting.get(key);
    if (queued) return queued;
    const before = running.get(key) ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(() => {
        // From here on, new callers queue behind this read rather than share it.
        waiting.delete(key);
        const current = read(key);
        running.set(key, current);
        return current.finally(() => {
          if (running.get(key) === current) running.delete(key);
        });
      });
    waiting.set(key, next);
    return next;
  };
}
