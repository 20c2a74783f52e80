import type { AppStore, DueEntry, DueIndex, SecretStore, SetOptions, StoredEntry } from '../ports';
import { RemoteCallLog } from './remote-call-log';

/** Forge KVS in memory: JSON round-trips values like the real store, remembers TTLs, can be told to fail. */
export class InMemoryAppStore implements AppStore {
  readonly entries = new Map<string, unknown>();
  readonly ttls = new Map<string, number>();
  private failures: Error[] = [];

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  /** The next calls fail with these errors, in order. */
  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  get(key: string): Promise<unknown> {
    return this.call(`kvs.get ${key}`, () => clone(this.entries.get(key)));
  }

  set(key: string, value: unknown, options?: SetOptions): Promise<void> {
    return this.call(`kvs.set ${key}`, () => {
      this.entries.set(key, clone(value));
      this.rememberTtl(key, options);
    });
  }

  setIfAbsent(key: string, value: unknown, options?: SetOptions): Promise<boolean> {
    return this.call(`kvs.setIfAbsent ${key}`, () => {
      if (this.entries.has(key)) return false;
      this.entries.set(key, clone(value));
      this.rememberTtl(key, options);
      return true;
    });
  }

  delete(key: string): Promise<void> {
    return this.call(`kvs.delete ${key}`, () => {
      this.entries.delete(key);
      this.ttls.delete(key);
    });
  }

  listByPrefix(prefix: string): Promise<StoredEntry[]> {
    return this.call(`kvs.query ${prefix}`, () =>
      [...this.entries.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value: clone(value) })),
    );
  }

  getMany(keys: readonly string[]): Promise<ReadonlyMap<string, unknown>> {
    return this.call(`kvs.batchGet ${keys.length}`, () => new Map(keys.filter((key) => this.entries.has(key)).map((key) => [key, clone(this.entries.get(key))] as const)));
  }

  /** Keys currently stored under `prefix`, for assertions. */
  keys(prefix = ''): string[] {
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  private rememberTtl(key: string, options: SetOptions | undefined): void {
    if (options?.ttlSeconds === undefined) this.ttls.delete(key);
    else this.ttls.set(key, options.ttlSeconds);
  }

  private call<T>(name: string, work: () => T): Promise<T> {
    return this.log.record(name, () => {
      const failure = this.failures.shift();
      if (failure !== undefined) throw failure;
      return work();
    });
  }
}

export class InMemorySecretStore implements SecretStore {
  readonly secrets = new Map<string, string>();

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  getSecret(name: string): Promise<string | undefined> {
    return this.log.record(`kvs.getSecret ${name}`, () => this.secrets.get(name));
  }

  setSecret(name: string, value: string): Promise<void> {
    return this.log.record(`kvs.setSecret ${name}`, () => {
      this.secrets.set(name, value);
    });
  }

  deleteSecret(name: string): Promise<void> {
    return this.log.record(`kvs.deleteSecret ${name}`, () => {
      this.secrets.delete(name);
    });
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The due-time index in memory, sharing the store's call log. */
export class InMemoryDueIndex implements DueIndex {
  readonly entries = new Map<string, DueEntry>();

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  put(entries: readonly DueEntry[]): Promise<void> {
    return this.log.record(`index.put ${entries.length}`, () => {
      for (const entry of entries) this.entries.set(entry.key, { ...entry });
    });
  }

  remove(keys: readonly string[]): Promise<void> {
    return this.log.record(`index.remove ${keys.length}`, () => {
      for (const key of keys) this.entries.delete(key);
    });
  }

  due(upTo: number, page: { readonly limit: number; readonly cursor?: string }): Promise<{ entries: DueEntry[]; cursor?: string }> {
    return this.log.record(`index.due`, () => {
      const all = [...this.entries.values()].filter((entry) => entry.dueAt <= upTo).sort((a, b) => a.dueAt - b.dueAt || a.key.localeCompare(b.key));
      const start = page.cursor === undefined ? 0 : Number(page.cursor);
      const entries = all.slice(start, start + page.limit);
      return start + page.limit < all.length ? { entries, cursor: String(start + page.limit) } : { entries };
    });
  }
}
