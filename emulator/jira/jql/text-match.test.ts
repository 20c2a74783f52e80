import { searchTerms, textMatches } from './text-match';

describe('JQL text matching', () => {
  it('matches whole words regardless of case', () => {
    expect(textMatches('Bitbucket pushes failing', 'PUSHES')).toBe(true);
    expect(textMatches('Bitbucket pushes failing', 'bucket')).toBe(false);
  });

  it('needs every word of the query', () => {
    expect(textMatches('Bitbucket pushes failing', 'pushes failing')).toBe(true);
    expect(textMatches('Bitbucket pushes failing', 'pushes slow')).toBe(false);
  });

  it('matches simple word forms', () => {
    expect(textMatches('Pages rendering slowly', 'render')).toBe(true);
    expect(textMatches('Deploy failed', 'fails')).toBe(true);
  });

  it('supports * and ? wildcards', () => {
    expect(textMatches('Confluence outage', 'conf*')).toBe(true);
    expect(textMatches('Confluence outage', 'outag?')).toBe(true);
  });

  it('matches quoted phrases in order', () => {
    expect(textMatches('Jira search returns errors', '"search returns"')).toBe(true);
    expect(textMatches('Jira returns search errors', '"search returns"')).toBe(false);
  });

  it('ignores stop words', () => {
    expect(searchTerms('the outage of Bitbucket')).toEqual(['outage', 'bitbucket']);
    expect(textMatches('anything', 'the')).toBe(false);
  });
});
