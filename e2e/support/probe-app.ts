/**
 * The probe app (e2e/fixtures/probe-app): a small Forge app whose Custom UI reports what the real
 * @forge/bridge got from the host. Its UI is bundled the way scripts/build-ui.ts bundles the app's.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const fixture = resolve(__dirname, '..', 'fixtures', 'probe-app');

export interface ProbeApp {
  manifestPath: string;
  srcDir: string;
}

export async function buildProbeApp(): Promise<ProbeApp> {
  const folder = mkdtempSync(join(tmpdir(), 'probe-app-'));
  const buildDir = join(folder, 'build');
  await build({
    entryPoints: [join(fixture, 'ui', 'index.ts')],
    outfile: join(buildDir, 'main.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
  writeFileSync(join(buildDir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body><script src="./main.js"></script></body></html>\n');
  const manifestPath = join(folder, 'manifest.yml');
  writeFileSync(manifestPath, readFileSync(join(fixture, 'manifest.template.yml'), 'utf8').replace('RESOURCE_PATH', buildDir));
  return { manifestPath, srcDir: join(fixture, 'src') };
}
