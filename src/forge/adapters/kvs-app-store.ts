import { ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { isDeepStrictEqual } from 'node:util';
import { RemoteCallError } from '../../app/errors';
import type { AppStore, Clock, DueEntry, DueIndex, SecretStore, SetOptions, StoredEntry } from '../../app/ports';
import { withRetry } from '../../app/retry';

const PAGE_SIZE = 100;
/** Keys per batch request; larger reads go as several batches at once. */
const BATCH_SIZE = 20;

/** The app's storage on Forge KVS; failures become RemoteCallError and 429/5xx are retried within the deadline. */
export class KvsAppStore implements AppStore, SecretStore {
  constructor(
    private readonly clock: Clock,
    private readonly deadline: number,
  ) {}

  get(key: string): Promise<unknown> {
    return this.call('get', () => kvs.get<unknown>(key));
  }

  async set(key: string, value: unknown, options?: SetOptions): Promise<void> {
    await this.call('set', () => kvs.set(key, value, ttlOf(options)));
  }

  /**
   * A conditional write (`keyPolicy: FAIL_IF_EXISTS`): KVS answers 409 when the key exists. When
   * an earlier attempt's answer was lost (a 5xx after the write landed), the retry meets its own
   * value, so a stored value equal to ours counts as ours.
   */
  async setIfAbsent(key: string, value: unknown, options?: SetOptions): Promise<boolean> {
    let attempts = 0;
    try {
      await this.call('set if absent', () => {
        attempts += 1;
        return kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttlOf(options) });
      });
      return true;
    } catch (error) {
      if (!(error instanceof RemoteCallError) || error.status !== 409) throw error;
      return attempts > 1 && isDeepStrictEqual(await this.get(key), JSON.parse(JSON.stringify(value)));
    }
  }

  async delete(key: string): Promise<void> {
    await this.call('delete', () => kvs.delete(key));
  }

  async listByPrefix(prefix: string): Promise<StoredEntry[]> {
    const entries: StoredEntry[] = [];
    let cursor: string | undefined;
    do {
      const after = cursor;
      const page = await this.call('query', () => {
        const query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
        return (after === undefined ? query : query.cursor(after)).getMany<unknown>();
      });
      entries.push(...page.results.map((result) => ({ key: result.key, value: result.value })));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return entries;
  }

  async getMany(keys: readonly string[]): Promise<ReadonlyMap<string, unknown>> {
    const batches: string[][] = [];
    for (let start = 0; start < keys.length; start += BATCH_SIZE) batches.push(keys.slice(start, start + BATCH_SIZE));
    const answers = await Promise.all(batches.map((batch) => this.call('batch get', () => kvs.batchGet<unknown>(batch.map((key) => ({ key }))))));
    return new Map(answers.flatMap((answer) => answer.successfulKeys.map((item) => [item.key, item.value] as const)));
  }

  getSecret(name: string): Promise<string | undefined> {
    return this.call('get secret', () => kvs.getSecret<string>(name));
  }

  async setSecret(name: string, value: string): Promise<void> {
    await this.call('set secret', () => kvs.setSecret(name, value));
  }

  async deleteSecret(name: string): Promise<void> {
    await this.call('delete secret', () => kvs.deleteSecret(name));
  }

  /** @internal the retrying, translating call every store operation goes through. */
  call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    return withRetry(
      async () => {
        try {
          return await work();
        } catch (error) {
          throw translate(operation, error);
        }
      },
      { clock: this.clock, deadline: this.deadline },
    );
  }
}

function ttlOf(options: SetOptions | undefined): { ttl?: { value: number; unit: 'SECONDS' } } {
  return options?.ttlSeconds === undefined ? {} : { ttl: { value: options.ttlSeconds, unit: 'SECONDS' } };
}

// Secret values never reach an error message: only the operation, the status and KVS's code.
function translate(operation: string, error: unknown): RemoteCallError {
  if (error instanceof ForgeKvsAPIError) {
    return new RemoteCallError('storage', operation, error.responseDetails.status, `${error.code}: ${error.message}`, undefined, { cause: error });
  }
  if (error instanceof Error && error.name === 'ForgeKvsError') return new RemoteCallError('storage', operation, 400, error.message, undefined, { cause: error });
  // Anything else thrown from inside the SDK is the transport failing: worth another try.
  return new RemoteCallError('storage', operation, undefined, error instanceof Error ? error.message : String(error), undefined, { cause: error });
}

/** The manifest's custom entity that indexes paging work by due time (`app.storage.entities`). */
export const DUE_ENTITY = 'paging-due';
const DUE_INDEX = 'by-due';

interface DueRecord {
  dueAt: number;
  ref: string;
}

/** The due-time index over a Forge custom entity, queried by its `by-due` index. */
export class KvsDueIndex implements DueIndex {
  constructor(private readonly store: KvsAppStore) {}

  async put(entries: readonly DueEntry[]): Promise<void> {
    await Promise.all(entries.map((entry) => this.store.call('index set', () => kvs.entity<DueRecord>(DUE_ENTITY).set(entry.key, { dueAt: entry.dueAt, ref: entry.ref }))));
  }

  async remove(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.call('index delete', () => kvs.entity<DueRecord>(DUE_ENTITY).delete(key))));
  }

  async due(upTo: number, page: { readonly limit: number; readonly cursor?: string }): Promise<{ entries: DueEntry[]; cursor?: string }> {
    const answer = await this.store.call('index query', () => {
      const query = kvs.entity<DueRecord>(DUE_ENTITY).query().index(DUE_INDEX).where(WhereConditions.lessThanEqualTo(upTo)).sort(Sort.ASC).limit(page.limit);
      return (page.cursor === undefined ? query : query.cursor(page.cursor)).getMany();
    });
    return {
      entries: answer.results.map((result) => ({ key: result.key, dueAt: result.value.dueAt, ref: result.value.ref })),
      ...(answer.nextCursor === undefined ? {} : { cursor: answer.nextCursor }),
    };
  }
}
