/**
 * The events the site raises after a change is committed: Forge product events (`avi:jira:*`) in
 * the payload shapes Forge documents, workflow post-function invocations, and notification emails.
 */
import { randomUUID } from 'node:crypto';
import type { JiraServices } from './context';
import { formatJiraTime } from './jira-time';
import type { IssueRenderer } from './issues/issue-renderer';
import type { CommentRecord, IssueRecord, PostFunction, Workflow, WorkflowTransition } from './store/model';
import type { Actor, ChangeItem, EventUser, JiraEventListener, JiraSiteEvent } from './types';

export class EventBus {
  private readonly listeners = new Set<JiraEventListener>();

  subscribe(listener: JiraEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Delivers events in order; a failing listener does not keep the others from hearing them. */
  publish(events: JiraSiteEvent[], actor: Actor): void {
    const failures: unknown[] = [];
    for (const event of events) {
      for (const listener of [...this.listeners]) {
        try {
          listener(event, { actor });
        } catch (error) {
          failures.push(error);
        }
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} Jira event listener(s) failed`);
  }
}

export class EventFactory {
  constructor(
    private readonly services: JiraServices,
    private readonly renderer: IssueRenderer,
  ) {}

  created(issue: IssueRecord, atlassianId: string): JiraSiteEvent {
    return {
      kind: 'product-event',
      event: { eventType: 'avi:jira:created:issue', issue: this.renderer.eventIssue(issue), atlassianId, associatedUsers: [{ accountId: atlassianId }], timestamp: this.services.now() },
    };
  }

  updated(issue: IssueRecord, atlassianId: string, changelogId: string, items: ChangeItem[]): JiraSiteEvent {
    const statusItem = items.find((item) => item.fieldId === 'status');
    const statuses = statusItem
      ? [statusItem.from, statusItem.to].flatMap((id) => {
          const status = id === null ? undefined : this.services.store.projects.status(id);
          return status ? [{ id: status.id, name: status.name }] : [];
        })
      : undefined;
    return {
      kind: 'product-event',
      event: {
        eventType: 'avi:jira:updated:issue',
        issue: this.renderer.eventIssue(issue),
        atlassianId,
        associatedUsers: this.associatedUsers(issue),
        ...(statuses ? { associatedStatuses: statuses } : {}),
        changelog: { id: changelogId, items },
        timestamp: this.services.now(),
      },
    };
  }

  assigned(issue: IssueRecord, atlassianId: string, changelogId: string, items: ChangeItem[]): JiraSiteEvent {
    const assignee = issue.fields['assignee'];
    return {
      kind: 'product-event',
      event: {
        eventType: 'avi:jira:assigned:issue',
        issue: this.renderer.eventIssue(issue),
        atlassianId,
        associatedUsers: typeof assignee === 'string' ? [{ accountId: assignee }] : [],
        changelog: { id: changelogId, items: items.filter((item) => item.fieldId === 'assignee') },
        timestamp: this.services.now(),
      },
    };
  }

  commented(issue: IssueRecord, comment: CommentRecord, atlassianId: string): JiraSiteEvent {
    return {
      kind: 'product-event',
      event: {
        eventType: 'avi:jira:commented:issue',
        issue: this.renderer.eventIssue(issue),
        atlassianId,
        comment: {
          id: comment.id,
          author: { accountId: comment.author },
          updateAuthor: { accountId: comment.updateAuthor },
          body: comment.body,
          created: formatJiraTime(comment.created),
          updated: formatJiraTime(comment.updated),
          jsdPublic: true,
        },
        timestamp: this.services.now(),
      },
    };
  }

  deleted(issue: IssueRecord, atlassianId: string): JiraSiteEvent {
    return { kind: 'product-event', event: { eventType: 'avi:jira:deleted:issue', issue: this.renderer.eventIssue(issue), atlassianId, timestamp: this.services.now() } };
  }

  postFunction(issue: IssueRecord, workflow: Workflow, transition: WorkflowTransition, fromStatusId: string, items: ChangeItem[], postFunction: PostFunction): JiraSiteEvent {
    return {
      kind: 'post-function',
      moduleKey: postFunction.moduleKey,
      payload: {
        issue: this.renderer.eventIssue(issue),
        transition: {
          from: { id: fromStatusId },
          to: { id: transition.to },
          transitionId: Number(transition.id),
          transitionName: transition.name,
          workflowId: workflow.id,
          workflowName: workflow.name,
          executionId: randomUUID(),
        },
        workflow: { workflowId: workflow.id, workflowName: workflow.name },
        changelog: items,
        configuration: parseConfiguration(postFunction.configuration),
        context: { moduleKey: postFunction.moduleKey },
      },
    };
  }

  private associatedUsers(issue: IssueRecord): EventUser[] {
    const ids = [issue.fields['assignee'], issue.fields['reporter']].filter((id): id is string => typeof id === 'string');
    return [...new Set(ids)].map((accountId) => ({ accountId }));
  }
}

function parseConfiguration(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
