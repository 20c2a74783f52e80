import { createIncident, createJiraHarness, type Caller, type JiraHarness } from '../jira-test-harness';

const projectPermissions = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'ASSIGN_ISSUES', 'ADD_COMMENTS', 'LINK_ISSUES', 'DELETE_ISSUES'];

let site: JiraHarness;
beforeEach(() => {
  site = createJiraHarness();
});
afterEach(() => site.close());

async function granted(caller: Caller, scope: string): Promise<string[]> {
  const answer = await site.call(caller, 'GET', `/rest/api/3/mypermissions?permissions=${projectPermissions.join(',')}&${scope}`);
  if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
  const permissions = (answer.body as { permissions: Record<string, { havePermission: boolean }> }).permissions;
  return projectPermissions.filter((key) => permissions[key]?.havePermission);
}

describe('GET /mypermissions', () => {
  it('grants members everything they need to respond, but not deleting', async () => {
    expect(await granted('bea.bitbucket@example.com', 'projectKey=HOT')).toEqual(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'ASSIGN_ISSUES', 'ADD_COMMENTS', 'LINK_ISSUES']);
  });

  it('grants viewers browsing and raising only, so the app shows them read-only panels', async () => {
    // Everyone may raise an incident in the demo's Incidents project; changing one takes a role.
    const key = await createIncident(site, 'bea.bitbucket@example.com', 'Pushes fail');
    expect(await granted('vera.viewer@example.com', `issueKey=${key}`)).toEqual(['BROWSE_PROJECTS', 'CREATE_ISSUES']);
    expect(await granted('vera.viewer@example.com', 'projectKey=CHG')).toEqual(['BROWSE_PROJECTS']);
  });

  it('grants administrators and the app every project permission', async () => {
    expect(await granted('admin@example.com', 'projectKey=HOT')).toEqual(projectPermissions);
    expect(await granted('app', 'projectKey=SUP')).toEqual(projectPermissions);
  });

  it('grants roles held through a group', async () => {
    expect(await granted('imogen.imoc@example.com', 'projectKey=SUP')).toEqual(['BROWSE_PROJECTS']);
    expect(await granted('sam.support@example.com', 'projectKey=SUP')).toEqual(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'ASSIGN_ISSUES', 'ADD_COMMENTS', 'LINK_ISSUES']);
  });

  it('answers whether a permission is held in any project when no project is named', async () => {
    expect(await granted('vera.viewer@example.com', 'x=1')).toEqual(['BROWSE_PROJECTS', 'CREATE_ISSUES']);
    expect(await granted('imogen.imoc@example.com', 'x=1')).toContain('EDIT_ISSUES');
  });

  it('answers global permissions', async () => {
    const admin = await site.call('admin@example.com', 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER,USER_PICKER');
    expect(admin.body).toMatchObject({ permissions: { ADMINISTER: { type: 'GLOBAL', havePermission: true }, USER_PICKER: { havePermission: true } } });
    const member = await site.call('bea.bitbucket@example.com', 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
    expect(member.body).toMatchObject({ permissions: { ADMINISTER: { havePermission: false } } });
  });

  it('hides projects and issues the caller cannot see', async () => {
    expect((await site.call('vera.viewer@example.com', 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=SUP')).status).toBe(404);
    expect((await site.call('vera.viewer@example.com', 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=HOT-42')).status).toBe(404);
  });

  it('needs known permission keys', async () => {
    expect((await site.call('bea.bitbucket@example.com', 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
    const unknown = await site.call('bea.bitbucket@example.com', 'GET', '/rest/api/3/mypermissions?permissions=FLY');
    expect(unknown).toMatchObject({ status: 400, body: { errorMessages: [expect.stringContaining('FLY')] } });
  });
});
