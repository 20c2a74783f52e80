/**
 * What each UI surface costs the browser, gzipped: a Custom UI surface ships its whole bundle
 * (React, its widgets, the app); a UI Kit surface ships only the app and @forge/react's reconciler,
 * because Jira draws it with the Design System it already has. Next to each Custom UI surface: what
 * its widgets would cost as the equivalent @atlaskit components (the same bundle setup, an entry that
 * renders exactly those packages), the measurement behind the README's rule.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { surfaces, uiKitSurfaces } from '../scripts/build-ui';
import { uiKitBuildOptions } from '../emulator/web/ui-kit-bundle';

const root = resolve(__dirname, '..');
const staticDir = join(root, 'static');

/** The @atlaskit component each hand-written shared-ui widget stands in for, as `import` lines and a JSX use. */
const equivalents: Record<string, { imports: string; use: string }> = {
  button: { imports: "import Button from '@atlaskit/button/new';", use: '<Button>x</Button>' },
  'text-field': { imports: "import Textfield from '@atlaskit/textfield'; import TextArea from '@atlaskit/textarea';", use: '<Textfield /><TextArea />' },
  select: { imports: "import Select from '@atlaskit/select';", use: '<Select options={[]} />' },
  tabs: { imports: "import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';", use: '<Tabs id="t"><TabList><Tab>a</Tab></TabList><TabPanel>b</TabPanel></Tabs>' },
  'section-message': { imports: "import SectionMessage from '@atlaskit/section-message';", use: '<SectionMessage>x</SectionMessage>' },
  lozenge: { imports: "import Lozenge from '@atlaskit/lozenge';", use: '<Lozenge>x</Lozenge>' },
  'data-table': { imports: "import DynamicTable from '@atlaskit/dynamic-table';", use: '<DynamicTable rows={[]} />' },
  'form-field': { imports: "import { Label, HelperMessage, ErrorMessage } from '@atlaskit/form';", use: '<Label htmlFor="x">x</Label><HelperMessage>x</HelperMessage><ErrorMessage>x</ErrorMessage>' },
  'page-states': { imports: "import Spinner from '@atlaskit/spinner'; import Heading from '@atlaskit/heading';", use: '<Spinner /><Heading size="small">x</Heading>' },
  'people-picker': { imports: "import { AsyncSelect } from '@atlaskit/select';", use: '<AsyncSelect loadOptions={() => Promise.resolve([])} />' },
};

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesOf(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** The shared-ui widgets a surface uses (read from its imports). */
function widgetsOf(surface: string): string[] {
  const text = sourcesOf(join(staticDir, surface, 'src')).join('\n');
  return Object.keys(equivalents).filter((widget) => text.includes(`shared-ui/${widget}'`));
}

async function gzippedJs(options: Parameters<typeof build>[0]): Promise<number> {
  const { outfile: _outfile, ...rest } = options;
  const result = await build({ ...rest, write: false, outdir: '/out', logLevel: 'silent' });
  return (result.outputFiles ?? []).filter((file) => file.path.endsWith('.js')).reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0);
}

const browserBundle = {
  bundle: true,
  minify: true,
  format: 'iife' as const,
  target: ['es2020'],
  platform: 'browser' as const,
  jsx: 'automatic' as const,
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  legalComments: 'none' as const,
};

async function equivalentCost(widgets: string[]): Promise<number> {
  const chosen = widgets.map((widget) => equivalents[widget]).filter((entry) => entry !== undefined);
  const contents = `import { createRoot } from 'react-dom/client';\n${chosen.map((entry) => entry.imports).join('\n')}\ncreateRoot(document.body).render(<>${chosen.map((entry) => entry.use).join('')}</>);\n`;
  return gzippedJs({ ...browserBundle, stdin: { contents, loader: 'tsx', resolveDir: root } });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  console.log('surface                 | kind       | gzipped JS | with the equivalent @atlaskit components');
  for (const surface of [...uiKitSurfaces()].sort()) {
    const size = await gzippedJs(uiKitBuildOptions(join(staticDir, surface, 'src', 'index.tsx')));
    console.log(`${surface.padEnd(23)} | UI Kit     | ${kb(size).padStart(10)} | — (Jira draws it with its own Design System)`);
  }
  for (const surface of surfaces().sort()) {
    const size = await gzippedJs({ ...browserBundle, entryPoints: [join(staticDir, surface, 'src', 'index.tsx')] });
    const widgets = widgetsOf(surface);
    const atlaskit = await equivalentCost(widgets);
    console.log(`${surface.padEnd(23)} | Custom UI  | ${kb(size).padStart(10)} | ${kb(atlaskit)} for React + ${widgets.join(', ')} (the widgets alone, before the app's code)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
