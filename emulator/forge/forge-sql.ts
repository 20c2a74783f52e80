/**
 * Forge SQL on the local site: `@forge/sql` posts `{query, params, method}` to `/api/v1/execute`
 * (DDL: `/api/v1/execute/ddl`) through `@forge/api`'s product fetch. Forge runs a MySQL-compatible
 * engine (TiDB); the site answers from an embedded SQLite database of its own. Every statement is
 * first parsed as MySQL, so SQL Forge would reject is rejected here with the same error shape, and
 * the few MySQL constructs SQLite spells differently (upserts, inline indexes, AUTO_INCREMENT,
 * table options, case-insensitive text comparison) are translated.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { Parser, type AST } from 'node-sql-parser';
import { z } from 'zod';

/** Error codes `@forge/sql` knows (its `errorCodes`). */
export type ForgeSqlErrorCode = 'INVALID_SQL_QUERY' | 'SQL_EXECUTION_ERROR' | 'UNKNOWN_ERROR';

export interface SqlAnswer {
  status: number;
  body: unknown;
}

const requestSchema = z.strictObject({
  query: z.string().min(1),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([]),
  method: z.string().default('all'),
});

const EXECUTE = '/api/v1/execute';
const EXECUTE_DDL = '/api/v1/execute/ddl';

/** Statement kinds that change the schema. */
const DDL_TYPES = new Set(['create', 'alter', 'drop', 'truncate', 'rename']);

// Forge SQL limits (FORGE-NOTES): 200 tables per installation.
const MAX_TABLES = 200;

class SqlRefusal extends Error {
  override readonly name = 'SqlRefusal';
  constructor(
    readonly code: ForgeSqlErrorCode,
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

export class ForgeSqlService {
  private readonly parser = new Parser();

  constructor(private readonly db: Database.Database) {}

  /**
   * Opens the app's database beside the site database (`<site.db>` → `<site.db>.forge-sql`), so
   * the app's tables never meet the site's own; `fresh` starts it empty. `:memory:` stays in memory.
   */
  static open(siteDbPath: string, fresh: boolean): ForgeSqlService {
    const inMemory = siteDbPath === '' || siteDbPath === ':memory:';
    const path = inMemory ? ':memory:' : `${siteDbPath}.forge-sql`;
    if (!inMemory && fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const db = new Database(path);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return new ForgeSqlService(db);
  }

  close(): void {
    this.db.close();
  }

  /** Answers one `@forge/sql` request: `{rows}` on success, `{code, message, suggestion?}` with a 4xx on failure. */
  handle(path: string, body: unknown): SqlAnswer {
    if (path !== EXECUTE && path !== EXECUTE_DDL) return failure(404, 'UNKNOWN_ERROR', `Forge SQL has no endpoint ${path}`);
    const request = requestSchema.safeParse(body);
    if (!request.success) return failure(400, 'INVALID_SQL_QUERY', `The request must be {query, params, method}: ${request.error.issues[0]?.message ?? 'invalid'}`);
    const { query, params } = request.data;
    try {
      const ast = this.checkMySql(query);
      if (DDL_TYPES.has(ast.type) && path !== EXECUTE_DDL) {
        throw new SqlRefusal('INVALID_SQL_QUERY', `${ast.type.toUpperCase()} statements change the schema and must be sent with executeDDL`, 'Use sql.executeDDL() or the migration runner.');
      }
      const placeholders = countPlaceholders(query);
      if (placeholders !== params.length) {
        throw new SqlRefusal('SQL_EXECUTION_ERROR', `The statement has ${placeholders} placeholders but ${params.length} parameters were bound`);
      }
      return { status: 200, body: { rows: this.run(ast, query, params.map(sqliteValue)) } };
    } catch (error) {
      if (error instanceof SqlRefusal) return failure(400, error.code, error.message, error.suggestion);
      if (isSqliteError(error)) return failure(400, 'SQL_EXECUTION_ERROR', mysqlMessage(error));
      throw error;
    }
  }

  /** Parses the statement as MySQL; one statement per request, as Forge SQL takes it. */
  private checkMySql(query: string): AST {
    let parsed: AST | AST[];
    try {
      parsed = this.parser.astify(query, { database: 'MySQL' });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new SqlRefusal('INVALID_SQL_QUERY', `You have an error in your SQL syntax: ${detail}`, 'Check the statement against the MySQL 8 syntax Forge SQL supports.');
    }
    const statements = Array.isArray(parsed) ? parsed : [parsed];
    const [first] = statements;
    if (first === undefined || statements.length !== 1) throw new SqlRefusal('INVALID_SQL_QUERY', 'Send exactly one SQL statement per request');
    return first;
  }

  private run(ast: AST, query: string, params: unknown[]): unknown {
    if (ast.type === 'create' && ast.keyword === 'table') {
      this.createTable(ast);
      return ddlResult();
    }
    const sqlite = ast.type === 'insert' || ast.type === 'replace' ? translateUpsert(query) : query;
    const statement = this.db.prepare(sqlite);
    if (statement.reader) return statement.all(...params);
    const result = statement.run(...params);
    if (DDL_TYPES.has(ast.type)) return ddlResult();
    return { affectedRows: result.changes, fieldCount: 0, info: '', insertId: Number(result.lastInsertRowid), serverStatus: 2, warningStatus: 0 };
  }

  /** MySQL's inline `INDEX`, `AUTO_INCREMENT` and table options become SQLite's spelling. */
  private createTable(ast: AST & { type: 'create' }): void {
    const target = ast.table;
    const table = Array.isArray(target) ? target[0]?.table : target?.table;
    if (table === undefined) throw new SqlRefusal('INVALID_SQL_QUERY', 'CREATE TABLE needs a table name');
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    if (exists) {
      if (ast.if_not_exists !== null && ast.if_not_exists !== undefined) return;
      throw new SqlRefusal('SQL_EXECUTION_ERROR', `Table '${table}' already exists`);
    }
    const tables = this.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n >= MAX_TABLES) throw new SqlRefusal('SQL_EXECUTION_ERROR', `An installation holds at most ${MAX_TABLES} tables`);
    const definitions = (ast.create_definitions ?? []) as unknown as CreateDefinition[];
    const indexes = definitions.filter((definition) => definition.resource === 'index');
    const kept = definitions.filter((definition) => definition.resource !== 'index');
    for (const definition of kept) {
      if (definition.resource !== 'column') continue;
      if (definition.auto_increment !== undefined && definition.definition !== undefined) {
        // Only an INTEGER PRIMARY KEY numbers rows by itself in SQLite.
        definition.definition.dataType = 'INTEGER';
        delete definition.definition.length;
        delete definition.auto_increment;
      }
    }
    const translated = { ...ast, create_definitions: kept, table_options: null } as unknown as AST;
    let ddl = this.parser.sqlify(translated, { database: 'sqlite' });
    // MySQL compares text case-insensitively under its default collation; SQLite's NOCASE does so for ASCII.
    ddl = addNocase(ddl, kept);
    this.db.transaction(() => {
      this.db.exec(ddl);
      for (const index of indexes) {
        const columns = (index.definition as unknown as { column: string }[]).map((column) => `"${column.column}"`).join(', ');
        this.db.exec(`CREATE INDEX "${index.index ?? `${table}_${indexes.indexOf(index)}`}" ON "${table}" (${columns})`);
      }
    })();
  }
}

interface CreateDefinition {
  resource: string;
  column?: { column: string };
  definition?: { dataType: string; length?: number };
  auto_increment?: string;
  index?: string;
}

function addNocase(ddl: string, definitions: readonly CreateDefinition[]): string {
  let result = ddl;
  for (const definition of definitions) {
    const name = definition.column?.column;
    const type = definition.definition?.dataType.toUpperCase() ?? '';
    if (name === undefined || !/CHAR|TEXT/.test(type)) continue;
    const pattern = new RegExp(`("${name}" ${type}(?:\\(\\d+\\))?)`);
    result = result.replace(pattern, '$1 COLLATE NOCASE');
  }
  return result;
}

/** `INSERT … ON DUPLICATE KEY UPDATE c = VALUES(c)` is SQLite's `ON CONFLICT DO UPDATE SET c = excluded.c`. */
export function translateUpsert(query: string): string {
  const marker = findOutsideQuotes(query, /ON\s+DUPLICATE\s+KEY\s+UPDATE/iy);
  if (marker === undefined) return query;
  const head = query.slice(0, marker.index);
  const tail = query.slice(marker.index + marker.length).replace(/\bVALUES\s*\(\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*\)/gi, 'excluded."$1"');
  return `${head}ON CONFLICT DO UPDATE SET${tail}`;
}

function findOutsideQuotes(text: string, sticky: RegExp): { index: number; length: number } | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      quote = char;
      continue;
    }
    sticky.lastIndex = i;
    const match = sticky.exec(text);
    if (match !== null) return { index: i, length: match[0].length };
  }
  return undefined;
}

function countPlaceholders(query: string): number {
  let count = 0;
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const char = query[i];
    if (quote !== undefined) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '?') count++;
  }
  return count;
}

// SQLite binds no booleans; MySQL stores them as 1 and 0.
function sqliteValue(value: string | number | boolean | null): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function ddlResult(): Record<string, number | string> {
  return { affectedRows: 0, fieldCount: 0, info: '', insertId: 0, serverStatus: 2, warningStatus: 0 };
}

// The messages read like MySQL's, so an app's error handling sees what it would on Forge.
function mysqlMessage(error: { message: string }): string {
  const noTable = /^no such table: (?:\w+\.)?(\w+)/.exec(error.message);
  if (noTable) return `Table '${noTable[1]}' doesn't exist`;
  const noColumn = /^no such column: (.+)$/.exec(error.message);
  if (noColumn) return `Unknown column '${noColumn[1]}' in 'field list'`;
  const unique = /^UNIQUE constraint failed: (.+)$/.exec(error.message);
  if (unique) return `Duplicate entry for key '${unique[1]}'`;
  return error.message;
}

// Matched by shape, not class: under test runners the native driver's errors can come from another
// realm, where they are not instances of this realm's Error.
function isSqliteError(error: unknown): error is { code: string; message: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_') && typeof message === 'string';
}

function failure(status: number, code: ForgeSqlErrorCode, message: string, suggestion?: string): SqlAnswer {
  return { status, body: { code, message, ...(suggestion === undefined ? {} : { suggestion }) } };
}
