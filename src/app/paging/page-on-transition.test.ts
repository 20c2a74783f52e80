import { ValidationError } from '../../domain/errors';
import { parseConfiguration } from '../configuration';
import { pageOnTransition, parsePostFunctionConfiguration, postFunctionOptions } from './page-on-transition';
import { configurationDocument, PEOPLE, provisionedWorld } from '../testing/fixtures';

describe('the Page on-call post-function', () => {
  it('pages the IMOC on an "Escalate to IMOC" transition', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 2, service: 'Bitbucket' });

    const outcome = await pageOnTransition(world.paging, {
      issue: world.event(issue),
      configuration: JSON.stringify({ target: { kind: 'imoc' } }),
      executionId: 'exec-1',
      transitionName: 'Escalate to IMOC',
    });

    expect(outcome.kind).toBe('paged');
    expect(world.pager.recipients()).toEqual([PEOPLE.imoc]);
    expect(world.pager.sent[0]?.message.reason).toBe('Workflow transition "Escalate to IMOC"');
  });

  it('pages the faulty service’s roster on reopening, only for the severities configured', async () => {
    const world = await provisionedWorld();
    const configuration = { target: { kind: 'faulty-service' }, severities: [1, 2] };
    const sev1 = world.incident({ severity: 1, service: 'Confluence' });
    const sev3 = world.incident({ severity: 3, service: 'Confluence' });

    await pageOnTransition(world.paging, { issue: world.event(sev1), configuration, executionId: 'a', transitionName: 'Reopen' });
    const skipped = await pageOnTransition(world.paging, { issue: world.event(sev3), configuration, executionId: 'b', transitionName: 'Reopen' });

    expect(world.pager.recipients()).toEqual([PEOPLE.confluenceIm]);
    expect(skipped.kind).toBe('not-paged');
  });

  it('reads the issue from Jira alongside the configuration, since the payload carries no custom fields', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });

    await pageOnTransition(world.paging, {
      issue: world.event(issue),
      configuration: { target: { kind: 'roster', rosterId: 'database' } },
      executionId: 'c',
    });

    expect(world.pager.recipients()).toEqual([PEOPLE.databaseOnCall]);
    expect(world.log.depthOf(`jira GET /issue/${issue.id}`)).toBe(1);
    expect(world.log.depthOf('page.send')).toBe(3);
  });

  it('pages once per run of the transition, however often it is delivered', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    const invocation = { issue: world.event(issue), configuration: { target: { kind: 'imoc' } }, executionId: 'same' };
    await pageOnTransition(world.paging, invocation);
    await pageOnTransition(world.paging, invocation);
    await pageOnTransition(world.paging, { ...invocation, executionId: 'next-run' });
    expect(world.pager.recipients()).toEqual([PEOPLE.imoc, PEOPLE.imoc]);
  });

  it('refuses a configuration it cannot read, naming the field', () => {
    expect(() => parsePostFunctionConfiguration('{"target":{"kind":"team"}}')).toThrow(ValidationError);
    expect(() => parsePostFunctionConfiguration({ target: { kind: 'imoc' }, severities: [1, 1] })).toThrow('configuration.severities: must not list a severity twice');
    const config = parseConfiguration(configurationDocument());
    expect(() => parsePostFunctionConfiguration({ target: { kind: 'roster', rosterId: 'ghost' } }, config)).toThrow(
      'configuration.target.rosterId: roster "ghost" does not exist',
    );
    expect(parsePostFunctionConfiguration('{"target":{"kind":"faulty-service"},"severities":[2,1]}')).toEqual({ target: { kind: 'faulty-service' }, severities: [1, 2] });
  });

  it('offers the rosters, the IMOC and the severities to its configuration view', () => {
    const options = postFunctionOptions(parseConfiguration(configurationDocument()));
    expect(options.imocRosterId).toBe('imoc');
    expect(options.rosters.map((roster) => roster.id)).toEqual(['bitbucket', 'confluence', 'database', 'imoc']);
    expect(options.severities).toEqual([
      { level: 1, label: 'Sev 1' },
      { level: 2, label: 'Sev 2' },
      { level: 3, label: 'Sev 3' },
    ]);
  });
});
