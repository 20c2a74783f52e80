/**
 * From a manifest key to the code in two hops: manifest.yml names `index.<handler>`, src/index.ts
 * re-exports it by name from one module, and that module declares it. No `export *`, no handler
 * written in src/index.ts itself, no module that only passes a handler on from somewhere else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const indexPath = join(root, 'src', 'index.ts');

function sourceOf(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** Each name src/index.ts exports, with the module specifiers it is re-exported from. */
function indexExports(): { reexports: Map<string, string[]>; other: string[] } {
  const reexports = new Map<string, string[]>();
  const other: string[] = [];
  for (const statement of sourceOf(indexPath).statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier) && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const name = element.name.text;
        reexports.set(name, [...(reexports.get(name) ?? []), statement.moduleSpecifier.text]);
      }
    } else {
      other.push(statement.getText().split('\n')[0] ?? '');
    }
  }
  return { reexports, other };
}

function moduleFile(specifier: string): string | undefined {
  const base = join(dirname(indexPath), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

const hasExportModifier = (node: ts.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** Whether `file` declares `name` itself and exports it (a function, a const, a class), rather than re-exporting it. */
function declares(file: string, name: string): boolean {
  return sourceOf(file).statements.some((statement) => {
    if (!hasExportModifier(statement)) return false;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) return true;
    return ts.isVariableStatement(statement) && statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name);
  });
}

describe('the way from a manifest key to its code', () => {
  const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { modules: { function?: { key: string; handler: string }[] } };
  const functions = (manifest.modules.function ?? []).map((f) => ({ key: f.key, handler: f.handler.replace(/^index\./, '') }));
  const { reexports, other } = indexExports();

  it('src/index.ts holds only named re-exports (its comments aside)', () => {
    expect(other).toEqual([]);
  });

  it.each(functions)('$key: src/index.ts re-exports $handler from the one module that declares it', ({ handler }) => {
    const specifiers = reexports.get(handler) ?? [];
    expect(specifiers).toHaveLength(1);
    const file = moduleFile(specifiers[0] ?? '');
    expect(file).toBeDefined();
    expect({ file: relative(root, file ?? ''), declares: declares(file ?? '', handler) }).toEqual({ file: relative(root, file ?? ''), declares: true });
  });
});
