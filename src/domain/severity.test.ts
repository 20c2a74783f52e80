import { ValidationError } from './errors';
import {
  DEFAULT_SEVERITY_SCALE,
  SEVERITY_FIELD_HELP_TEXT,
  labelOf,
  parseSeverityLevel,
  parseSeverityScale,
  severityDefinitions,
  severityFromLabel,
  severityHelpText,
  severityScaleConfig,
  shouldPage,
} from './severity';
import { thrownBy } from './testing/thrown-by';

const customConfig = {
  levels: [
    { level: 1, label: 'SEV-A', description: 'Everything is on fire', examples: ['All sites down'] },
    { level: 2, label: 'SEV-B', description: 'Some things are on fire' },
    { level: 3, label: 'SEV-C', description: 'Smoke' },
  ],
};

describe('the default severity scale', () => {
  it('uses the labels Sev 1, Sev 2 and Sev 3, most severe first', () => {
    expect(severityDefinitions(DEFAULT_SEVERITY_SCALE).map((d) => d.label)).toEqual(['Sev 1', 'Sev 2', 'Sev 3']);
  });

  it("carries the handbook's descriptions and examples", () => {
    const { levels } = DEFAULT_SEVERITY_SCALE;
    expect(levels[1].description).toBe('A critical incident with very high impact');
    expect(levels[1].examples).toEqual([
      'A customer-facing service is down for all customers',
      'Confidentiality or privacy is breached',
      'Customer data loss',
    ]);
    expect(levels[2].examples).toContain('Core functionality (e.g. git push, issue create) is significantly impacted');
    expect(levels[3].examples).toEqual(['A minor inconvenience to customers, workaround available', 'Usable performance degradation']);
  });

  it('pages immediately for Sev 1 and 2 and sends Sev 3 to the owning team in business hours', () => {
    expect(DEFAULT_SEVERITY_SCALE.levels[1].policy).toEqual({ pages: true, routing: 'page-immediately' });
    expect(shouldPage(DEFAULT_SEVERITY_SCALE, 2)).toBe(true);
    expect(DEFAULT_SEVERITY_SCALE.levels[3].policy).toEqual({ pages: false, routing: 'owning-team-business-hours' });
    expect(shouldPage(DEFAULT_SEVERITY_SCALE, 3)).toBe(false);
  });

  it("gives the Severity field the handbook's help text", () => {
    expect(SEVERITY_FIELD_HELP_TEXT).toBe(
      'Choosing Sev 2 or 1 means you believe this must be resolved right now - people will be paged.',
    );
  });
});

describe('labels', () => {
  it('finds a level from its label regardless of case and spacing', () => {
    expect(severityFromLabel(DEFAULT_SEVERITY_SCALE, 'Sev 1')).toBe(1);
    expect(severityFromLabel(DEFAULT_SEVERITY_SCALE, '  sev   2 ')).toBe(2);
    expect(labelOf(DEFAULT_SEVERITY_SCALE, 3)).toBe('Sev 3');
  });

  it('refuses a label that is not on the scale and lists the ones that are', () => {
    const error = thrownBy(() => severityFromLabel(DEFAULT_SEVERITY_SCALE, 'Sev 4', 'fields.severity'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'fields.severity', reason: '"Sev 4" is not on the severity scale (Sev 1, Sev 2, Sev 3)' });
  });

  it('parses a level and refuses anything but 1, 2 or 3', () => {
    expect(parseSeverityLevel(2)).toBe(2);
    expect(thrownBy(() => parseSeverityLevel(4))).toMatchObject({ field: 'severity', reason: 'must be 1, 2 or 3' });
    expect(thrownBy(() => parseSeverityLevel('1'))).toMatchObject({ field: 'severity', reason: 'must be 1, 2 or 3' });
  });
});

describe('a configured severity scale', () => {
  it('takes its labels, descriptions and examples from configuration and keeps the paging policy per level', () => {
    const scale = parseSeverityScale(customConfig);
    expect(labelOf(scale, 1)).toBe('SEV-A');
    expect(scale.levels[1].examples).toEqual(['All sites down']);
    expect(scale.levels[2].examples).toEqual([]);
    expect(severityFromLabel(scale, 'sev-b')).toBe(2);
    expect(shouldPage(scale, 2)).toBe(true);
    expect(shouldPage(scale, 3)).toBe(false);
  });

  it('names the configured paging labels in the help text', () => {
    expect(severityHelpText(parseSeverityScale(customConfig))).toBe(
      'Choosing SEV-B or SEV-A means you believe this must be resolved right now - people will be paged.',
    );
    const numbered = parseSeverityScale({
      levels: [
        { level: 1, label: 'P1', description: 'a' },
        { level: 2, label: 'P2', description: 'b' },
        { level: 3, label: 'P3', description: 'c' },
      ],
    });
    expect(severityHelpText(numbered)).toBe('Choosing P2 or 1 means you believe this must be resolved right now - people will be paged.');
  });

  it('round-trips through its stored form', () => {
    const scale = parseSeverityScale(customConfig);
    expect(parseSeverityScale(severityScaleConfig(scale))).toEqual(scale);
    expect(parseSeverityScale(severityScaleConfig(DEFAULT_SEVERITY_SCALE))).toEqual(DEFAULT_SEVERITY_SCALE);
  });

  it('refuses a scale that does not define three levels', () => {
    expect(thrownBy(() => parseSeverityScale({ levels: customConfig.levels.slice(0, 2) }))).toMatchObject({
      field: 'severityScale.levels',
      reason: 'must define levels 1, 2 and 3',
    });
  });

  it('refuses a level defined twice', () => {
    const levels = [customConfig.levels[0], customConfig.levels[1], { level: 1, label: 'SEV-Z', description: 'again' }];
    expect(thrownBy(() => parseSeverityScale({ levels }))).toMatchObject({
      field: 'severityScale.levels[2].level',
      reason: 'defines level 1 twice',
    });
  });

  it('refuses two levels with the same label, ignoring case', () => {
    const levels = [customConfig.levels[0], customConfig.levels[1], { level: 3, label: 'sev-a', description: 'x' }];
    expect(thrownBy(() => parseSeverityScale({ levels }))).toMatchObject({
      field: 'severityScale.levels[2].label',
      reason: '"sev-a" is used by another level',
    });
  });

  it('refuses an empty label, a missing description and unknown fields, naming each', () => {
    const withLevel = (index: number, value: object): object => ({
      levels: customConfig.levels.map((level, i) => (i === index ? { ...level, ...value } : level)),
    });
    expect(thrownBy(() => parseSeverityScale(withLevel(0, { label: '  ' })))).toMatchObject({
      field: 'severityScale.levels[0].label',
      reason: 'must not be empty',
    });
    expect(thrownBy(() => parseSeverityScale({ levels: [{ level: 1, label: 'A' }, ...customConfig.levels.slice(1)] }))).toMatchObject({
      field: 'severityScale.levels[0].description',
      reason: 'is required',
    });
    expect(thrownBy(() => parseSeverityScale(withLevel(1, { pages: false })))).toMatchObject({
      field: 'severityScale.levels[1].pages',
      reason: 'is not a known field',
    });
    expect(thrownBy(() => parseSeverityScale('Sev 1, Sev 2'))).toBeInstanceOf(ValidationError);
  });
});
