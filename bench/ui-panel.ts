/**
 * Benchmark of the app's UI on the local site, in headless Chromium:
 *  - time from navigation to an interactive issue panel (target ≤ 1.5 s): the issue page is
 *    opened, and the panel counts as interactive once its first resolver answer has been rendered
 *    inside its frame. The first load (cold browser cache) and the median of warm loads are shown,
 *    for the app's panel and, as the host's own share, for the probe app's panel;
 *  - each Custom UI surface's JavaScript, gzipped (target ≤ 150 KB for the issue panel), plus the
 *    bridge script the host injects into every frame.
 * Run: `npx tsx bench/ui-panel.ts [runs]`. It prints figures and asserts nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readUiManifest } from '../emulator/web/ui-modules';
import { buildWebAssets } from '../emulator/web/web-assets';
import { ensureCustomUiBuilt } from '../e2e/support/app-ui';
import { launchBrowser } from '../e2e/support/browser';
import { startLocalSite } from '../e2e/support/local-site';
import { timeToInteractivePanel } from '../e2e/support/panel-timing';
import { buildProbeApp } from '../e2e/support/probe-app';
import { createIssueAs, incidentFieldValues } from '../e2e/support/rest';

const root = resolve(__dirname, '..');
const panelTargetMs = 1500;
const panelBudgetBytes = 150 * 1024;

function gzippedBytes(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

function javascriptIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return javascriptIn(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface PanelTiming {
  coldMs: number;
  warmMs: number[];
}

async function timePanel(options: { manifestPath?: string; srcDir?: string; moduleKey: string; runs: number }): Promise<PanelTiming> {
  const local = await startLocalSite({
    ...(options.manifestPath === undefined ? {} : { manifestPath: options.manifestPath }),
    ...(options.srcDir === undefined ? {} : { srcDir: options.srcDir }),
  });
  const browser = await launchBrowser();
  try {
    const key = await createIssueAs(local.baseUrl, 'imogen.imoc@example.com', {
      project: { key: 'HOT' },
      summary: 'Benchmark incident: checkout latency',
      ...(options.manifestPath === undefined ? await incidentFieldValues(local.baseUrl, 'imogen.imoc@example.com', 'Sev 3') : {}),
    });
    // Sign in first, so every timed load is one navigation to the issue.
    await browser.page.goto(`${local.baseUrl}/jira/dashboards?as=imogen.imoc@example.com`);
    const url = `${local.baseUrl}/browse/${key}`;
    await browser.page.goto(url);
    const coldMs = await timeToInteractivePanel(browser.page, options.moduleKey);
    const warmMs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      await browser.page.goto('about:blank');
      await browser.page.goto(url);
      warmMs.push(await timeToInteractivePanel(browser.page, options.moduleKey));
    }
    return { coldMs, warmMs };
  } finally {
    await browser.close();
    await local.close();
  }
}

function report(label: string, timing: PanelTiming): void {
  const warm = median(timing.warmMs);
  const verdict = warm <= panelTargetMs ? 'within' : 'OVER';
  console.log(`  ${label}: first load ${timing.coldMs.toFixed(0)} ms, warm median ${warm.toFixed(0)} ms over ${timing.warmMs.length} loads (${verdict} the ${panelTargetMs} ms target)`);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? '5');
  await ensureCustomUiBuilt();
  const ui = readUiManifest(join(root, 'manifest.yml'));
  const issuePanels = new Set(ui.modules.filter((module) => module.kind === 'jira:issuePanel').flatMap((module) => Object.values(module.resources)));

  console.log('JavaScript, gzipped:');
  const host = await hostScriptBytes();
  const bridgeBytes = host.frame;
  console.log(`  host page entry (not part of the app): ${kb(host.entry)}`);
  console.log(`  bridge script the host injects into each frame: ${kb(bridgeBytes)}`);
  for (const [resource, folder] of ui.resourceFolders) {
    if (ui.uiKitEntries.has(resource)) {
      console.log(`  ${resource}: UI Kit, bundled from ${folder} (sizes in bench/ui-sizes.ts)`);
      continue;
    }
    const files = javascriptIn(folder);
    if (files.length === 0) {
      console.log(`  ${resource}: not built (${folder})`);
      continue;
    }
    const bytes = files.reduce((sum, file) => sum + gzippedBytes(file), 0);
    const budget = issuePanels.has(resource) ? ` — issue panel budget ${kb(panelBudgetBytes)}: ${bytes + bridgeBytes <= panelBudgetBytes ? 'within' : 'OVER'} (with the bridge script ${kb(bytes + bridgeBytes)})` : '';
    console.log(`  ${resource}: ${kb(bytes)} in ${files.length} file(s)${budget}`);
  }

  console.log(`Navigation to an interactive issue panel (headless Chromium, ${runs} warm loads):`);
  const probe = await buildProbeApp();
  report('host alone (probe app panel)', await timePanel({ ...probe, moduleKey: 'probe-panel', runs }));
  const panel = ui.modules.find((module) => module.kind === 'jira:issuePanel');
  if (panel === undefined) {
    console.log('  app panel: not measured, manifest.yml declares no jira:issuePanel');
    return;
  }
  try {
    report(`app panel "${panel.key}"`, await timePanel({ moduleKey: panel.key, runs }));
  } catch (error) {
    console.log(`  app panel "${panel.key}": not measured — ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exitCode = 1;
  }
}

/** The host page's entry module and the frame script, as the site serves them (built in memory at start). */
async function hostScriptBytes(): Promise<{ entry: number; frame: number }> {
  const assets = await buildWebAssets();
  const size = (path: string) => {
    const file = assets.files.get(path);
    return file === undefined ? 0 : gzipSync(file.contents).length;
  };
  return { entry: size(assets.mainScript), frame: size(assets.frameScript) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
