/**
 * Bundles a UI Kit resource the way Forge does at deploy: the manifest's resource `path` names the
 * entry source file (`static/<surface>/src/index.tsx`), and the platform bundles it with
 * `@forge/react` and `@forge/bridge` into one script that runs in a frame. The local site bundles
 * on first request and again whenever one of the app's own source files changed, so an edit shows
 * on reload without a build step.
 */
import { build, type BuildOptions } from 'esbuild';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The esbuild options a UI Kit entry is bundled with (also what bench/ measures a surface with). */
export function uiKitBuildOptions(entry: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    // One classic script with CommonJS interop: an ESM bundle breaks @forge/react's default export.
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'none',
    logLevel: 'silent',
  };
}

export class UiKitBundleError extends Error {
  override readonly name = 'UiKitBundleError';
}

interface Bundle {
  js: Uint8Array;
  /** The app's own source files (not node_modules) with the modification time they had when bundled. */
  sources: Map<string, number>;
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Bundles the entry in memory; rejects with esbuild's messages, naming the entry, when it does not compile. */
export async function bundleUiKitEntry(entry: string): Promise<Bundle> {
  try {
    const result = await build({ ...uiKitBuildOptions(entry), write: false, outfile: '/out/main.js', metafile: true });
    const file = result.outputFiles.find((output) => output.path.endsWith('.js'));
    if (file === undefined) throw new UiKitBundleError(`esbuild produced no script for ${entry}`);
    const sources = new Map<string, number>();
    for (const input of Object.keys(result.metafile.inputs)) {
      if (input.includes('node_modules/')) continue;
      const path = resolve(input);
      sources.set(path, modifiedAt(path));
    }
    return { js: file.contents, sources };
  } catch (error) {
    if (error instanceof UiKitBundleError) throw error;
    throw new UiKitBundleError(`The UI Kit resource ${entry} does not bundle: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Bundles per entry file, kept until one of the entry's own source files changes. */
export class UiKitBundles {
  private readonly bundles = new Map<string, Promise<Bundle>>();

  async script(entry: string): Promise<Uint8Array> {
    const cached = this.bundles.get(entry);
    if (cached !== undefined) {
      const bundle = await cached.catch(() => undefined);
      if (bundle !== undefined && [...bundle.sources].every(([path, at]) => modifiedAt(path) === at)) return bundle.js;
    }
    const next = bundleUiKitEntry(entry);
    this.bundles.set(entry, next);
    void next.catch(() => this.bundles.delete(entry));
    return (await next).js;
  }
}

/** The frame page of a UI Kit resource: the bridge script first, then the bundle; the host draws what it reconciles. */
export function uiKitPage(frameScriptUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><script src="${frameScriptUrl}"></script><title>UI Kit</title></head>
<body><script src="./main.js"></script></body>
</html>
`;
}
