import { type CacheStore, makeCacheableSignalKeyStore, type SignalKeyStore } from 'baileys';
import type { ILogger } from './log';

/*
 * Baileys' `makeCacheableSignalKeyStore` writes a key into its memory cache first and into the store
 * (Postgres) second. When the database write fails — the database is down, or the write was fenced
 * because another process now holds the number — memory would stay ahead of Postgres, and this process
 * would go on encrypting with keys nobody stored. So the cache is ours, and a failed write empties it:
 * the next read comes from Postgres, where the truth is.
 */

const TTL_MS = 5 * 60_000; // Baileys' own default for the signal store
const MAX_ENTRIES = 10_000;

/** The cache handed to `makeCacheableSignalKeyStore`: a Map with expiry, emptied on a failed write. */
export class SignalKeyCache implements CacheStore {
  private readonly entries = new Map<string, { value: unknown; until: number }>();
  /** How many times a failed write emptied it (tests, logs). */
  flushes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  set<T>(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + TTL_MS });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  del(key: string): void {
    this.entries.delete(key);
  }

  flushAll(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The signal key store given to the socket: Baileys' cache in front of the Postgres store, the cache
 * emptied whenever a write to Postgres fails (`onWriteFailed` hears about it; the error is rethrown so
 * Baileys knows the write did not happen).
 */
export function cachedSignalKeys(
  store: SignalKeyStore,
  logger: ILogger,
  onWriteFailed: (error: unknown) => void,
): { keys: SignalKeyStore; cache: SignalKeyCache } {
  const cache = new SignalKeyCache();
  const guarded: SignalKeyStore = {
    get: (type, ids) => store.get(type, ids),
    async set(data) {
      try {
        await store.set(data);
      } catch (error) {
        cache.flushAll();
        cache.flushes += 1;
        onWriteFailed(error);
        throw error;
      }
    },
    async clear() {
      cache.flushAll();
      await store.clear?.();
    },
  };
  return { keys: makeCacheableSignalKeyStore(guarded, logger, cache), cache };
}
