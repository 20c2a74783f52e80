/**
 * Bundles the site's browser code with esbuild, in memory, when the site starts: the host page
 * (`src/main.tsx`, ES modules split into chunks so rarely used pages load on demand) and the
 * script injected into Custom UI frames (`src/frame/forge-frame.ts`, one classic script that must
 * run before the app's bundle). Nothing is written to disk, so the served code always matches the
 * sources.
 */
import { build, type BuildOptions, type OutputFile } from 'esbuild';
import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';

export const assetsPath = '/__web/assets/';

export interface WebAsset {
  contents: Uint8Array;
  contentType: string;
}

export interface WebAssets {
  /** Asset files by URL path, e.g. `/__web/assets/main-3FJ2.js`. */
  files: Map<string, WebAsset>;
  /** URL of the host page's entry module. */
  mainScript: string;
  /** URLs of the stylesheets the entry needs (component CSS extracted by esbuild). */
  mainStyles: string[];
  /** URL of the script injected into Custom UI frames. */
  frameScript: string;
}

const sourceDir = join(__dirname, 'src');

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const shared: BuildOptions = {
  bundle: true,
  minify: true,
  write: false,
  target: ['es2020'],
  platform: 'browser',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  legalComments: 'none',
  logLevel: 'silent',
  loader: { '.svg': 'file', '.png': 'file', '.woff2': 'file' },
};

function toAsset(file: OutputFile): [string, WebAsset] {
  const name = basename(file.path);
  return [assetsPath + name, { contents: file.contents, contentType: contentTypes[extname(name)] ?? 'application/octet-stream' }];
}

/** Builds both bundles; rejects with esbuild's messages when the sources do not compile. */
export async function buildWebAssets(): Promise<WebAssets> {
  const [host, frame] = await Promise.all([
    build({
      ...shared,
      entryPoints: { main: join(sourceDir, 'main.tsx') },
      outdir: '/out',
      format: 'esm',
      splitting: true,
      entryNames: '[name]-[hash]',
      chunkNames: 'chunk-[hash]',
      assetNames: 'asset-[hash]',
      metafile: true,
      // iframe-resizer announces its next major version on the console at load; the host page stays quiet.
      pure: ['console.info'],
    }),
    build({ ...shared, entryPoints: [join(sourceDir, 'frame', 'forge-frame.ts')], outfile: '/out/forge-frame.js', format: 'iife' }),
  ]);
  if (host.outputFiles === undefined || host.metafile === undefined || frame.outputFiles === undefined) throw new Error('esbuild returned no output in memory');
  const files = new Map(host.outputFiles.map(toAsset));
  const frameFile = frame.outputFiles[0];
  if (frameFile === undefined) throw new Error('esbuild produced no frame script');
  const frameHash = createHash('sha256').update(frameFile.contents).digest('hex').slice(0, 10);
  const frameScript = `${assetsPath}forge-frame-${frameHash}.js`;
  files.set(frameScript, { contents: frameFile.contents, contentType: contentTypes['.js'] ?? 'text/javascript' });

  // Dynamically imported modules are entry points of their own too; the page's entry is main.tsx.
  const entry = Object.entries(host.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith('main.tsx') === true);
  if (entry === undefined) throw new Error('esbuild produced no entry module for the host page');
  const [entryPath, entryOutput] = entry;
  return {
    files,
    mainScript: assetsPath + basename(entryPath),
    mainStyles: entryOutput.cssBundle === undefined ? [] : [assetsPath + basename(entryOutput.cssBundle)],
    frameScript,
  };
}
