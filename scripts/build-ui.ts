/**
 * Builds every Custom UI surface (`static/<surface>/src/index.tsx`) into `static/<surface>/build`,
 * the folder manifest.yml's resources point at. esbuild keeps this to well under a second per surface.
 * UI Kit surfaces (a resource whose `path` is the entry file itself, e.g.
 * `static/incidents-gadget/src/index.tsx`) are not built here: Forge bundles them at deploy, and the
 * local site bundles them when it serves them.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(__dirname, '..');
const staticDir = join(root, 'static');

function page(title: string, withStylesheet: boolean): string {
  // Design System components ship their styles as CSS that esbuild gathers into main.css.
  const stylesheet = withStylesheet ? '\n    <link rel="stylesheet" href="./main.css" />' : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>${stylesheet}
  </head>
  <body>
    <div id="root"></div>
    <script src="./main.js"></script>
  </body>
</html>
`;
}

export async function buildSurface(surface: string): Promise<void> {
  const dir = join(staticDir, surface);
  const out = join(dir, 'build');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(dir, 'src', 'index.tsx')],
    outfile: join(out, 'main.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(join(out, 'index.html'), page(surface, existsSync(join(out, 'main.css'))));
  const assets = join(dir, 'public');
  if (existsSync(assets)) cpSync(assets, out, { recursive: true });
}

/** The surfaces manifest.yml declares as UI Kit: a resource path inside `static/<surface>/` that names a source file. */
export function uiKitSurfaces(): Set<string> {
  const manifest: unknown = parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));
  const resources = typeof manifest === 'object' && manifest !== null ? (manifest as { resources?: unknown }).resources : undefined;
  const paths = Array.isArray(resources) ? resources.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as { path?: unknown }).path : undefined)) : [];
  return new Set(paths.flatMap((path) => (typeof path === 'string' && /\.(tsx|ts|jsx|js)$/.test(path) ? (/^static\/([^/]+)\//.exec(path)?.[1] ?? []) : [])));
}

export function surfaces(): string[] {
  const uiKit = uiKitSurfaces();
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(staticDir, d.name, 'src', 'index.tsx')) && !uiKit.has(d.name))
    .map((d) => d.name);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const list = only.length > 0 ? only : surfaces();
  await Promise.all(list.map(buildSurface));
  console.log(`built ${list.length} Custom UI surface(s): ${list.join(', ')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
