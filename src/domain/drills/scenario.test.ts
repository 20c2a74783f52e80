import { HANDBOOK_SCENARIO } from './handbook-scenario';
import { InvalidScenario, injectsDue, parseScenario, scenarioProblems } from './scenario';

const minimal = { schemaVersion: 1, id: 'db-failover', title: 'Database failover', start: { summary: 'Writes fail', service: 'Jira Cloud', severity: 2 } };

describe('a drill scenario document', () => {
  it('takes a minimal scenario and fills in no injects, no products and no targets', () => {
    const scenario = parseScenario(minimal);
    expect(scenario.injects).toEqual([]);
    expect(scenario.start.affectedProducts).toEqual([]);
    expect(scenario.targets).toEqual({});
  });

  it('keeps the handbook example valid, its injects in time order', () => {
    expect(scenarioProblems(HANDBOOK_SCENARIO)).toEqual([]);
    const minutes = HANDBOOK_SCENARIO.injects.map((inject) => inject.atMinute);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(HANDBOOK_SCENARIO.injects.some((inject) => inject.kind === 'experiment-outcome' && inject.worked)).toBe(true);
  });

  it('names the offending field of every problem, so an admin fixes an import in one go', () => {
    const problems = scenarioProblems({
      ...minimal,
      schemaVersion: 2,
      start: { summary: 'Writes fail', service: 'Jira Cloud', severity: 4 },
      injects: [{ kind: 'observation', atMinute: 5, text: 'x' }, { kind: 'page-everyone', atMinute: 6 }, { kind: 'observation', atMinute: -1, text: 'y' }],
      targets: { resolveMinutes: 0, pizza: true },
    });
    const fields = problems.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['schemaVersion', 'start.severity', 'injects[1].kind', 'injects[2].atMinute', 'targets.resolveMinutes', 'targets.pizza']));
    expect(problems.find((problem) => problem.field === 'targets.pizza')?.reason).toBe('is not a known field');
    expect(problems.find((problem) => problem.field === 'schemaVersion')?.reason).toBe('must be 1');
  });

  it('says a missing field is required', () => {
    expect(scenarioProblems({ ...minimal, title: undefined })).toEqual([{ field: 'title', reason: 'is required' }]);
  });

  it('refuses injects out of time order, naming the later one', () => {
    const problems = scenarioProblems({ ...minimal, injects: [{ kind: 'severity', atMinute: 10, severity: 1 }, { kind: 'service', atMinute: 5, service: 'Bitbucket' }] });
    expect(problems).toEqual([{ field: 'injects[1].atMinute', reason: 'must not be before the inject above it (minute 10)' }]);
  });

  it('throws one error that names the first field and counts the rest', () => {
    let thrown: unknown;
    try {
      parseScenario({ ...minimal, id: 'Not A Slug', title: '' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidScenario);
    expect((thrown as InvalidScenario).problems.map((problem) => problem.field)).toEqual(['id', 'title']);
    expect((thrown as InvalidScenario).message).toBe('id: must be lowercase letters, digits and dashes, at most 63 characters (and 1 more)');
  });

  it('lists the injects that fall due as the drill clock moves on, each once', () => {
    const due = (from: number, to: number) => injectsDue(HANDBOOK_SCENARIO, from, to).map((item) => item.inject.kind);
    expect(due(-1, 0)).toEqual([]);
    expect(due(0, 5)).toEqual(['alert', 'support-case']);
    expect(due(5, 8)).toEqual(['support-case', 'change']);
    expect([...due(-1, 15), ...due(15, 60)]).toEqual(HANDBOOK_SCENARIO.injects.map((inject) => inject.kind));
  });
});
