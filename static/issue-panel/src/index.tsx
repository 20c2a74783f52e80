/** The incident cockpit, the `incident-cockpit` issue panel: the host's design tokens (light or dark), the panel's styles, then the app. */
import { view } from '@forge/bridge';
import { mount } from '../../shared-ui/mount';
import { CockpitApp } from './cockpit-app';
import './cockpit.css';
import { setViewerTimeZone } from './format';

// Times are written in the viewer's time zone, as Jira writes them around the panel; a host that
// cannot say leaves the browser's zone.
void view
  .getContext()
  .then((context: { timezone?: string }) => setViewerTimeZone(context.timezone))
  .catch(() => undefined)
  .finally(() => mount(<CockpitApp />));
