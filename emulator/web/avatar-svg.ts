/**
 * Avatars for the `avatarUrls` Jira answers with (`/secure/useravatar`, `/secure/projectavatar`):
 * the initials of the name on a colour picked from the id, so the same person always looks the same.
 */
const palette = ['#0055CC', '#1F845A', '#5E4DB2', '#C9372C', '#A54800', '#206A83', '#943D73', '#216E4E', '#7F5F01', '#44546F'];

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

/** Up to two initials: first and last word of the name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function avatarSvg(options: { id: string; name: string; size: number; shape: 'circle' | 'square' }): string {
  const { id, name, shape } = options;
  const size = Math.min(Math.max(Math.round(options.size), 16), 128);
  const colour = palette[hash(id) % palette.length] ?? '#44546F';
  const background =
    shape === 'circle' ? `<circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}" fill="${colour}"/>` : `<rect width="${size}" height="${size}" rx="${size / 6}" fill="${colour}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeXml(name)}">${background}<text x="50%" y="50%" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${Math.round(size * 0.42)}" font-weight="600" fill="#FFFFFF">${escapeXml(initialsOf(name))}</text></svg>`;
}

const priorityShapes: Record<string, { colour: string; path: string }> = {
  highest: { colour: '#C9372C', path: 'M3 9l5-5 5 5M3 13l5-5 5 5' },
  high: { colour: '#E2483D', path: 'M3 11l5-5 5 5' },
  medium: { colour: '#E56910', path: 'M3 6h10M3 10h10' },
  low: { colour: '#0C66E4', path: 'M3 5l5 5 5-5' },
  lowest: { colour: '#0055CC', path: 'M3 3l5 5 5-5M3 7l5 5 5-5' },
};

/**
 * Icons for the `iconUrl`s Jira answers with (`/images/icons/issuetypes/<name>.svg`,
 * `/images/icons/priorities/<name>.svg`): priorities as arrows, issue types as a coloured tile
 * with the type's initial.
 */
export function jiraIconSvg(kind: 'issuetypes' | 'priorities', name: string): string {
  const key = name.toLowerCase().replace(/\.svg$/, '');
  if (kind === 'priorities') {
    const shape = priorityShapes[key] ?? priorityShapes['medium'] ?? { colour: '#E56910', path: 'M3 6h10M3 10h10' };
    return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" role="img" aria-label="${escapeXml(key)}"><path d="${shape.path}" fill="none" stroke="${shape.colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  }
  const colour = key === 'incident' || key === 'bug' ? '#C9372C' : key === 'task' ? '#1D7AFC' : palette[hash(key) % palette.length] ?? '#44546F';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" role="img" aria-label="${escapeXml(key)}"><rect width="16" height="16" rx="3" fill="${colour}"/><text x="8" y="8" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="10" font-weight="700" fill="#FFFFFF">${escapeXml((key[0] ?? '?').toUpperCase())}</text></svg>`;
}
