/** Makes sure the app's Custom UI surfaces are built before a test opens them (npm test builds them first anyway). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSurface, surfaces } from '../../scripts/build-ui';

export async function ensureCustomUiBuilt(): Promise<void> {
  const root = resolve(__dirname, '..', '..', 'static');
  const missing = surfaces().filter((surface) => !existsSync(join(root, surface, 'build', 'index.html')));
  for (const surface of missing) await buildSurface(surface);
}
