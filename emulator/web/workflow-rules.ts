/**
 * The workflows' transitions and the app post-functions configured on them, for the workflow
 * settings page. Reads and writes go through the Jira emulator's own workflow repository, so a
 * post-function configured here is the one Jira runs (with this configuration) on the transition.
 */
import type { SiteDatabase } from '../db';
import { ProjectsRepo } from '../jira/store/projects-repo';
import { z } from 'zod';

export const postFunctionRules = z.object({
  postFunctions: z.array(z.object({ moduleKey: z.string().min(1), configuration: z.string().max(100 * 1024, 'Jira keeps at most 100 kB of post-function configuration') })),
});

export interface TransitionView {
  id: string;
  name: string;
  /** Status names the transition leaves from; empty for a global transition. */
  from: string[];
  to: string;
  postFunctions: { moduleKey: string; configuration: string }[];
}

export interface WorkflowView {
  id: string;
  name: string;
  description: string;
  transitions: TransitionView[];
}

export class WorkflowNotFoundError extends Error {
  override readonly name = 'WorkflowNotFoundError';
}

export class UnknownPostFunctionError extends Error {
  override readonly name = 'UnknownPostFunctionError';
}

export class WorkflowRules {
  private readonly repo: ProjectsRepo;

  constructor(
    db: SiteDatabase,
    private readonly postFunctionKeys: readonly string[],
  ) {
    this.repo = new ProjectsRepo(db);
  }

  list(): WorkflowView[] {
    const statusNames = new Map(this.repo.statuses().map((status) => [status.id, status.name]));
    const name = (id: string) => statusNames.get(id) ?? id;
    return this.repo.workflows().map((workflow) => ({
      id: workflow.id,
      name: workflow.name,
      description: workflow.description,
      transitions: workflow.transitions.map((transition) => ({
        id: transition.id,
        name: transition.name,
        from: transition.from.map(name),
        to: name(transition.to),
        postFunctions: transition.postFunctions,
      })),
    }));
  }

  /** Replaces the post-functions of one transition; each must be a post-function module of the app. */
  setPostFunctions(workflowId: string, transitionId: string, rules: z.infer<typeof postFunctionRules>['postFunctions']): WorkflowView {
    const workflow = this.repo.workflow(workflowId);
    if (workflow === undefined) throw new WorkflowNotFoundError(`No workflow ${workflowId}`);
    const target = workflow.transitions.find((transition) => transition.id === transitionId);
    if (target === undefined) throw new WorkflowNotFoundError(`Workflow ${workflow.name} has no transition ${transitionId}`);
    // Rules already on the transition may stay even if the manifest dropped their module; new ones must exist.
    const kept = new Set(target.postFunctions.map((rule) => rule.moduleKey));
    for (const rule of rules) {
      if (!this.postFunctionKeys.includes(rule.moduleKey) && !kept.has(rule.moduleKey)) throw new UnknownPostFunctionError(`The app has no jira:workflowPostFunction "${rule.moduleKey}"`);
    }
    this.repo.upsertWorkflow({
      ...workflow,
      transitions: workflow.transitions.map((transition) => (transition.id === transitionId ? { ...transition, postFunctions: rules } : transition)),
    });
    const updated = this.list().find((candidate) => candidate.id === workflowId);
    if (updated === undefined) throw new WorkflowNotFoundError(`No workflow ${workflowId}`);
    return updated;
  }
}
