import { z } from 'zod';
import { RoomNameTakenError, type ChatMember, type ChatRoom, type ChatRooms, type InviteOutcome } from '../../app/cockpit/ports';
import { RemoteCallError } from '../../app/errors';
import { loadIntegrationSecrets } from '../../app/integration-secrets';
import type { Clock, SecretStore } from '../../app/ports';
import { withRetry } from '../../app/retry';
import { postJson } from '../pagers/http-call';

const SLACK_API = 'https://slack.com/api';

// Slack reports most failures as 200 {ok: false}; these are the ones worth trying again.
const TRANSIENT_ERRORS = new Set(['ratelimited', 'internal_error', 'service_unavailable', 'fatal_error', 'request_timeout']);

const answerSchema = z.object({ ok: z.boolean(), error: z.string().optional() }).loose();
const channelAnswer = z.object({ channel: z.object({ id: z.string(), name: z.string() }).loose() }).loose();
const authAnswer = z.object({ url: z.string(), user_id: z.string() }).loose();
const userAnswer = z.object({ user: z.object({ id: z.string() }).loose() }).loose();

/** Shown beside the status text so colleagues notice at a glance that someone is managing an incident. */
const STATUS_EMOJI = ':rotating_light:';

/**
 * The incident's chat room in Slack, over the Web API with the token an administrator stored in
 * secret storage. A bot token creates rooms, sets topics, invites and posts; setting people's
 * status needs a user token of a workspace admin (Slack refuses bots), and says so when refused.
 */
export class SlackChatRooms implements ChatRooms {
  private token: Promise<string | undefined> | undefined;
  private identity: Promise<{ teamUrl: string; userId: string }> | undefined;

  constructor(
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly deadline: number,
  ) {}

  async isConfigured(): Promise<boolean> {
    return (await this.tokenOnce()) !== undefined;
  }

  async createRoom(name: string): Promise<ChatRoom> {
    const [identity, created] = await Promise.all([this.whoAmI(), this.call('conversations.create', { name, is_private: false }).catch(roomTaken(name))]);
    const { channel } = parse(channelAnswer, created, 'conversations.create');
    return { id: channel.id, name: channel.name, url: `${identity.teamUrl.replace(/\/+$/, '')}/archives/${channel.id}` };
  }

  async setTopic(roomId: string, topic: string): Promise<void> {
    await this.call('conversations.setTopic', { channel: roomId, topic });
  }

  async invite(roomId: string, members: readonly ChatMember[]): Promise<InviteOutcome> {
    const [identity, found] = await Promise.all([this.whoAmI(), Promise.all(members.map((member) => this.slackUserId(member)))]);
    const notFound = members.filter((_, index) => found[index] === undefined).map((member) => member.accountId);
    const inRoom = members.filter((_, index) => found[index] !== undefined).map((member) => member.accountId);
    // The token's own user is in the room already (it created it); Slack refuses to invite it.
    const users = [...new Set(found.filter((id): id is string => id !== undefined && id !== identity.userId))];
    if (users.length > 0) {
      await this.call('conversations.invite', { channel: roomId, users: users.join(',') }).catch((error: unknown) => {
        if (error instanceof RemoteCallError && error.detail === 'already_in_channel') return undefined;
        throw error;
      });
    }
    return { inRoom, notFound };
  }

  async post(roomId: string, text: string): Promise<void> {
    await this.call('chat.postMessage', { channel: roomId, text, unfurl_links: false });
  }

  async setStatus(member: ChatMember, text: string | undefined): Promise<void> {
    const [identity, userId] = await Promise.all([this.whoAmI(), this.slackUserId(member)]);
    if (userId === undefined) throw new RemoteCallError('slack', 'users.lookupByEmail', 200, 'this person is not in the Slack workspace');
    const profile = text === undefined ? { status_text: '', status_emoji: '', status_expiration: 0 } : { status_text: text.slice(0, 100), status_emoji: STATUS_EMOJI, status_expiration: 0 };
    await this.call('users.profile.set', { ...(userId === identity.userId ? {} : { user: userId }), profile }).catch((error: unknown) => {
      if (error instanceof RemoteCallError && error.detail === 'not_allowed_token_type') {
        throw new RemoteCallError('slack', 'users.profile.set', error.status, "Slack lets only a workspace admin's user token (xoxp-) set other people's status, not a bot token", undefined, { cause: error });
      }
      throw error;
    });
  }

  private async slackUserId(member: ChatMember): Promise<string | undefined> {
    if (member.chatUserId !== undefined) return member.chatUserId;
    if (member.email === undefined) return undefined;
    try {
      return parse(userAnswer, await this.call('users.lookupByEmail', { email: member.email }), 'users.lookupByEmail').user.id;
    } catch (error) {
      if (error instanceof RemoteCallError && error.detail === 'users_not_found') return undefined;
      throw error;
    }
  }

  private whoAmI(): Promise<{ teamUrl: string; userId: string }> {
    this.identity ??= this.call('auth.test', {}).then((answer) => {
      const parsed = parse(authAnswer, answer, 'auth.test');
      return { teamUrl: parsed.url, userId: parsed.user_id };
    });
    return this.identity;
  }

  private tokenOnce(): Promise<string | undefined> {
    this.token ??= loadIntegrationSecrets(this.secrets).then((secrets) => secrets.slackBotToken);
    return this.token;
  }

  private async call(method: string, body: Record<string, unknown>): Promise<unknown> {
    const token = await this.tokenOnce();
    if (token === undefined) throw new RemoteCallError('slack', method, undefined, 'no Slack token is stored');
    return withRetry(
      async () => {
        const answer = await postJson('slack', method, `${SLACK_API}/${method}`, body, { Authorization: `Bearer ${token}` });
        const parsed = answerSchema.safeParse(answer.body);
        if (!parsed.success) throw new RemoteCallError('slack', method, answer.status, 'unexpected answer from Slack');
        if (!parsed.data.ok) {
          const error = parsed.data.error ?? 'unknown_error';
          throw new RemoteCallError('slack', method, TRANSIENT_ERRORS.has(error) ? 503 : 400, error);
        }
        return answer.body;
      },
      { clock: this.clock, deadline: this.deadline },
    );
  }
}

function roomTaken(name: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof RemoteCallError && error.detail === 'name_taken') throw new RoomNameTakenError(name);
    throw error;
  };
}

function parse<S extends z.ZodType>(schema: S, body: unknown, method: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RemoteCallError('slack', method, 200, 'unexpected answer from Slack');
  return parsed.data;
}
