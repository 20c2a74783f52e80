/**
 * The published API descriptions the stand-ins check requests against (vendored in
 * emulator/contracts/): Slack's Web API (OpenAPI 2) and PagerDuty's Events API v2 (OpenAPI 3).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const contractsDir = join(__dirname, '..', 'contracts');

export interface SlackParameter {
  name: string;
  type: string;
  required: boolean;
}

const slackContract = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.looseObject({
        parameters: z.array(z.looseObject({ name: z.string(), in: z.string(), type: z.string().optional(), required: z.boolean().optional() })).optional(),
        responses: z.record(z.string(), z.looseObject({ schema: z.record(z.string(), z.unknown()).optional() })).optional(),
      }),
    ),
  ),
  definitions: z.record(z.string(), z.unknown()),
});

/**
 * Slack's generated schemas list alternatives as a bare `items` array (`[{$ref: conversation},
 * {type: 'null'}]`) on nodes without a `type`; JSON Schema would ignore those, so they are read
 * as `anyOf`, which is what they mean.
 */
function asAlternatives(schema: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = Object.fromEntries(Object.entries(schema).map(([name, value]) => [name, normalizeNode(value)]));
  if (Array.isArray(result.items) && result.type === undefined) {
    const { items, ...rest } = result;
    return { ...rest, anyOf: items };
  }
  return result;
}

function normalizeNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNode);
  if (typeof node !== 'object' || node === null) return node;
  return asAlternatives(node as Record<string, unknown>);
}

let slackMethods: Map<string, SlackParameter[]> | undefined;
let slackContractCache: z.infer<typeof slackContract> | undefined;
const slackSuccessValidators = new Map<string, ValidateFunction>();

function loadSlackContract(): z.infer<typeof slackContract> {
  slackContractCache ??= slackContract.parse(JSON.parse(readFileSync(join(contractsDir, 'slack-web-api.openapi-v2.json'), 'utf8')));
  return slackContractCache;
}

/** Problems with a successful Slack answer measured against the contract's success schema for `method`. */
export function slackSuccessProblems(method: string, body: unknown): string[] {
  let validate = slackSuccessValidators.get(method);
  if (!validate) {
    const contract = loadSlackContract();
    const schema = Object.values(contract.paths[`/${method}`] ?? {})[0]?.responses?.['200']?.schema;
    if (!schema) return [`The Slack contract has no success schema for ${method}`];
    validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
      asAlternatives({ ...schema, definitions: contract.definitions }),
    );
    slackSuccessValidators.set(method, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(answer)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`);
}

/** The declared arguments of a Slack method (token excluded), or undefined when the contract lacks it. */
export function slackMethodParameters(method: string): SlackParameter[] | undefined {
  if (!slackMethods) {
    const contract = loadSlackContract();
    slackMethods = new Map();
    for (const [path, operations] of Object.entries(contract.paths)) {
      const parameters = Object.values(operations).flatMap((operation) => operation.parameters ?? []);
      slackMethods.set(
        path.replace(/^\//, ''),
        parameters.filter((p) => p.name !== 'token').map((p) => ({ name: p.name, type: p.type ?? 'string', required: p.required ?? false })),
      );
    }
  }
  return slackMethods.get(method);
}

const pagerDutyContract = z.object({
  paths: z.record(z.string(), z.object({ post: z.looseObject({ requestBody: z.object({ content: z.object({ 'application/json': z.object({ schema: z.record(z.string(), z.unknown()) }) }) }) }) })),
  components: z.record(z.string(), z.unknown()),
});

let pagerDutyValidators: Map<string, ValidateFunction> | undefined;

/** Validates a PagerDuty Events API request body for `/enqueue` or `/change/enqueue`; returns the problems. */
export function pagerDutyRequestProblems(path: '/enqueue' | '/change/enqueue', body: unknown): string[] {
  if (!pagerDutyValidators) {
    const contract = pagerDutyContract.parse(JSON.parse(readFileSync(join(contractsDir, 'pagerduty-events-v2.openapi.json'), 'utf8')));
    // OpenAPI 3.0 schemas are JSON Schema plus extra keywords (`example`, `x-…`); refs point at `#/components`.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // ajv-formats reads `url` as "public host with a top-level domain", which refuses the local site's own
    // `http://localhost:PORT/browse/…` links; PagerDuty needs an absolute web address, which those are.
    ajv.addFormat('url', { type: 'string', validate: isWebAddress });
    pagerDutyValidators = new Map();
    for (const [p, item] of Object.entries(contract.paths)) {
      pagerDutyValidators.set(p, ajv.compile({ ...item.post.requestBody.content['application/json'].schema, components: contract.components }));
    }
  }
  const validate = pagerDutyValidators.get(path);
  if (!validate) return [`The PagerDuty contract has no operation ${path}`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath === '' ? 'event' : error.instancePath.slice(1).replaceAll('/', '.')} ${error.message ?? 'is invalid'}`);
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const openApiDocument = z.looseObject({ paths: z.record(z.string(), z.record(z.string(), z.unknown())), components: z.record(z.string(), z.unknown()) });

/**
 * The Statuspage document with its two published defects patched, in memory only: `Incident.metadata`
 * typed `"Object"` and the uptime parameters typed `PartialStartDate`/`PartialEndDate`.
 */
export function statuspageContract(): z.infer<typeof openApiDocument> {
  const patch = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(patch);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([name, value]) => {
        if (name === 'type' && value === 'Object') return [name, 'object'];
        if (name === 'type' && (value === 'PartialStartDate' || value === 'PartialEndDate')) return [name, 'string'];
        return [name, patch(value)];
      }),
    );
  };
  return openApiDocument.parse(patch(JSON.parse(readFileSync(join(contractsDir, 'statuspage-api-v1.openapi.json'), 'utf8'))));
}

let statuspageValidators: Map<string, ValidateFunction> | undefined;

/** The Statuspage operations the site serves, by method and path template. */
export type StatuspageOperation = 'POST /pages/{page_id}/incidents' | 'PATCH /pages/{page_id}/incidents/{incident_id}' | 'PUT /pages/{page_id}/incidents/{incident_id}' | 'answer Incident' | 'answer Component';

function problemsOf(validate: ValidateFunction, body: unknown, root: string): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath === '' ? root : `${root}${error.instancePath.replaceAll('/', '.')}`} ${error.message ?? 'is invalid'}`);
}

/** Validates a Statuspage request body, or an answer the site gives, against the (patched) published document. */
export function statuspageProblems(operation: StatuspageOperation, body: unknown): string[] {
  if (!statuspageValidators) {
    const contract = statuspageContract();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    statuspageValidators = new Map();
    const requestSchema = (path: string, method: string): Record<string, unknown> => {
      const operationNode = z.looseObject({ requestBody: z.looseObject({ content: z.looseObject({ 'application/json': z.looseObject({ schema: z.record(z.string(), z.unknown()) }) }) }) }).parse(contract.paths[path]?.[method]);
      return operationNode.requestBody.content['application/json'].schema;
    };
    const withComponents = (schema: Record<string, unknown>) => ajv.compile({ ...schema, components: contract.components });
    statuspageValidators.set('POST /pages/{page_id}/incidents', withComponents(requestSchema('/pages/{page_id}/incidents', 'post')));
    statuspageValidators.set('PATCH /pages/{page_id}/incidents/{incident_id}', withComponents(requestSchema('/pages/{page_id}/incidents/{incident_id}', 'patch')));
    statuspageValidators.set('PUT /pages/{page_id}/incidents/{incident_id}', withComponents(requestSchema('/pages/{page_id}/incidents/{incident_id}', 'put')));
    statuspageValidators.set('answer Incident', withComponents({ $ref: '#/components/schemas/Incident' }));
    statuspageValidators.set('answer Component', withComponents({ $ref: '#/components/schemas/Component' }));
  }
  const validate = statuspageValidators.get(operation);
  if (!validate) return [`The Statuspage contract has no operation ${operation}`];
  return problemsOf(validate, body, operation.startsWith('answer') ? 'answer' : 'body');
}

let sendGridValidator: ValidateFunction | undefined;

/** Validates a SendGrid Mail Send v3 request body against the published OpenAPI 3.1 document. */
export function sendGridMailProblems(body: unknown): string[] {
  if (!sendGridValidator) {
    const contract = openApiDocument.parse(JSON.parse(readFileSync(join(contractsDir, 'sendgrid-mail-v3.openapi.json'), 'utf8')));
    const bodies = z.record(z.string(), z.looseObject({ content: z.looseObject({ 'application/json': z.looseObject({ schema: z.record(z.string(), z.unknown()) }) }) })).parse(contract.components['requestBodies']);
    const schema = bodies['PostMailSend']?.content['application/json'].schema;
    if (schema === undefined) return ['The SendGrid contract has no PostMailSend request body'];
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    sendGridValidator = ajv.compile({ ...schema, components: contract.components });
  }
  return problemsOf(sendGridValidator, body, 'body');
}
