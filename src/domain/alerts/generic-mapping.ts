/**
 * A generic JSON source: the administrator says where in the body each part of an alert lives
 * (paths such as `alert.title` or `checks[0].status`), previews the mapping against a pasted sample,
 * and every body the source sends is read through it.
 */
import { z } from 'zod';
import { ValidationError } from '../errors';
import { parseWith } from '../parse-input';
import { clip, instantOrUndefined, webUrl, type Alert, type AlertNotification, type AlertStatus } from './alert';

const PATH_PATTERN = /^(\$\.)?[A-Za-z_][\w-]*(\[\d+\])*(\.[A-Za-z_][\w-]*(\[\d+\])*)*$/;
const pathSchema = z.string().trim().regex(PATH_PATTERN, 'must be a path such as alert.title or checks[0].status').max(300);

export const genericMappingSchema = z.strictObject({
  title: pathSchema,
  dedupKey: pathSchema,
  severity: pathSchema.exactOptional(),
  service: pathSchema.exactOptional(),
  status: pathSchema.exactOptional(),
  startsAt: pathSchema.exactOptional(),
  link: pathSchema.exactOptional(),
  /** Values of `status` that mean the alert is over (compared without case). */
  resolvedValues: z.array(z.string().trim().min(1).max(60)).max(20).default(['resolved', 'ok', 'closed', 'recovered', 'inactive']),
});

export type GenericMapping = z.output<typeof genericMappingSchema>;

/** The value at a path of the mapping (`a.b[0].c`), or undefined when any step is missing. */
export function valueAtPath(body: unknown, path: string): unknown {
  const steps = path
    .replace(/^\$\./, '')
    .split('.')
    .flatMap((part) => {
      const [name, ...indexes] = part.split('[');
      return [name ?? '', ...indexes.map((index) => Number(index.slice(0, -1)))];
    });
  let value = body;
  for (const step of steps) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(value)) return undefined;
      value = value[step] as unknown;
    } else {
      if (Array.isArray(value) || !Object.hasOwn(value, step)) return undefined;
      value = (value as Record<string, unknown>)[step];
    }
  }
  return value;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const MAX_FIELDS = 100;
const MAX_DEPTH = 4;

/** Every scalar of the body by its path (`check.region`), so routing rules can match any field. */
export function flattenFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const visit = (value: unknown, path: string, depth: number) => {
    if (Object.keys(fields).length >= MAX_FIELDS || depth > MAX_DEPTH) return;
    const text = scalarText(value);
    if (text !== undefined && path !== '') {
      fields[clip(path, 200)] = clip(text);
      return;
    }
    if (Array.isArray(value)) value.slice(0, 10).forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, path === '' ? key : `${path}.${key}`, depth + 1);
  };
  visit(body, '', 0);
  return fields;
}

/** What the mapping reads from a body, field by field, for the admin page's preview. */
export interface MappingPreview {
  readonly notification: AlertNotification;
  readonly fields: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads one alert out of a body with the mapping: the dedup key groups it, the status path (when
 * mapped) says whether it resolved, the mapped severity and service become the `severity` and
 * `service` labels routing rules match, with every other scalar of the body.
 *
 * @throws ValidationError when the body lacks the title or dedup key the mapping points at.
 */
export function applyGenericMapping(mapping: GenericMapping, body: unknown): MappingPreview {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ValidationError('body', 'must be a JSON object');
  const read = (path: string | undefined) => (path === undefined ? undefined : scalarText(valueAtPath(body, path)));
  const title = read(mapping.title);
  if (title === undefined) throw new ValidationError('body', `has no text at ${mapping.title} (the mapping's title)`);
  const dedupKey = read(mapping.dedupKey);
  if (dedupKey === undefined) throw new ValidationError('body', `has no value at ${mapping.dedupKey} (the mapping's dedup key)`);
  const severity = read(mapping.severity);
  const service = read(mapping.service);
  const statusText = read(mapping.status);
  const startsAtText = read(mapping.startsAt);
  const link = webUrl(read(mapping.link));
  const resolved = statusText !== undefined && mapping.resolvedValues.some((value) => value.toLowerCase() === statusText.toLowerCase());
  const status: AlertStatus = resolved ? 'resolved' : 'firing';
  const startsAt = instantOrUndefined(startsAtText);
  const labels = { ...flattenFields(body), ...(severity === undefined ? {} : { severity: clip(severity, 200) }), ...(service === undefined ? {} : { service: clip(service, 200) }) };
  const alert: Alert = {
    fingerprint: clip(dedupKey, 200),
    status,
    title: clip(title.replace(/\s+/g, ' ').trim(), 200),
    labels,
    annotations: {},
    values: {},
    ...(startsAt === undefined ? {} : { startsAt }),
    links: link === undefined ? {} : { generator: link },
  };
  return {
    notification: { groupKey: clip(dedupKey, 1_000), status, alerts: [alert], truncatedAlerts: 0 },
    fields: { title, dedupKey, severity, service, status: statusText, startsAt: startsAtText, link },
  };
}

export function parseGenericMapping(input: unknown, root = 'mapping'): GenericMapping {
  return parseWith(genericMappingSchema, input, root);
}
