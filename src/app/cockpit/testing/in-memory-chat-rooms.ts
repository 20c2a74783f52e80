import { RemoteCallError } from '../../errors';
import { RemoteCallLog } from '../../testing/remote-call-log';
import { RoomNameTakenError, type ChatMember, type ChatRoom, type ChatRooms, type InviteOutcome, type ChangeIssue, type ChangeRecords } from '../ports';

export interface RoomState {
  readonly room: ChatRoom;
  topic: string;
  readonly members: Set<string>;
  readonly messages: string[];
}

/** A chat workspace in memory: rooms, members found by chat id or email, messages and people's statuses. */
export class InMemoryChatRooms implements ChatRooms {
  configured = true;
  /** Whether the workspace lets the app set people's statuses (a Slack bot token does not). */
  statusAllowed = true;
  readonly rooms = new Map<string, RoomState>();
  /** Chat user id by email. */
  readonly directory = new Map<string, string>();
  /** Status text by chat user id. */
  readonly statuses = new Map<string, string>();
  private nextRoom = 1;
  private failures: Error[] = [];

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  /** A room created outside the app. */
  addForeignRoom(name: string): void {
    const room = { id: `CX${this.nextRoom++}`, name, url: `https://chat.example/archives/${name}` };
    this.rooms.set(room.id, { room, topic: '', members: new Set(), messages: [] });
  }

  roomNamed(name: string): RoomState | undefined {
    return [...this.rooms.values()].find((state) => state.room.name === name);
  }

  isConfigured(): Promise<boolean> {
    return this.call('secrets.get', () => this.configured);
  }

  createRoom(name: string): Promise<ChatRoom> {
    return this.call(`chat.create ${name}`, () => {
      if (this.roomNamed(name) !== undefined) throw new RoomNameTakenError(name);
      const room = { id: `C${this.nextRoom++}`, name, url: `https://chat.example/archives/C${this.nextRoom - 1}` };
      this.rooms.set(room.id, { room, topic: '', members: new Set(), messages: [] });
      return room;
    });
  }

  setTopic(roomId: string, topic: string): Promise<void> {
    return this.call(`chat.setTopic ${roomId}`, () => {
      if (topic.length > 250) throw new RemoteCallError('slack', 'conversations.setTopic', 200, 'too_long');
      this.require(roomId).topic = topic;
    });
  }

  invite(roomId: string, members: readonly ChatMember[]): Promise<InviteOutcome> {
    return this.call(`chat.invite ${roomId}`, () => {
      const state = this.require(roomId);
      const inRoom: string[] = [];
      const notFound: string[] = [];
      for (const member of members) {
        const chatId = this.chatId(member);
        if (chatId === undefined) notFound.push(member.accountId);
        else {
          state.members.add(chatId);
          inRoom.push(member.accountId);
        }
      }
      return { inRoom, notFound };
    });
  }

  post(roomId: string, text: string): Promise<void> {
    return this.call(`chat.post ${roomId}`, () => {
      this.require(roomId).messages.push(text);
    });
  }

  setStatus(member: ChatMember, text: string | undefined): Promise<void> {
    return this.call('chat.setStatus', () => {
      if (!this.statusAllowed) throw new RemoteCallError('slack', 'users.profile.set', 200, 'not_allowed_token_type');
      const chatId = this.chatId(member);
      if (chatId === undefined) throw new RemoteCallError('slack', 'users.lookupByEmail', 200, 'users_not_found');
      if (text === undefined) this.statuses.delete(chatId);
      else this.statuses.set(chatId, text);
    });
  }

  chatId(member: ChatMember): string | undefined {
    return member.chatUserId ?? (member.email === undefined ? undefined : this.directory.get(member.email));
  }

  private require(roomId: string): RoomState {
    const state = this.rooms.get(roomId);
    if (state === undefined) throw new RemoteCallError('slack', 'conversations', 200, 'channel_not_found');
    return state;
  }

  private call<T>(name: string, work: () => T): Promise<T> {
    return this.log.record(name, () => {
      const failure = this.failures.shift();
      if (failure !== undefined) throw failure;
      return work();
    });
  }
}

/** Change issues in memory: every search answers all of them (the use case cuts the window itself) and is recorded. */
export class InMemoryChangeRecords implements ChangeRecords {
  records: ChangeIssue[] = [];
  readonly searches: string[] = [];
  /** A refusal the next search throws, as Jira refuses JQL naming an unknown project. */
  refusal: Error | undefined;

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  search(jql: string, limit: number): Promise<readonly ChangeIssue[]> {
    return this.log.record('search changes', () => {
      this.searches.push(jql);
      if (this.refusal !== undefined) throw this.refusal;
      return this.records.slice(0, limit);
    });
  }
}
