/**
 * The KVS API as `@forge/kvs` calls it (`POST /api/v1/get`, `/set`, `/query`, `/secret/*`,
 * `/entity/*`, `/batch/*`, `/transaction`), answered from the SQLite store with the service's
 * error bodies (`{code, message}`), which the client turns into `ForgeKvsAPIError`.
 */
import { z } from 'zod';
import { conditionGroup, condition as rangeCondition, satisfies, satisfiesGroup, compareValues, sortValue } from './kvs-conditions';
import type { KvsItem, KvsSpace, KvsStore } from './kvs-store';
import type { StorageEntity } from './manifest';

export interface KvsAnswer {
  status: number;
  body?: unknown;
}

const keyPattern = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const maxValueBytes = 240 * 1024;
const maxTransactionOperations = 25;
const defaultPageSize = 10;
const maxPageSize = 100;

const key = z.string().min(1).max(500).regex(keyPattern, 'key may only contain letters, digits, spaces and : . _ - #');
const metadataFields = z.array(z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'])).optional();
const getOptions = z.object({ metadataFields }).optional();
const ttl = z.object({ value: z.number().int().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const setOptions = z
  .object({
    ttl: ttl.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: metadataFields,
  })
  .optional();
const entityName = z.string().min(1);

const getRequest = z.object({ key, options: getOptions });
const setRequest = z.object({ key, value: z.unknown(), options: setOptions });
const deleteRequest = z.object({ key });
const entityGetRequest = getRequest.extend({ entityName });
const entitySetRequest = setRequest.extend({ entityName });
const entityDeleteRequest = deleteRequest.extend({ entityName });
const queryRequest = z.object({
  limit: z.number().int().min(1).max(maxPageSize).optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.array(z.unknown()).length(1) })).optional(),
  options: z.object({ metadataFields }).optional(),
});
const entityQueryRequest = z.object({
  entityName,
  indexName: z.string().min(1),
  partition: z.array(z.unknown()).optional(),
  range: rangeCondition.optional(),
  filters: conditionGroup.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  limit: z.number().int().min(1).max(maxPageSize).optional(),
  cursor: z.string().optional(),
  options: z.object({ metadataFields }).optional(),
  metadataFields,
});
const batchSetRequest = z.array(z.object({ entityName: entityName.optional(), key: z.string(), value: z.unknown(), options: z.object({ ttl: ttl.optional() }).optional() }));
const batchGetRequest = z.array(z.object({ entityName: entityName.optional(), key: z.string(), options: getOptions }));
const batchDeleteRequest = z.array(z.object({ entityName: entityName.optional(), key: z.string() }));
const transactionRequest = z.object({
  set: z.array(z.object({ key, value: z.unknown(), entityName: entityName.optional(), conditions: conditionGroup.optional(), options: z.object({ ttl: ttl.optional() }).optional() })).optional(),
  delete: z.array(z.object({ key, entityName: entityName.optional(), conditions: conditionGroup.optional() })).optional(),
  check: z.array(z.object({ key, entityName: entityName.optional(), conditions: conditionGroup })).optional(),
});

type MetadataFields = z.infer<typeof metadataFields>;

class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string): KvsFailure => new KvsFailure(400, 'BAD_REQUEST', message);

export class KvsService {
  constructor(
    private readonly store: KvsStore,
    private readonly entities: ReadonlyMap<string, StorageEntity>,
  ) {}

  handle(path: string, body: unknown): KvsAnswer {
    try {
      return this.route(path, body);
    } catch (error) {
      if (error instanceof KvsFailure) return { status: error.status, body: { code: error.code, message: error.message } };
      throw error;
    }
  }

  private route(path: string, body: unknown): KvsAnswer {
    switch (path) {
      case '/api/v1/get':
        return this.get({ kind: 'values' }, parse(getRequest, body));
      case '/api/v1/secret/get':
        return this.get({ kind: 'secrets' }, parse(getRequest, body));
      case '/api/v1/entity/get': {
        const request = parse(entityGetRequest, body);
        return this.get(this.entitySpace(request.entityName), request);
      }
      case '/api/v1/set':
        return this.set({ kind: 'values' }, parse(setRequest, body));
      case '/api/v1/secret/set':
        return this.set({ kind: 'secrets' }, parse(setRequest, body));
      case '/api/v1/entity/set': {
        const request = parse(entitySetRequest, body);
        return this.set(this.entitySpace(request.entityName), request);
      }
      case '/api/v1/delete':
        return this.delete({ kind: 'values' }, parse(deleteRequest, body).key);
      case '/api/v1/secret/delete':
        return this.delete({ kind: 'secrets' }, parse(deleteRequest, body).key);
      case '/api/v1/entity/delete': {
        const request = parse(entityDeleteRequest, body);
        return this.delete(this.entitySpace(request.entityName), request.key);
      }
      case '/api/v1/query':
        return this.query(parse(queryRequest, body));
      case '/api/v1/entity/query':
        return this.queryEntity(parse(entityQueryRequest, body));
      case '/api/v1/batch/set':
        return this.batchSet(parse(batchSetRequest, body));
      case '/api/v1/batch/get':
        return this.batchGet(parse(batchGetRequest, body));
      case '/api/v1/batch/delete':
        return this.batchDelete(parse(batchDeleteRequest, body));
      case '/api/v1/transaction':
        return this.transact(parse(transactionRequest, body));
      default:
        throw new KvsFailure(404, 'NOT_FOUND', `The local KVS has no operation ${path}`);
    }
  }

  private get(space: KvsSpace, request: { key: string; options?: { metadataFields?: MetadataFields } | undefined }): KvsAnswer {
    const item = this.store.get(space, request.key);
    if (!item) throw new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return { status: 200, body: item };
  }

  private set(space: KvsSpace, request: z.infer<typeof setRequest>): KvsAnswer {
    this.checkValue(space, request.value);
    const options = request.options;
    return this.store.atomically(() => {
      if (options?.keyPolicy === 'FAIL_IF_EXISTS' && this.store.get(space, request.key) !== undefined) {
        throw new KvsFailure(409, 'KEY_ALREADY_EXISTS', `Key "${request.key}" already exists`);
      }
      const { previous, latest } = this.store.put(space, request.key, request.value, ttlMs(options?.ttl));
      if (options?.returnValue === 'PREVIOUS') return previous ? { status: 200, body: previous } : { status: 204 };
      if (options?.returnValue === 'LATEST') return { status: 200, body: latest };
      return { status: 204 };
    });
  }

  private delete(space: KvsSpace, keyToDelete: string): KvsAnswer {
    this.store.remove(space, keyToDelete);
    return { status: 204 };
  }

  private query(request: z.infer<typeof queryRequest>): KvsAnswer {
    const prefix = request.where?.[0]?.values[0];
    const limit = request.limit ?? defaultPageSize;
    const items = this.store.scan({ kind: 'values' }, {
      ...(prefix === undefined ? {} : { prefix: String(prefix) }),
      ...(request.after === undefined ? {} : { afterKey: decodeCursor(request.after) }),
      limit: limit + 1,
    });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      status: 200,
      body: {
        data: page.map((item) => withMetadata(item, request.options?.metadataFields)),
        ...(items.length > limit && last ? { cursor: encodeCursor(last.key) } : {}),
      },
    };
  }

  private queryEntity(request: z.infer<typeof entityQueryRequest>): KvsAnswer {
    const entity = this.entity(request.entityName);
    const index = entity.indexes.find((candidate) => candidate.name === request.indexName);
    if (!index) throw badRequest(`Entity "${entity.name}" has no index "${request.indexName}"`);
    const partition = request.partition ?? [];
    if (partition.length !== index.partition.length) {
      throw badRequest(`Index "${index.name}" is partitioned by [${index.partition.join(', ')}]; the query gave ${partition.length} partition value(s)`);
    }
    const rangeAttribute = index.range[0] ?? '';
    const all = this.store.scan({ kind: 'entity', entityName: entity.name });
    const matching = all.filter((item) => {
      const value = asRecord(item.value);
      if (!index.partition.every((attribute, i) => value[attribute] === partition[i])) return false;
      if (value[rangeAttribute] === undefined) return false;
      if (request.range && !satisfies(value[rangeAttribute], request.range)) return false;
      return request.filters === undefined || satisfiesGroup(value, request.filters);
    });
    const direction = request.sort === 'DESC' ? -1 : 1;
    matching.sort((a, b) => {
      const left = sortValue(asRecord(a.value)[rangeAttribute]);
      const right = sortValue(asRecord(b.value)[rangeAttribute]);
      const byRange = left === undefined || right === undefined ? 0 : compareValues(left, right);
      return direction * (byRange !== 0 ? byRange : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
    const start = request.cursor === undefined ? 0 : Number(decodeCursor(request.cursor));
    if (!Number.isInteger(start) || start < 0) throw badRequest('cursor is not one this store returned');
    const limit = request.limit ?? defaultPageSize;
    const page = matching.slice(start, start + limit);
    const fields = request.options?.metadataFields ?? request.metadataFields;
    return {
      status: 200,
      body: {
        data: page.map((item) => withMetadata(item, fields)),
        ...(start + limit < matching.length ? { cursor: encodeCursor(String(start + limit)) } : {}),
      },
    };
  }

  private batchSet(items: z.infer<typeof batchSetRequest>): KvsAnswer {
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of items) {
      const id = { key: item.key, ...(item.entityName === undefined ? {} : { entityName: item.entityName }) };
      try {
        parse(key, item.key);
        const space = this.spaceFor(item.entityName);
        this.checkValue(space, item.value);
        this.store.put(space, item.key, item.value, ttlMs(item.options?.ttl));
        successfulKeys.push(id);
      } catch (error) {
        if (!(error instanceof KvsFailure)) throw error;
        failedKeys.push({ ...id, error: { code: 'VALIDATION_ERROR', message: error.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(items: z.infer<typeof batchGetRequest>): KvsAnswer {
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of items) {
      const id = { key: item.key, ...(item.entityName === undefined ? {} : { entityName: item.entityName }) };
      const found = this.store.get(this.spaceFor(item.entityName), item.key);
      if (found) successfulKeys.push({ ...id, ...withMetadata(found, item.options?.metadataFields) });
      else failedKeys.push({ ...id, error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchDelete(items: z.infer<typeof batchDeleteRequest>): KvsAnswer {
    const successfulKeys = items.map((item) => {
      this.store.remove(this.spaceFor(item.entityName), item.key);
      return { key: item.key, ...(item.entityName === undefined ? {} : { entityName: item.entityName }) };
    });
    return { status: 200, body: { successfulKeys, failedKeys: [] } };
  }

  private transact(request: z.infer<typeof transactionRequest>): KvsAnswer {
    const sets = request.set ?? [];
    const deletes = request.delete ?? [];
    const checks = request.check ?? [];
    const count = sets.length + deletes.length + checks.length;
    if (count === 0) throw badRequest('A transaction needs at least one operation');
    if (count > maxTransactionOperations) throw badRequest(`A transaction can have at most ${maxTransactionOperations} operations, got ${count}`);
    for (const op of sets) this.checkValue(this.spaceFor(op.entityName), op.value);
    return this.store.atomically(() => {
      const failed = [...checks, ...sets, ...deletes].find((op) => {
        if (op.conditions === undefined) return false;
        const current = this.store.get(this.spaceFor(op.entityName), op.key);
        return !satisfiesGroup(current === undefined ? undefined : asRecord(current.value), op.conditions);
      });
      if (failed) throw new KvsFailure(409, 'CONDITIONAL_CHECK_FAILED', `Transaction condition failed for key "${failed.key}"`);
      for (const op of sets) this.store.put(this.spaceFor(op.entityName), op.key, op.value, ttlMs(op.options?.ttl));
      for (const op of deletes) this.store.remove(this.spaceFor(op.entityName), op.key);
      return { status: 204 };
    });
  }

  private spaceFor(name: string | undefined): KvsSpace {
    return name === undefined ? { kind: 'values' } : this.entitySpace(name);
  }

  private entitySpace(name: string): KvsSpace {
    return { kind: 'entity', entityName: this.entity(name).name };
  }

  private entity(name: string): StorageEntity {
    const entity = this.entities.get(name);
    if (!entity) throw badRequest(`Entity "${name}" is not declared under app.storage.entities in manifest.yml`);
    return entity;
  }

  private checkValue(space: KvsSpace, value: unknown): void {
    if (value === undefined) throw badRequest('value is required');
    const size = Buffer.byteLength(JSON.stringify(value));
    if (size > maxValueBytes) throw badRequest(`value is ${size} bytes; the limit is ${maxValueBytes}`);
    if (space.kind !== 'entity') return;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`An entity value must be an object`);
    const entity = this.entity(space.entityName);
    for (const [attribute, { type }] of Object.entries(entity.attributes)) {
      const actual = (value as Record<string, unknown>)[attribute];
      if (actual !== undefined && !matchesType(actual, type)) {
        throw badRequest(`Attribute "${attribute}" of entity "${entity.name}" must be ${type}, got ${JSON.stringify(actual)}`);
      }
    }
  }
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw badRequest(`Provided request body is invalid: ${z.prettifyError(result.error)}`);
  return result.data;
}

function ttlMs(value: z.infer<typeof ttl> | undefined): number | undefined {
  if (!value) return undefined;
  const unit = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 }[value.unit];
  return value.value * unit;
}

function withMetadata(item: KvsItem, fields: MetadataFields): Record<string, unknown> {
  return {
    key: item.key,
    value: item.value,
    ...(fields?.includes('CREATED_AT') ? { createdAt: item.createdAt } : {}),
    ...(fields?.includes('UPDATED_AT') ? { updatedAt: item.updatedAt } : {}),
    ...(fields?.includes('EXPIRE_TIME') && item.expireTime !== undefined ? { expireTime: item.expireTime } : {}),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
