/**
 * The official Jira Cloud REST v3 OpenAPI document as the judge of every request (and, in tests, of
 * every answer). Operations are compiled on first use so the site starts fast.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { JiraHttpError } from './errors';

const documentId = 'https://local.site/jira-platform-rest-v3.openapi.json';
const defaultContractPath = resolve(__dirname, '../contracts/jira-platform-rest-v3.openapi.json');
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const schemaObject = z.record(z.string(), z.unknown());
const parameterShape = z.object({
  name: z.string(),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: schemaObject.optional(),
});
const mediaShape = z.object({ schema: schemaObject.optional() });
const operationShape = z.object({
  operationId: z.string().optional(),
  parameters: z.array(parameterShape).optional(),
  requestBody: z.object({ required: z.boolean().optional(), content: z.record(z.string(), mediaShape).optional() }).optional(),
  responses: z.record(z.string(), z.object({ content: z.record(z.string(), mediaShape).optional() })),
  'x-atlassian-oauth2-scopes': z.array(z.object({ scopes: z.array(z.string()), state: z.string().optional() })).optional(),
});
type OperationShape = z.infer<typeof operationShape>;

const documentShape = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), schemaObject) }).passthrough(),
});
type ContractDocument = z.infer<typeof documentShape>;

export type OperationMatch =
  | { kind: 'operation'; method: string; template: string; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; template: string; allowed: string[] }
  | { kind: 'unknown' };

export interface ValidatedRequest {
  /** Declared query parameters, converted to their declared types, with the document's defaults filled in. */
  query: Record<string, unknown>;
}

interface PathTemplate {
  template: string;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

interface CompiledRequest {
  path: ValidateFunction;
  query: ValidateFunction;
  queryArrays: Set<string>;
  body?: ValidateFunction;
  bodyRequired: boolean;
}

/**
 * Places where the published document and Jira Cloud's behaviour disagree; the site follows Jira and
 * loosens the document exactly there.
 */
function applyCorrections(document: ContractDocument): void {
  // `PUT /issue/{key}/assignee` with `{"accountId": null}` unassigns the issue.
  const user = document.components.schemas['User'];
  const userProperties = user?.['properties'];
  if (isRecord(userProperties) && isRecord(userProperties['accountId'])) userProperties['accountId']['nullable'] = true;
  // `GET /issue/{key}/remotelink` answers an array unless `globalId` picks one link.
  const remoteLinks = operationAt(document, '/rest/api/3/issue/{issueIdOrKey}/remotelink', 'get');
  const ok = remoteLinks?.['responses'];
  if (isRecord(ok) && isRecord(ok['200'])) {
    const single = { $ref: '#/components/schemas/RemoteIssueLink' };
    ok['200'] = { description: 'The remote links', content: { 'application/json': { schema: { anyOf: [single, { type: 'array', items: single }] } } } };
  }
}

export class OpenApiContract {
  private readonly templates: PathTemplate[];
  private readonly requestValidators = new Map<string, CompiledRequest>();
  private readonly responseValidators = new Map<string, ValidateFunction | null>();
  private readonly coercing: Ajv;
  private readonly strict: Ajv;

  private constructor(private readonly document: ContractDocument) {
    this.templates = Object.keys(document.paths)
      .map(compileTemplate)
      .sort((a, b) => b.literalSegments - a.literalSegments);
    // Query strings carry text, so parameters are coerced to their declared types; bodies are JSON and are not.
    this.coercing = new Ajv({ strict: false, allErrors: true, ownProperties: true, coerceTypes: 'array', useDefaults: true });
    this.strict = new Ajv({ strict: false, allErrors: true, ownProperties: true });
    for (const ajv of [this.coercing, this.strict]) {
      addFormats(ajv);
      ajv.addSchema({ $id: documentId, components: document.components });
    }
  }

  private static cache = new Map<string, OpenApiContract>();

  /** The Jira Cloud platform REST v3 document vendored in `emulator/contracts/`. */
  static jira(path: string = defaultContractPath): OpenApiContract {
    const cached = OpenApiContract.cache.get(path);
    if (cached) return cached;
    const document = documentShape.parse(JSON.parse(readFileSync(path, 'utf8')));
    applyCorrections(document);
    const contract = new OpenApiContract(document);
    OpenApiContract.cache.set(path, contract);
    return contract;
  }

  match(method: string, pathname: string): OperationMatch {
    const wanted = method.toLowerCase();
    for (const template of this.templates) {
      const found = template.pattern.exec(pathname);
      if (!found) continue;
      const operations = this.document.paths[template.template] ?? {};
      const allowed = methods.filter((m) => m in operations);
      if (!allowed.some((m) => m === wanted)) return { kind: 'method-not-allowed', template: template.template, allowed: allowed.map((m) => m.toUpperCase()) };
      const pathParams: Record<string, string> = {};
      template.names.forEach((name, index) => {
        pathParams[name] = safeDecode(found[index + 1] ?? '');
      });
      return { kind: 'operation', method: wanted.toUpperCase(), template: template.template, pathParams };
    }
    return { kind: 'unknown' };
  }

  /** Checks query parameters and body against the operation; throws Jira's 400 when they do not fit. */
  validateRequest(method: string, template: string, pathParams: Record<string, string>, search: URLSearchParams, body: unknown): ValidatedRequest {
    const compiled = this.requestValidator(method, template);
    // Jira routes by typed path parameters, so one of the wrong type finds no resource at all.
    if (!compiled.path({ ...pathParams })) {
      throw new JiraHttpError(404, (compiled.path.errors ?? []).map((error) => `The path parameter '${error.instancePath.split('/')[1] ?? ''}' ${error.message ?? 'is invalid'}.`));
    }
    const query: Record<string, unknown> = {};
    for (const name of new Set(search.keys())) {
      query[name] = compiled.queryArrays.has(name) ? search.getAll(name) : search.get(name);
    }
    if (!compiled.query(query)) {
      throw new JiraHttpError(400, (compiled.query.errors ?? []).map(describeQueryError));
    }
    if (body === undefined) {
      if (compiled.bodyRequired) throw new JiraHttpError(400, ['No content to map due to end-of-input']);
    } else if (compiled.body && !compiled.body(body)) {
      throw new JiraHttpError(400, (compiled.body.errors ?? []).map(describeBodyError));
    }
    return { query };
  }

  /** The reasons `body` does not fit the documented answer for `status`; empty when it fits or nothing is documented. */
  validateResponse(method: string, template: string, status: number, body: unknown): string[] {
    const key = `${method.toLowerCase()} ${template} ${status}`;
    let validate = this.responseValidators.get(key);
    if (validate === undefined) {
      const schema = this.operation(method, template).responses[String(status)]?.content?.['application/json']?.schema;
      validate = schema === undefined ? null : this.strict.compile(absoluteSchema(schema));
      this.responseValidators.set(key, validate);
    }
    if (validate === null || validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${additional(error)}`);
  }

  /** Whether the document describes a JSON answer for this status. */
  documentsResponse(method: string, template: string, status: number): boolean {
    return this.operation(method, template).responses[String(status)] !== undefined;
  }

  private requestValidator(method: string, template: string): CompiledRequest {
    const key = `${method.toLowerCase()} ${template}`;
    const cached = this.requestValidators.get(key);
    if (cached) return cached;
    const operation = this.operation(method, template);
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    const queryArrays = new Set<string>();
    const pathProperties: Record<string, unknown> = {};
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') pathProperties[parameter.name] = absoluteRefs(parameter.schema ?? {});
      if (parameter.in !== 'query') continue;
      const schema = parameter.schema ?? {};
      properties[parameter.name] = absoluteRefs(schema);
      if (parameter.required) required.push(parameter.name);
      if (schema['type'] === 'array') queryArrays.add(parameter.name);
    }
    const query = this.coercing.compile({ type: 'object', properties, required });
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const compiled: CompiledRequest = {
      path: this.coercing.compile({ type: 'object', properties: pathProperties }),
      query,
      queryArrays,
      bodyRequired: operation.requestBody?.required ?? false,
      ...(bodySchema === undefined ? {} : { body: this.strict.compile(absoluteSchema(bodySchema)) }),
    };
    this.requestValidators.set(key, compiled);
    return compiled;
  }

  /**
   * The scope sets any one of which lets an app call the operation (`x-atlassian-oauth2-scopes`: the
   * classic set and the granular one); empty when the operation is not open to apps at all.
   */
  oauthScopeSets(method: string, template: string): string[][] {
    return (this.operation(method, template)['x-atlassian-oauth2-scopes'] ?? []).map((entry) => entry.scopes);
  }

  private operation(method: string, template: string): OperationShape {
    const raw = operationAt(this.document, template, method.toLowerCase());
    if (raw === undefined) throw new Error(`The contract has no operation ${method.toUpperCase()} ${template}`);
    return operationShape.parse(raw);
  }
}

function operationAt(document: ContractDocument, template: string, method: string): Record<string, unknown> | undefined {
  const operation = document.paths[template]?.[method];
  return isRecord(operation) ? operation : undefined;
}

function compileTemplate(template: string): PathTemplate {
  const names: string[] = [];
  let literalSegments = 0;
  const source = template
    .split('/')
    .map((segment) => {
      if (!segment.includes('{')) {
        if (segment !== '') literalSegments += 1;
        return escapeRegExp(segment);
      }
      return segment.replace(/\{([^}]+)\}|([^{]+)/g, (_whole, name: string | undefined, literal: string | undefined) => {
        if (name !== undefined) {
          names.push(name);
          return '([^/]+)';
        }
        return escapeRegExp(literal ?? '');
      });
    })
    .join('/');
  return { template, pattern: new RegExp(`^${source}/?$`), names, literalSegments };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Operation-level schemas point into `#/components`; compiled on their own they must name the document. */
function absoluteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absoluteRefs);
  if (!isRecord(schema)) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${documentId}${value}` : absoluteRefs(value);
  }
  return copy;
}

function absoluteSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = absoluteRefs(schema);
  return isRecord(copy) ? copy : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function additional(error: ErrorObject): string {
  const property: unknown = error.params['additionalProperty'];
  return typeof property === 'string' ? ` ("${property}")` : '';
}

function describeQueryError(error: ErrorObject): string {
  const missing: unknown = error.params['missingProperty'];
  if (error.keyword === 'required' && typeof missing === 'string') return `The '${missing}' query parameter is required.`;
  const name = error.instancePath.split('/')[1] ?? '';
  return `The value of the '${name}' query parameter is invalid: it ${error.message ?? 'is invalid'}.`;
}

function describeBodyError(error: ErrorObject): string {
  const at = error.instancePath === '' ? 'the request body' : `'${error.instancePath}'`;
  const property: unknown = error.params['additionalProperty'];
  if (error.keyword === 'additionalProperties' && typeof property === 'string') return `Unrecognized field "${property}" in ${at}.`;
  const missing: unknown = error.params['missingProperty'];
  if (error.keyword === 'required' && typeof missing === 'string') return `Missing field "${missing}" in ${at}.`;
  return `Invalid value in ${at}: it ${error.message ?? 'is invalid'}.`;
}
