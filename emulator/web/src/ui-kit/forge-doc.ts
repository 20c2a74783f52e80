/**
 * The tree `@forge/react`'s reconciler hands to its host with `callBridge('reconcile', {forgeDoc})`:
 * `{type, key, props, children}` nodes under a `Root`, text as `String` nodes with `props.text`,
 * event handlers as functions in `props` (in a frame, callback references the host calls back
 * through the bridge). Props are read here with small typed accessors, never trusted as a shape.
 */
import * as z from 'zod/mini';
import { callbackRef } from '../bridge-protocol';

export interface ForgeDoc {
  type: string;
  key?: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
}

const node = z.object({
  type: z.string(),
  key: z.optional(z.string()),
  props: z.record(z.string(), z.unknown()),
  children: z.array(z.unknown()),
});

/** Reads a tree, node by node (the reconciler's nodes carry more than these fields; only these are read). */
export const forgeDoc = {
  safeParse(value: unknown): { success: true; data: ForgeDoc } | { success: false; error: Error } {
    try {
      return { success: true, data: readNode(value, 'Root') };
    } catch (error) {
      return { success: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
  },
};

function readNode(value: unknown, path: string): ForgeDoc {
  const parsed = node.safeParse(value);
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  const { type, key, props, children } = parsed.data;
  return { type, ...(key === undefined ? {} : { key }), props, children: children.map((child, index) => readNode(child, `${path} > ${type}[${index}]`)) };
}

/** Calls an app's event handler (a live function, or a reference to one in the app's frame) with serialisable arguments. */
export type HandlerCaller = (handler: unknown, args: unknown[]) => Promise<unknown>;

export function isHandler(value: unknown): boolean {
  return typeof value === 'function' || callbackRef.safeParse(value).success;
}

/** Typed reads of one node's props. */
export class Props {
  constructor(
    readonly node: ForgeDoc,
    private readonly caller: HandlerCaller,
  ) {}

  string(name: string): string | undefined {
    const value = this.node.props[name];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  number(name: string): number | undefined {
    const value = this.node.props[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  boolean(name: string): boolean | undefined {
    const value = this.node.props[name];
    return typeof value === 'boolean' ? value : undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.node.props[name];
    return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  }

  raw(name: string): unknown {
    return this.node.props[name];
  }

  record(name: string): Record<string, unknown> | undefined {
    const value = this.node.props[name];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  }

  array(name: string): unknown[] | undefined {
    const value = this.node.props[name];
    return Array.isArray(value) ? value : undefined;
  }

  /** The app's handler `name` as a host callback, or undefined when the app gave none. */
  handler(name: string): ((...args: unknown[]) => void) | undefined {
    const value = this.node.props[name];
    if (!isHandler(value)) return undefined;
    return (...args: unknown[]) => {
      void this.caller(value, args).catch((error: unknown) => console.error(`[local site] the UI Kit ${this.node.type} ${name} handler failed:`, error));
    };
  }

  /** `testId`, which UI Kit passes on to the Design System component. */
  get testId(): string | undefined {
    return this.string('testId');
  }
}

/** The plain text of a subtree (for labels and titles the Design System takes as strings). */
export function textOf(node: ForgeDoc): string {
  if (node.type === 'String') return typeof node.props['text'] === 'string' ? node.props['text'] : '';
  return node.children.map(textOf).join('');
}

/** A value as display text, for chart labels and table cells given as data. */
export function displayText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}
