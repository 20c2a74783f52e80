/** Slack refuses a longer topic (`too_long`). */
export const MAX_TOPIC_LENGTH = 250;

const MIN_SUMMARY_LENGTH = 24;

export interface TopicRole {
  /** Short role name as the team says it: IM, Backup IM, TL, CM, or a role the IM devised. */
  readonly label: string;
  readonly names: readonly string[];
}

export interface TopicInput {
  readonly key: string;
  readonly summary: string;
  readonly severityLabel?: string;
  /** In the handbook's order: the IM first. */
  readonly roles: readonly TopicRole[];
  readonly issueUrl: string;
  readonly videoCall?: string;
  readonly stateDocument?: string;
}

export interface Topic {
  readonly text: string;
  /** Links that did not fit; the room gets them in a message instead. */
  readonly leftOut: readonly string[];
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, Math.max(0, length - 1)).trimEnd()}…`;
}

/** "Bob Techlead" → "Bob T.": enough for the room to know who, in a fraction of the characters. */
function abbreviate(name: string): string {
  const [first, ...rest] = name.trim().split(/\s+/u);
  const last = rest.at(-1);
  return last === undefined ? (first ?? name) : `${first ?? ''} ${last.slice(0, 1)}.`;
}

function compose(input: TopicInput, summary: string, links: readonly string[], short = false): string {
  const head = `${input.key}${input.severityLabel === undefined ? '' : ` [${input.severityLabel}]`} ${summary}`.trim();
  const roles = input.roles
    .filter((role) => role.names.length > 0)
    .map((role) => `${role.label}: ${short ? role.names.map(abbreviate).join(', ') : role.names.join(', ')}`);
  return [head, roles.length > 0 ? roles.join(' · ') : 'IM: nobody yet', ...links].join(' | ');
}

/**
 * The room topic the handbook asks for: summary and severity, who holds which role starting with
 * the IM, and links to the issue, the video call and the state document. It fits Slack's limit by
 * shortening the summary first, then abbreviating names ("Bob T."), and only then leaving out the
 * state document and video links (which the room is told in a message); it never drops the issue
 * link, which is how newcomers find the rest.
 */
export function roomTopic(input: TopicInput): Topic {
  const optional = [
    ...(input.videoCall === undefined ? [] : [{ url: input.videoCall, text: `Video: ${input.videoCall}` }]),
    ...(input.stateDocument === undefined ? [] : [{ url: input.stateDocument, text: `Doc: ${input.stateDocument}` }]),
  ];
  const issueLink = `Issue: ${input.issueUrl}`;
  for (let kept = optional.length; kept >= 0; kept -= 1) {
    const links = [issueLink, ...optional.slice(0, kept).map((link) => link.text)];
    const leftOut = optional.slice(kept).map((link) => link.url);
    // Abbreviated names before any link is left out: a link dropped from the topic is a link newcomers miss.
    for (const short of [false, true]) {
      const full = compose(input, input.summary, links, short);
      if (full.length <= MAX_TOPIC_LENGTH) return { text: full, leftOut };
      const room = input.summary.length - (full.length - MAX_TOPIC_LENGTH);
      if (room >= MIN_SUMMARY_LENGTH) return { text: compose(input, shorten(input.summary, room), links, short), leftOut };
    }
  }
  const text = compose(input, shorten(input.summary, MIN_SUMMARY_LENGTH), [issueLink], true);
  return { text: shorten(text, MAX_TOPIC_LENGTH), leftOut: optional.map((link) => link.url) };
}
