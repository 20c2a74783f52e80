/**
 * Use cases and the domain speak in the app's terms: HTTP status codes stay in the adapters and edges
 * (src/forge), where RemoteCallError.outcome gives them a meaning, and everything src/ throws belongs to
 * the app's error hierarchy (src/app/errors.ts, src/domain/errors.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The lines of `dirs` (tests and test doubles excluded unless asked) that match `pattern`, as `file:line: text`. */
function linesMatching(dirs: string[], pattern: RegExp, options: { includeTestDoubles?: boolean } = {}): string[] {
  return dirs
    .flatMap((dir) => files(join(root, dir)))
    .filter((file) => !/\.test\.tsx?$/.test(file) && (options.includeTestDoubles === true || !file.includes('/testing/')))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((text, index) => ({ text, where: `${relative(root, file)}:${index + 1}` }))
        .filter(({ text }) => pattern.test(text) && !/^\s*(\*|\/\/)/.test(text))
        .map(({ text, where }) => `${where}: ${text.trim()}`),
    );
}

describe('the app speaks in its own terms', () => {
  it('no use case or domain rule reads an HTTP status', () => {
    const statusRead = /\.status\s*(===|!==|>=|<=|>|<)\s*\d|\b(status|statusCode)\s*:\s*[1-5]\d\d\b|\berror\.status\b/;
    expect(linesMatching(['src/app', 'src/domain'], statusRead).filter((line) => !line.startsWith('src/app/errors.ts:'))).toEqual([]);
  });

  it('throws only errors of the app hierarchy from src/', () => {
    expect(linesMatching(['src'], /throw new (Error|TypeError|RangeError|SyntaxError)\(/, { includeTestDoubles: true })).toEqual([]);
  });
});
