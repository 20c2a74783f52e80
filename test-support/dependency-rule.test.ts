import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

// ESLint's flat config is an ES module, which jest's CommonJS sandbox cannot import: lint in a real node process.
const runner = `
const { ESLint } = require('eslint');
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const { filePath, source } = JSON.parse(input);
  // The probe files do not exist, so the type-aware rules (which need the file in a TypeScript project) are off.
  const overrideConfig = {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  };
  const [result] = await new ESLint({ cwd: process.cwd(), overrideConfig }).lintText(source, { filePath });
  const messages = result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  process.stdout.write(JSON.stringify(messages));
});`;

async function lintAs(filePath: string, source: string): Promise<string[]> {
  const out = execFileSync(process.execPath, ['-e', runner], {
    cwd: root,
    input: JSON.stringify({ filePath: join(root, filePath), source }),
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

describe('the dependency rule, enforced by lint', () => {
  it('refuses @forge/* in the domain', async () => {
    expect(await lintAs('src/domain/example.ts', "import { kvs } from '@forge/kvs';\nexport const x = kvs;\n")).toHaveLength(1);
  });

  it('refuses the forge adapters in the domain', async () => {
    expect(await lintAs('src/domain/example.ts', "import { x } from '../forge/adapters';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('refuses use cases in the domain', async () => {
    expect(await lintAs('src/domain/example.ts', "import { x } from '../app/page-on-call';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('refuses @forge/* and the forge adapters in use cases', async () => {
    expect(await lintAs('src/app/example.ts', "import api from '@forge/api';\nexport const a = api;\n")).toHaveLength(1);
    expect(await lintAs('src/app/example.ts', "import { x } from '../forge/kvs-store';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('lets use cases import the domain', async () => {
    expect(await lintAs('src/app/example.ts', "import { ValidationError } from '../domain/errors';\nexport const y = ValidationError;\n")).toEqual([]);
  });

  it('lets Custom UI import only the shared contracts from the backend', async () => {
    expect(await lintAs('static/issue-panel/src/example.ts', "import { ValidationError } from '../../../src/domain/errors';\nexport const y = ValidationError;\n")).toHaveLength(1);
    expect(await lintAs('static/issue-panel/src/example.ts', "import { kvs } from '@forge/kvs';\nexport const y = kvs;\n")).toHaveLength(1);
    expect(await lintAs('static/issue-panel/src/example.ts', "import type { X } from '../../../src/contracts/x';\nexport type Y = X;\n")).toEqual([]);
  });

  it('lets no layer import the domain through a barrel', async () => {
    expect(await lintAs('src/app/example.ts', "import { x } from '../domain';\nexport const y = x;\n")).toHaveLength(1);
    expect(await lintAs('src/forge/example.ts', "import { x } from '../domain/on-call/index';\nexport const y = x;\n")).toHaveLength(1);
    expect(await lintAs('src/domain/on-call/example.ts', "import { x } from './index';\nexport const y = x;\n")).toHaveLength(1);
    expect(await lintAs('src/app/example.ts', "import { parseRoster } from '../domain/on-call/roster';\nexport const y = parseRoster;\n")).toEqual([]);
  });

  it('keeps the local site out of the app', async () => {
    expect(await lintAs('src/forge/example.ts', "import { createSite } from '../../emulator/site';\nexport const y = createSite;\n")).toHaveLength(1);
  });
});
