import type { CockpitView } from '../../contracts/cockpit';
import { cockpitView } from './cockpit-view';
import { loadIncidentContext } from './incident-context';
import type { CockpitCaller, CockpitDeps } from './ports';

/**
 * Everything the panel shows, from one round of parallel calls: the issue (with its transitions),
 * the caller's permissions, configuration, the cockpit's state and the paging episodes.
 *
 * @throws NotFoundError when the issue does not exist or the caller may not see it.
 */
export async function loadCockpit(deps: CockpitDeps, caller: CockpitCaller): Promise<CockpitView> {
  return cockpitView(await loadIncidentContext(deps, caller));
}
