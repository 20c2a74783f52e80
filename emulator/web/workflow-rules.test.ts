import { openSiteDatabase } from '../db';
import { JiraEmulator } from '../jira/index';
import { UnknownPostFunctionError, WorkflowNotFoundError, WorkflowRules } from './workflow-rules';

function demoSite(): WorkflowRules {
  const db = openSiteDatabase(':memory:', false);
  const jira = new JiraEmulator({ db, now: () => Date.parse('2026-03-01T10:00:00Z'), baseUrl: 'http://localhost:8080', customFields: [], appId: 'ari:cloud:ecosystem::app/test-app' });
  jira.seedDemo();
  return new WorkflowRules(db, ['comment-on-transition']);
}

function firstTransition(rules: WorkflowRules) {
  const workflow = rules.list()[0];
  const transition = workflow?.transitions[0];
  if (workflow === undefined || transition === undefined) throw new Error('the demo site has no workflow');
  return { workflow, transition };
}

describe('WorkflowRules', () => {
  it('lists each transition with the names of the statuses it connects', () => {
    const rules = demoSite();
    const { transition } = firstTransition(rules);
    expect(transition.to).not.toMatch(/^\d+$/);
    expect(transition.from.every((name) => !/^\d+$/.test(name))).toBe(true);
  });

  it('stores the post-functions of one transition and leaves the others as they were', () => {
    const rules = demoSite();
    const { workflow, transition } = firstTransition(rules);
    const others = workflow.transitions.filter((item) => item.id !== transition.id);
    const updated = rules.setPostFunctions(workflow.id, transition.id, [{ moduleKey: 'comment-on-transition', configuration: '{"text":"hi"}' }]);
    expect(updated.transitions.find((item) => item.id === transition.id)?.postFunctions).toEqual([{ moduleKey: 'comment-on-transition', configuration: '{"text":"hi"}' }]);
    expect(updated.transitions.filter((item) => item.id !== transition.id)).toEqual(others);
  });

  it('refuses a post-function the app does not declare', () => {
    const rules = demoSite();
    const { workflow, transition } = firstTransition(rules);
    expect(() => rules.setPostFunctions(workflow.id, transition.id, [{ moduleKey: 'unknown', configuration: '{}' }])).toThrow(UnknownPostFunctionError);
  });

  it('names a workflow or transition that does not exist', () => {
    const rules = demoSite();
    expect(() => rules.setPostFunctions('nope', '1', [])).toThrow(new WorkflowNotFoundError('No workflow nope'));
    const { workflow } = firstTransition(rules);
    expect(() => rules.setPostFunctions(workflow.id, 'nope', [])).toThrow(WorkflowNotFoundError);
  });
});
