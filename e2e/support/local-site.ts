/** Starts the local site in-process for one test file: a fresh database in a temporary folder, the web UI mounted. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../../emulator/site';
import { mountWebUi } from '../../emulator/web/index';

export interface LocalSite {
  site: Site;
  baseUrl: string;
  /** Every line the site logged, for assertions and for failure reports. */
  log: string[];
  close(): Promise<void>;
}

export async function startLocalSite(options: { manifestPath?: string; srcDir?: string } = {}): Promise<LocalSite> {
  const folder = mkdtempSync(join(tmpdir(), 'local-site-e2e-'));
  const log: string[] = [];
  const site = await createSite({
    dbPath: join(folder, 'site.db'),
    port: 0,
    fresh: true,
    log: (line) => log.push(line),
    ...(options.manifestPath === undefined ? {} : { manifestPath: options.manifestPath }),
    ...(options.srcDir === undefined ? {} : { srcDir: options.srcDir }),
  });
  await mountWebUi(site, { log: (line) => log.push(line) }).ready;
  return {
    site,
    baseUrl: site.baseUrl,
    log,
    close: async () => {
      await site.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
