/**
 * The "Incidents in progress" gadget in UI Kit (`render: native`): Jira draws it with its own
 * Design System, so the app ships no component library. One entry for both views: the list, and the
 * edit view Jira opens with `entryPoint: 'edit'`.
 */
import ForgeReconciler from '@forge/react';
import { GadgetApp } from './gadget-app';

ForgeReconciler.render(<GadgetApp />);
