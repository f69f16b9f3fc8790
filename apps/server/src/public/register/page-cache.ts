/**
 * A small in-process cache of rendered register responses, keyed by organisation, data version,
 * language and URL. Entries are never invalidated by hand: a publication (or any other audited
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
