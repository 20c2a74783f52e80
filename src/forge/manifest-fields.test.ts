import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APP_FIELDS } from '../app/incident-fields';
import { ACKNOWLEDGE_WEBTRIGGER_KEY } from './resolvers/admin-page';
import { ALERT_WEBTRIGGER_KEY } from './resolvers/alert-sources';

interface Manifest {
  modules: Record<string, { key: string; name?: string; type?: string; resource?: string }[] | undefined>;
}

const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as Manifest;

describe('manifest.yml and the code agree', () => {
  it('declares exactly the app fields the code looks up, with the same names', () => {
    const declared = (manifest.modules['jira:customField'] ?? []).map((field) => [field.key, field.name]).sort();
    const expected = Object.values(APP_FIELDS).map((field) => [field.moduleKey, field.name]).sort();
    expect(declared).toEqual(expected);
  });

  it('declares the acknowledgement and alert web triggers under the keys the admin page asks Forge for', () => {
    expect((manifest.modules['webtrigger'] ?? []).map((trigger) => trigger.key)).toEqual([ACKNOWLEDGE_WEBTRIGGER_KEY, ALERT_WEBTRIGGER_KEY]);
  });

  it('names the post-function key the local site’s incident workflow uses', () => {
    expect((manifest.modules['jira:workflowPostFunction'] ?? []).map((module) => module.key)).toEqual(['page-on-call']);
  });

  it('keeps every module and function key within the 23 characters Forge allows function keys', () => {
    const keys = Object.values(manifest.modules).flatMap((modules) => (modules ?? []).map((module) => module.key));
    expect(keys.filter((key) => key.length > 23)).toEqual([]);
  });
});
