import { validate } from '@forge/manifest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildSurface, surfaces } from '../scripts/build-ui';

const root = join(__dirname, '..');

describe('manifest.yml', () => {
  beforeAll(async () => {
    // Custom UI resources must point at a built folder holding index.html before the manifest can validate.
    for (const surface of surfaces()) {
      if (!existsSync(join(root, 'static', surface, 'build', 'index.html'))) await buildSurface(surface);
    }
  });

  it('passes the Forge manifest validator with no errors', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const result = await validate(false, join(root, 'manifest.yml'));
      const errors = (result.errors ?? []).filter((e) => e.level === 'error');
      expect(errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('runs on the nodejs22.x runtime', () => {
    const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { app: { runtime: { name: string } } };
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('names only handlers that src/index.ts exports, and src/index.ts exports nothing else', () => {
    const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { modules: { function?: { handler: string }[] } };
    const named = new Set((manifest.modules.function ?? []).map((f) => f.handler.replace(/^index\./, '')));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = new Set(Object.keys(require('../src/index') as Record<string, unknown>));
    expect([...exported].sort()).toEqual([...named].sort());
  });

  it('does not depend on the removed UI Kit 1 package', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('@forge/ui');
  });
});
