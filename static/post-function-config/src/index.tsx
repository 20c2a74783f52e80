/**
 * The "Page on-call" post-function's create, edit and view entry points in UI Kit
 * (`render: native`): Jira draws them with its own Design System.
 */
import ForgeReconciler from '@forge/react';
import { PostFunctionConfigApp } from './post-function-config-app';

ForgeReconciler.render(<PostFunctionConfigApp />);
