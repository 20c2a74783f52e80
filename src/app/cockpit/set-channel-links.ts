import { z } from 'zod';
import type { CockpitUpdate, SetChannelLinksPayload } from '../../contracts/cockpit';
import { ValidationError } from '../../domain/errors';
import { webUrlSchema } from '../../domain/identifiers';
import { parseWith } from '../../domain/parse-input';
import { NotConfiguredError } from '../errors';
import { applyChange } from './apply-change';
import { noteBy, personWrites } from './change-parts';
import { loadIncidentContext, requireEditor } from './incident-context';
import { definedOnly } from './defined';
import type { IncidentRecord } from './incident-record';
import type { CockpitCaller, CockpitDeps } from './ports';
import { roomEffects } from './room-effects';

const link = z.union([webUrlSchema.max(2000, 'must be at most 2000 characters'), z.null()]).exactOptional();
const linksSchema = z.strictObject({ chatRoom: link, videoCall: link, stateDocument: link });

const LINK_NAMES = { chatRoom: 'Chat room', videoCall: 'Video call', stateDocument: 'Incident state document' } as const;
type LinkName = keyof typeof LINK_NAMES;

/**
 * Sets (or with null clears) the chat room, video call and incident state document links by hand,
 * for teams without a chat integration or with a call and a document made elsewhere. One Jira
 * request sets the fields and comments; the room's topic follows.
 *
 * @throws ValidationError naming the link that is not an http(s) URL, or when nothing would change.
 */
export async function setChannelLinks(deps: CockpitDeps, caller: CockpitCaller, input: SetChannelLinksPayload): Promise<CockpitUpdate> {
  const links = parseWith(linksSchema, input);
  const context = await loadIncidentContext(deps, caller);
  requireEditor(context, 'set the incident channels');
  const fieldIds = context.config.fields;
  if (fieldIds === undefined) throw new NotConfiguredError("the app's incident fields are not set up yet");
  const fieldOf: Record<LinkName, string> = { chatRoom: fieldIds.chatRoom, videoCall: fieldIds.videoCall, stateDocument: fieldIds.incidentStateDocument };
  const changed = (Object.keys(LINK_NAMES) as LinkName[]).filter((name) => links[name] !== undefined && (links[name] ?? undefined) !== context.record[name]);
  if (changed.length === 0) throw new ValidationError('links', 'change at least one link');
  const fields = Object.fromEntries(changed.map((name) => [fieldOf[name], links[name] ?? null]));
  const lines = changed.map((name) => `${LINK_NAMES[name]}: ${links[name] ?? 'removed'}`);
  const note = noteBy(deps, context, 'note', `Channels updated. ${lines.join('; ')}`);
  return applyChange(deps, context, {
    edit: { fields, comment: note.comment },
    writes: [note.write, ...personWrites(context, [context.callerPerson])],
    record: withLinks(context.record, links),
    effects: (after) => roomEffects(deps, after, { topic: true, message: lines.join('\n') }),
  });
}

/** The record with the links set, cleared (null) or kept (absent). */
function withLinks(record: IncidentRecord, links: { [name in LinkName]?: string | null }): IncidentRecord {
  const { chatRoom, videoCall, stateDocument, ...rest } = record;
  const pick = (name: LinkName, current: string | undefined): string | undefined => (links[name] === undefined ? current : (links[name] ?? undefined));
  return { ...rest, ...definedOnly({ chatRoom: pick('chatRoom', chatRoom), videoCall: pick('videoCall', videoCall), stateDocument: pick('stateDocument', stateDocument) }) };
}
