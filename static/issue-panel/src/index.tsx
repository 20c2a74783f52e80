/** The incident cockpit, the `incident-cockpit` issue panel: the host's design tokens (light or dark), the panel's styles, then the app. */
import { mount } from '../../shared-ui/mount';
import { CockpitApp } from './cockpit-app';
import './cockpit.css';

mount(<CockpitApp />);
