/**
 * The demo organisation a fresh local site starts with: people (each signs in as `<email>:local`),
 * groups, the HOT incident project with its incident workflow, the SUP customer support project,
 * and the CHG project whose issues record each service's deployments and other changes. App configuration is the app's own business.
 */
import { defaultPriorityId } from './jira-defaults';
import type { RoleActor, RoleName, Workflow } from './store/model';
import type { JiraStore } from './store/jira-store';
import { accountIdFor } from './store/stable-ids';

interface DemoPerson {
  email: string;
  displayName: string;
  groups: string[];
  siteAdmin?: boolean;
}

export const demoPeople: DemoPerson[] = [
  { email: 'admin@example.com', displayName: 'Alex Admin', groups: ['site-admins'], siteAdmin: true },
  { email: 'bea.bitbucket@example.com', displayName: 'Bea Bitbucket', groups: ['incident-managers'] },
  { email: 'ben.bitbucket@example.com', displayName: 'Ben Bitbucket', groups: ['incident-managers'] },
  { email: 'jay.jira@example.com', displayName: 'Jay Jira', groups: ['incident-managers'] },
  { email: 'jo.jira@example.com', displayName: 'Jo Jira', groups: ['incident-managers'] },
  { email: 'cal.confluence@example.com', displayName: 'Cal Confluence', groups: ['incident-managers'] },
  { email: 'cleo.confluence@example.com', displayName: 'Cleo Confluence', groups: ['incident-managers'] },
  { email: 'imogen.imoc@example.com', displayName: 'Imogen Imoc', groups: ['imoc'] },
  { email: 'ivan.imoc@example.com', displayName: 'Ivan Imoc', groups: ['imoc'] },
  { email: 'tara.techlead@example.com', displayName: 'Tara Techlead', groups: ['tech-leads'] },
  { email: 'theo.techlead@example.com', displayName: 'Theo Techlead', groups: ['tech-leads'] },
  { email: 'cora.comms@example.com', displayName: 'Cora Comms', groups: ['comms'] },
  { email: 'sam.support@example.com', displayName: 'Sam Support', groups: ['support'] },
  { email: 'vera.viewer@example.com', displayName: 'Vera Viewer', groups: [] },
];

/** Everyone who responds to incidents: the Members of HOT. */
const responderEmails = demoPeople.map((person) => person.email).filter((email) => !['admin@example.com', 'sam.support@example.com', 'vera.viewer@example.com'].includes(email));

export const demoStatusIds = {
  new: '10000',
  fixing: '10001',
  resolved: '10002',
  closed: '10003',
  cancelled: '10004',
  toDo: '10005',
  inProgress: '10006',
  done: '10007',
  open: '10008',
} as const;

export const demoIssueTypeIds = { incident: '10000', task: '10001', supportCase: '10002', deployment: '10003', configurationChange: '10004', featureFlag: '10005', postmortem: '10006' } as const;
export const demoProjectIds = { incidents: '10000', support: '10001', changes: '10002', postmortems: '10003' } as const;

const resolutionDone = '10000';
const resolutionWontDo = '10001';

const incidentWorkflow: Workflow = {
  id: '10000',
  name: 'Incident workflow',
  description: 'From detection to resolution: New, Fixing, Resolved, Closed, or Cancelled for a false alarm.',
  initialStatusId: demoStatusIds.new,
  statusIds: [demoStatusIds.new, demoStatusIds.fixing, demoStatusIds.resolved, demoStatusIds.closed, demoStatusIds.cancelled],
  transitions: [
    { id: '11', name: 'Start fixing', from: [demoStatusIds.new], to: demoStatusIds.fixing, screen: true, resolution: 'keep', postFunctions: [] },
    { id: '21', name: 'Resolve', from: [demoStatusIds.fixing], to: demoStatusIds.resolved, screen: true, resolution: { set: resolutionDone }, postFunctions: [] },
    {
      id: '31',
      name: 'Close',
      from: [demoStatusIds.resolved],
      to: demoStatusIds.closed,
      screen: true,
      resolution: 'keep',
      postFunctions: [],
      // The app's validator: no closing before the postmortem exists.
      validators: [{ moduleKey: 'postmortem-required', configuration: '{}' }],
    },
    {
      id: '41',
      name: 'Reopen',
      from: [demoStatusIds.resolved],
      to: demoStatusIds.fixing,
      screen: true,
      resolution: 'clear',
      postFunctions: [{ moduleKey: 'page-on-call', configuration: JSON.stringify({ target: { kind: 'faulty-service' }, severities: [1, 2] }) }],
    },
    { id: '51', name: 'Cancel (false alarm)', from: [demoStatusIds.new, demoStatusIds.fixing], to: demoStatusIds.cancelled, screen: true, resolution: { set: resolutionWontDo }, postFunctions: [] },
    {
      id: '61',
      name: 'Escalate to IMOC',
      from: [demoStatusIds.fixing],
      to: demoStatusIds.fixing,
      screen: true,
      resolution: 'keep',
      postFunctions: [{ moduleKey: 'page-on-call', configuration: JSON.stringify({ target: { kind: 'imoc' } }) }],
    },
  ],
};

const taskWorkflow: Workflow = {
  id: '10001',
  name: 'Task workflow',
  description: 'To Do, In Progress, Done.',
  initialStatusId: demoStatusIds.toDo,
  statusIds: [demoStatusIds.toDo, demoStatusIds.inProgress, demoStatusIds.done],
  transitions: [
    { id: '11', name: 'Start progress', from: [demoStatusIds.toDo], to: demoStatusIds.inProgress, screen: false, resolution: 'keep', postFunctions: [] },
    { id: '21', name: 'Done', from: [demoStatusIds.toDo, demoStatusIds.inProgress], to: demoStatusIds.done, screen: true, resolution: { set: resolutionDone }, postFunctions: [] },
    { id: '31', name: 'Reopen', from: [demoStatusIds.done], to: demoStatusIds.toDo, screen: false, resolution: 'clear', postFunctions: [] },
  ],
};

const supportWorkflow: Workflow = {
  id: '10002',
  name: 'Support case workflow',
  description: 'Open until the customer is answered, then Done.',
  initialStatusId: demoStatusIds.open,
  statusIds: [demoStatusIds.open, demoStatusIds.done],
  transitions: [
    { id: '11', name: 'Done', from: [demoStatusIds.open], to: demoStatusIds.done, screen: true, resolution: { set: resolutionDone }, postFunctions: [] },
    { id: '21', name: 'Reopen', from: [demoStatusIds.done], to: demoStatusIds.open, screen: false, resolution: 'clear', postFunctions: [] },
  ],
};

const hour = 3_600_000;

/** Creates the demo organisation; does nothing when people already exist. */
export function seedDemo(store: JiraStore, now: number): void {
  if (store.users.all().some((user) => user.accountType === 'atlassian')) return;
  store.transaction(() => {
    const groupIds = new Map<string, string>();
    for (const name of ['site-admins', 'jira-users', 'incident-managers', 'imoc', 'tech-leads', 'comms', 'support']) groupIds.set(name, store.users.ensureGroup(name).groupId);
    for (const person of demoPeople) {
      const accountId = accountIdFor(person.email);
      store.users.upsert({
        accountId,
        emailAddress: person.email,
        displayName: person.displayName,
        accountType: 'atlassian',
        active: true,
        timeZone: 'Etc/UTC',
        locale: 'en_US',
        siteAdmin: person.siteAdmin ?? false,
      });
      for (const group of [...person.groups, 'jira-users']) store.users.addMember(groupIds.get(group) ?? '', accountId);
    }

    const statuses = [
      { id: demoStatusIds.new, name: 'New', category: 'new', description: 'The incident has been raised and nobody is fixing it yet.' },
      { id: demoStatusIds.fixing, name: 'Fixing', category: 'indeterminate', description: 'Responders are working to restore service.' },
      { id: demoStatusIds.resolved, name: 'Resolved', category: 'done', description: 'Service is restored; the review is pending.' },
      { id: demoStatusIds.closed, name: 'Closed', category: 'done', description: 'The incident is resolved and reviewed.' },
      { id: demoStatusIds.cancelled, name: 'Cancelled', category: 'done', description: 'The incident was a false alarm.' },
      { id: demoStatusIds.toDo, name: 'To Do', category: 'new', description: 'Work has not started.' },
      { id: demoStatusIds.inProgress, name: 'In Progress', category: 'indeterminate', description: 'Work is under way.' },
      { id: demoStatusIds.done, name: 'Done', category: 'done', description: 'Work is finished.' },
      { id: demoStatusIds.open, name: 'Open', category: 'new', description: 'Waiting for an answer.' },
    ] as const;
    for (const status of statuses) store.projects.upsertStatus(status);
    for (const workflow of [incidentWorkflow, taskWorkflow, supportWorkflow]) store.projects.upsertWorkflow(workflow);

    store.projects.upsertIssueType({ id: demoIssueTypeIds.incident, name: 'Incident', description: 'Something is broken for customers and needs a coordinated response.', icon: 'incident', subtask: false });
    store.projects.upsertIssueType({ id: demoIssueTypeIds.task, name: 'Task', description: 'A piece of work, such as cleaning up after an incident.', icon: 'task', subtask: false });
    store.projects.upsertIssueType({ id: demoIssueTypeIds.supportCase, name: 'Support case', description: 'A customer asking about a problem.', icon: 'support', subtask: false });

    const admin = accountIdFor('admin@example.com');
    store.projects.insertProject({
      id: demoProjectIds.incidents,
      key: 'HOT',
      name: 'Incidents',
      description: 'One issue per incident, from detection to review.',
      leadAccountId: accountIdFor('imogen.imoc@example.com'),
      projectTypeKey: 'software',
    });
    store.projects.attachIssueType({ projectId: demoProjectIds.incidents, issueTypeId: demoIssueTypeIds.incident, workflowId: incidentWorkflow.id, position: 0 });
    store.projects.attachIssueType({ projectId: demoProjectIds.incidents, issueTypeId: demoIssueTypeIds.task, workflowId: taskWorkflow.id, position: 1 });
    grant(store, demoProjectIds.incidents, 'Administrators', [{ type: 'user', id: admin }]);
    grant(store, demoProjectIds.incidents, 'Members', responderEmails.map((email) => ({ type: 'user', id: accountIdFor(email) })));
    grant(store, demoProjectIds.incidents, 'Viewers', ['vera.viewer@example.com', 'sam.support@example.com'].map((email) => ({ type: 'user', id: accountIdFor(email) })));
    // The handbook's Raise step is open to whoever notices an incident: every staff member may create incidents.
    store.screens.addGrant(demoProjectIds.incidents, 'CREATE_ISSUES', { type: 'group', id: groupIds.get('jira-users') ?? '' });

    store.projects.insertProject({
      id: demoProjectIds.support,
      key: 'SUP',
      name: 'Customer support',
      description: 'Customer support cases; cases about an incident carry its key as a label.',
      leadAccountId: accountIdFor('sam.support@example.com'),
      projectTypeKey: 'service_desk',
    });
    store.projects.attachIssueType({ projectId: demoProjectIds.support, issueTypeId: demoIssueTypeIds.supportCase, workflowId: supportWorkflow.id, position: 0 });
    grant(store, demoProjectIds.support, 'Administrators', [{ type: 'user', id: admin }]);
    grant(store, demoProjectIds.support, 'Members', ['sam.support@example.com', 'cora.comms@example.com'].map((email) => ({ type: 'user', id: accountIdFor(email) })));
    grant(
      store,
      demoProjectIds.support,
      'Viewers',
      ['incident-managers', 'imoc', 'tech-leads'].map((name) => ({ type: 'group', id: groupIds.get(name) ?? '' })),
    );

    store.projects.upsertIssueType({ id: demoIssueTypeIds.deployment, name: 'Deployment', description: 'A release of a service to production.', icon: 'task', subtask: false });
    store.projects.upsertIssueType({ id: demoIssueTypeIds.configurationChange, name: 'Configuration change', description: 'A change to a service’s configuration.', icon: 'task', subtask: false });
    store.projects.upsertIssueType({ id: demoIssueTypeIds.featureFlag, name: 'Feature flag', description: 'A feature flag turned on or off.', icon: 'task', subtask: false });
    store.projects.insertProject({
      id: demoProjectIds.changes,
      key: 'CHG',
      name: 'Changes',
      description: 'Deployments, configuration changes and feature flags, each labelled with the service it changed.',
      leadAccountId: accountIdFor('ben.bitbucket@example.com'),
      projectTypeKey: 'software',
    });
    [demoIssueTypeIds.deployment, demoIssueTypeIds.configurationChange, demoIssueTypeIds.featureFlag].forEach((issueTypeId, position) =>
      store.projects.attachIssueType({ projectId: demoProjectIds.changes, issueTypeId, workflowId: taskWorkflow.id, position }),
    );
    grant(store, demoProjectIds.changes, 'Administrators', [{ type: 'user', id: admin }]);
    grant(store, demoProjectIds.changes, 'Members', responderEmails.map((email) => ({ type: 'user', id: accountIdFor(email) })));
    grant(store, demoProjectIds.changes, 'Viewers', ['vera.viewer@example.com', 'sam.support@example.com'].map((email) => ({ type: 'user', id: accountIdFor(email) })));

    // Postmortems, one per reviewed incident, linked to it; every responder writes and reads them.
    store.projects.upsertIssueType({ id: demoIssueTypeIds.postmortem, name: 'Postmortem', description: 'The review of an incident: what happened, why, and what changes.', icon: 'task', subtask: false });
    store.projects.insertProject({
      id: demoProjectIds.postmortems,
      key: 'PM',
      name: 'Postmortems',
      description: 'One postmortem per incident, linked to it, due within days set by severity.',
      leadAccountId: accountIdFor('imogen.imoc@example.com'),
      projectTypeKey: 'software',
    });
    store.projects.attachIssueType({ projectId: demoProjectIds.postmortems, issueTypeId: demoIssueTypeIds.postmortem, workflowId: taskWorkflow.id, position: 0 });
    grant(store, demoProjectIds.postmortems, 'Administrators', [{ type: 'user', id: admin }]);
    grant(store, demoProjectIds.postmortems, 'Members', responderEmails.map((email) => ({ type: 'user', id: accountIdFor(email) })));
    grant(store, demoProjectIds.postmortems, 'Viewers', ['vera.viewer@example.com', 'sam.support@example.com'].map((email) => ({ type: 'user', id: accountIdFor(email) })));

    // Changes made before the site started, so an incident declared in its first hours has a rollback candidate near its start.
    const changes = [
      { label: 'bitbucket', summary: 'Deploy bitbucket-web 8.14.2 (pull request diff cache)', by: 'ben.bitbucket@example.com', at: now - 2 * hour, type: demoIssueTypeIds.deployment },
      { label: 'bitbucket', summary: 'Raise git-lfs upload timeout to 120 s', by: 'bea.bitbucket@example.com', at: now - 26 * hour, type: demoIssueTypeIds.configurationChange },
      { label: 'jira-cloud', summary: 'Deploy jira-issue-service 2026.11.3', by: 'jay.jira@example.com', at: now - 5 * hour, type: demoIssueTypeIds.deployment },
      { label: 'jira-cloud', summary: 'Turn on new-board-rendering for 10% of sites', by: 'jo.jira@example.com', at: now - 50 * hour, type: demoIssueTypeIds.featureFlag },
      { label: 'confluence', summary: 'Deploy confluence-editor 5.2.0', by: 'cal.confluence@example.com', at: now - 1 * hour, type: demoIssueTypeIds.deployment },
      { label: 'confluence', summary: 'Lower page-render cache TTL to 30 s', by: 'cleo.confluence@example.com', at: now - 30 * hour, type: demoIssueTypeIds.configurationChange },
    ] as const;
    for (const change of [...changes].sort((a, b) => a.at - b.at)) {
      const num = store.projects.nextIssueNumber(demoProjectIds.changes);
      const by = accountIdFor(change.by);
      // Opened half an hour before the change was made and resolved (Done) when it was.
      const created = change.at - hour / 2;
      store.issues.insert({
        id: store.issues.nextIssueId(),
        projectId: demoProjectIds.changes,
        num,
        key: `CHG-${num}`,
        fields: {
          issuetype: change.type,
          summary: change.summary,
          status: demoStatusIds.done,
          statuscategorychangedate: change.at,
          priority: defaultPriorityId,
          resolution: resolutionDone,
          resolutiondate: change.at,
          reporter: by,
          creator: by,
          assignee: by,
          labels: [change.label],
        },
        created,
        updated: change.at,
      });
    }
  });
}

function grant(store: JiraStore, projectId: string, role: RoleName, actors: RoleActor[]): void {
  for (const actor of actors) store.projects.addRoleActor(projectId, role, actor);
}
