/**
 * The `~` operator: Jira matches words (with light stemming, `*`/`?` wildcards and "quoted
 * phrases"), not substrings, and ignores common English stop words.
 */

const stopWords = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the',
  'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_*?]+/gu) ?? [];
}

function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

function termMatches(word: string, term: string): boolean {
  if (/[*?]/.test(term)) {
    const pattern = term.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${pattern}$`).test(word);
  }
  return word === term || stem(word) === stem(term);
}

/** The search terms of a `~` value without stop words; empty means the value cannot match anything. */
export function searchTerms(query: string): string[] {
  return words(query).filter((term) => !stopWords.has(term));
}

/** Whether `text` contains every word of `query` (or the exact phrase when `query` is quoted). */
export function textMatches(text: string, query: string): boolean {
  const phrase = /^"(.+)"$/.exec(query.trim());
  if (phrase) {
    const wanted = words(phrase[1] ?? '').join(' ');
    return wanted !== '' && ` ${words(text).join(' ')} `.includes(` ${wanted} `);
  }
  const terms = searchTerms(query);
  if (terms.length === 0) return false;
  const available = words(text);
  return terms.every((term) => available.some((word) => termMatches(word, term)));
}
