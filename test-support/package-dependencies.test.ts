/**
 * What the deployed app and its UI import is a dependency; what only the local site, the tests, the
 * benchmarks and the build use is a devDependency. `forge deploy` bundles from dependencies, so a
 * package misfiled there either goes missing in production or bloats what a reader thinks ships.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes(`${'/'}testing${'/'}`) ? [path] : [];
  });
}

/** The npm packages a file imports (bare specifiers, including side-effect imports and re-exports). */
function importedPackages(file: string): string[] {
  const specifiers = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier)));
}

function packagesUsedIn(dirs: string[]): Map<string, string> {
  const used = new Map<string, string>();
  for (const dir of dirs) for (const file of sourceFiles(join(root, dir))) for (const name of importedPackages(file)) if (!used.has(name)) used.set(name, relative(root, file));
  return used;
}

describe('package.json', () => {
  const deployed = packagesUsedIn(['src', 'static']);

  it('lists every package the deployed app or its UI imports as a dependency', () => {
    const missing = [...deployed].filter(([name]) => manifest.dependencies[name] === undefined).map(([name, file]) => `${name} (imported by ${file})`);
    expect(missing).toEqual([]);
  });

  it('lists as dependencies only packages the deployed app or its UI imports', () => {
    const onlyLocal = Object.keys(manifest.dependencies).filter((name) => !deployed.has(name));
    expect(onlyLocal).toEqual([]);
  });
});
