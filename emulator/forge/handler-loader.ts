/** Finds the function a manifest `function` module names (`handler: index.resolver` → export `resolver` of src/index). */
import { join } from 'node:path';
import type { FunctionModule } from './manifest';

export type Handler = (...args: unknown[]) => unknown;

export class HandlerNotFoundError extends Error {
  override readonly name = 'HandlerNotFoundError';
}

export class HandlerLoader {
  constructor(
    private readonly srcDir: string,
    private readonly functions: ReadonlyMap<string, FunctionModule>,
  ) {}

  functionModule(functionKey: string): FunctionModule {
    const module = this.functions.get(functionKey);
    if (!module) throw new HandlerNotFoundError(`The manifest declares no function "${functionKey}"`);
    return module;
  }

  load(functionKey: string): Handler {
    const { handler } = this.functionModule(functionKey);
    const dot = handler.lastIndexOf('.');
    const file = join(this.srcDir, handler.slice(0, dot));
    const exportName = handler.slice(dot + 1);
    // The handlers are TypeScript loaded at run time: only `require` goes through the loader that
    // tsx (npm start) and jest (tests) install, and it caches modules the way the Forge runtime does.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(file);
    const candidate = typeof loaded === 'object' && loaded !== null ? (loaded as Record<string, unknown>)[exportName] : undefined;
    if (typeof candidate !== 'function') {
      throw new HandlerNotFoundError(`Function "${functionKey}": ${file} has no exported function "${exportName}"`);
    }
    return candidate as Handler;
  }
}
