/**
 * Stand-in for the Slack Web API (`https://slack.com/api/<method>`): the methods an incident app
 * uses, stateful in SQLite, with Slack's `{ok, error}` answers. Arguments are checked against the
 * published contract: a missing required argument or a wrongly typed one fails like Slack does.
 */
import { slackMethodParameters } from './contracts';
import { recordedRequest, type EgressAnswer, type EgressRequest, type StandIn, type StandInDeps } from './egress-types';
import { botId, botUserId, teamId, teamName, type SlackChannel, type SlackUser, type SlackWorkspace } from './slack-workspace';

type Args = Record<string, unknown>;
type SlackResult = { ok: true; [field: string]: unknown } | { ok: false; error: string; [field: string]: unknown };

interface Call {
  method: string;
  args: Args;
  actor: string;
}

const channelNamePattern = /^[a-z0-9_-]+$/;

export class SlackStandIn implements StandIn {
  constructor(
    private readonly workspace: SlackWorkspace,
    private readonly deps: StandInDeps,
  ) {}

  handles(url: URL): boolean {
    return url.hostname === 'slack.com' && url.pathname.startsWith('/api/');
  }

  handle(request: EgressRequest): EgressAnswer {
    const method = request.url.pathname.slice('/api/'.length);
    const args: Args = { ...Object.fromEntries(request.url.searchParams), ...(isRecord(request.body) ? request.body : {}) };
    const token = bearerToken(request.headers.get('authorization')) ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const { result, warnings } = this.run(method, args, token);
    const answer: EgressAnswer = { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: result };
    this.deps.outbox.record({
      channel: 'slack',
      to: this.recipient(method, args),
      subject: method,
      body: { method, ...args, ...(warnings.length > 0 ? { warnings } : {}) },
      request: recordedRequest(request, answer),
    });
    return answer;
  }

  /** Checks the token and the arguments, then runs the method; unknown arguments become warnings. */
  private run(method: string, args: Args, token: string | undefined): { result: SlackResult; warnings: string[] } {
    const fail = (error: string, extra: Record<string, unknown> = {}) => ({ result: { ok: false as const, error, ...extra }, warnings: [] });
    if (token === undefined || token === '') return fail('not_authed');
    const actor = this.actorFor(token);
    if (actor === undefined) return fail('invalid_auth');
    const parameters = slackMethodParameters(method);
    if (parameters === undefined) return fail('unknown_method');
    const problems: string[] = [];
    const warnings: string[] = [];
    for (const parameter of parameters) {
      const value = args[parameter.name];
      if (value === undefined || value === '') {
        if (parameter.required) problems.push(`[ERROR] missing required field: ${parameter.name}`);
        continue;
      }
      if (!matchesType(value, parameter.type)) problems.push(`[ERROR] ${parameter.name} must be ${parameter.type}`);
    }
    for (const name of Object.keys(args)) {
      if (!parameters.some((p) => p.name === name)) warnings.push(`unknown argument ${name}`);
    }
    if (problems.length > 0) return fail('invalid_arguments', { response_metadata: { messages: problems } });
    return { result: this.dispatch({ method, args, actor }), warnings };
  }

  private dispatch(call: Call): SlackResult {
    switch (call.method) {
      case 'auth.test':
        return this.authTest(call);
      case 'conversations.create':
        return this.create(call);
      case 'conversations.setTopic':
        return this.setTopic(call);
      case 'conversations.invite':
        return this.invite(call);
      case 'conversations.info':
        return this.info(call);
      case 'chat.postMessage':
        return this.postMessage(call);
      case 'users.lookupByEmail':
        return this.lookupByEmail(call);
      case 'users.profile.set':
        return this.setProfile(call);
      default:
        return { ok: false, error: 'unknown_method', detail: `The local Slack stand-in does not implement ${call.method}` };
    }
  }

  private authTest(call: Call): SlackResult {
    const user = call.actor === botUserId ? undefined : this.workspace.userById(call.actor);
    return {
      ok: true,
      url: 'https://local-workspace.slack.com/',
      team: teamName,
      user: user?.name ?? 'incident-response',
      team_id: teamId,
      user_id: call.actor,
      ...(user === undefined ? { bot_id: botId } : {}),
    };
  }

  private create(call: Call): SlackResult {
    const name = String(call.args.name ?? '');
    if (name === '') return { ok: false, error: 'invalid_name_required' };
    if (name.length > 80) return { ok: false, error: 'invalid_name_maxlength' };
    if (!channelNamePattern.test(name)) return { ok: false, error: 'invalid_name_specials' };
    if (this.workspace.channel(name)) return { ok: false, error: 'name_taken' };
    const channel = this.workspace.createChannel(name, truthy(call.args.is_private), call.actor, this.nowSeconds());
    return { ok: true, channel: conversationObject(channel, call.actor) };
  }

  private setTopic(call: Call): SlackResult {
    const channel = this.workspace.channel(String(call.args.channel ?? ''));
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const topic = String(call.args.topic ?? '');
    if (topic.length > 250) return { ok: false, error: 'too_long' };
    this.workspace.setTopic(channel.id, topic, call.actor, this.nowSeconds());
    return { ok: true, channel: conversationObject(this.reload(channel), call.actor) };
  }

  private invite(call: Call): SlackResult {
    const channel = this.workspace.channel(String(call.args.channel ?? ''));
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const ids = String(call.args.users ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (ids.length === 0) return { ok: false, error: 'no_user' };
    if (ids.includes(call.actor)) return { ok: false, error: 'cant_invite_self' };
    const unknown = ids.filter((id) => this.workspace.userById(id) === undefined);
    if (unknown.length > 0) return { ok: false, error: 'user_not_found', errors: unknown.map((user) => ({ user, ok: false, error: 'user_not_found' })) };
    const newcomers = ids.filter((id) => !channel.members.includes(id));
    if (newcomers.length === 0) return { ok: false, error: 'already_in_channel' };
    this.workspace.setMembers(channel.id, [...channel.members, ...newcomers]);
    return { ok: true, channel: conversationObject(this.reload(channel), call.actor) };
  }

  private info(call: Call): SlackResult {
    const channel = this.workspace.channel(String(call.args.channel ?? ''));
    if (!channel) return { ok: false, error: 'channel_not_found' };
    return { ok: true, channel: conversationObject(channel, call.actor) };
  }

  private postMessage(call: Call): SlackResult {
    const target = String(call.args.channel ?? '');
    const user = this.workspace.userById(target);
    const channel = user ? this.workspace.directChannel(user, this.nowSeconds()) : this.workspace.channel(target);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const text = typeof call.args.text === 'string' ? call.args.text : '';
    const blocks = parseJsonArg(call.args.blocks);
    const attachments = parseJsonArg(call.args.attachments);
    if (text === '' && blocks === undefined && attachments === undefined) return { ok: false, error: 'no_text' };
    if (text.length > 40_000) return { ok: false, error: 'msg_too_long' };
    const threadTs = typeof call.args.thread_ts === 'string' ? call.args.thread_ts : undefined;
    const ts = this.workspace.postMessage(
      { channel: channel.id, user: call.actor, text, ...(blocks === undefined ? {} : { blocks }), ...(threadTs === undefined ? {} : { threadTs }) },
      this.deps.now(),
    );
    const message = {
      type: 'message',
      text,
      user: call.actor,
      ts,
      team: teamId,
      ...(call.actor === botUserId ? { bot_id: botId } : {}),
      ...(blocks === undefined ? {} : { blocks }),
      ...(attachments === undefined ? {} : { attachments }),
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    };
    return { ok: true, channel: channel.id, ts, message };
  }

  private lookupByEmail(call: Call): SlackResult {
    const user = this.workspace.userByEmail(String(call.args.email ?? ''));
    if (!user) return { ok: false, error: 'users_not_found' };
    return { ok: true, user: userObject(user, this.workspace.profile(user.id)) };
  }

  private setProfile(call: Call): SlackResult {
    const userId = typeof call.args.user === 'string' && call.args.user !== '' ? call.args.user : call.actor;
    if (userId !== call.actor && call.actor === botUserId) return { ok: false, error: 'not_allowed_token_type' };
    const user = this.workspace.userById(userId);
    if (user === undefined) return { ok: false, error: 'user_not_found' };
    const changes: Record<string, unknown> = {};
    const profile = parseJsonArg(call.args.profile);
    if (call.args.profile !== undefined && !isRecord(profile)) return { ok: false, error: 'invalid_profile' };
    if (isRecord(profile)) Object.assign(changes, profile);
    if (typeof call.args.name === 'string') changes[call.args.name] = call.args.value ?? '';
    const merged = { ...this.workspace.profile(userId), ...changes };
    this.workspace.saveProfile(userId, merged);
    return { ok: true, username: user.name, profile: userObject(user, merged).profile };
  }

  private actorFor(token: string): string | undefined {
    if (/^xoxb-\S+$/.test(token)) return botUserId;
    if (/^xoxp-\S+$/.test(token)) return this.workspace.users()[0]?.id ?? botUserId;
    return undefined;
  }

  private recipient(method: string, args: Args): string {
    const target = String(args.channel ?? '');
    if (method === 'users.lookupByEmail' && typeof args.email === 'string') return args.email;
    if (method === 'users.profile.set') return this.workspace.userById(typeof args.user === 'string' ? args.user : '')?.email ?? 'slack';
    if (method === 'conversations.create' && typeof args.name === 'string' && args.name !== '') return `#${args.name}`;
    const directUser = this.workspace.userById(target);
    if (directUser) return directUser.email;
    const channel = this.workspace.channel(target);
    if (channel?.isIm) {
      const member = channel.members.map((id) => this.workspace.userById(id)).find((user) => user !== undefined);
      return member?.email ?? channel.name;
    }
    if (channel) return `#${channel.name}`;
    return target === '' ? 'slack' : target;
  }

  private reload(channel: SlackChannel): SlackChannel {
    return this.workspace.channel(channel.id) ?? channel;
  }

  private nowSeconds(): number {
    return Math.floor(this.deps.now() / 1000);
  }
}

function conversationObject(channel: SlackChannel, viewer: string): Record<string, unknown> {
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.isPrivate && !channel.isIm,
    is_group: channel.isPrivate && !channel.isIm,
    is_im: channel.isIm,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: false,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    is_member: channel.members.includes(viewer),
    created: channel.created,
    creator: channel.creator,
    unlinked: 0,
    num_members: channel.members.length,
    topic: channel.topic,
    purpose: { value: '', creator: '', last_set: 0 },
    previous_names: [],
    priority: 0,
  };
}

function userObject(user: SlackUser, profile: Record<string, unknown>): Record<string, unknown> {
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: false,
    real_name: user.realName,
    tz: user.timeZone,
    is_bot: false,
    is_admin: false,
    is_app_user: false,
    updated: 0,
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.realName,
      display_name_normalized: user.realName,
      email: user.email,
      team: teamId,
      avatar_hash: '',
      title: '',
      phone: '',
      skype: '',
      status_text: '',
      status_emoji: '',
      fields: null,
      ...profile,
    },
  };
}

function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** Slack form arguments carry JSON as text; JSON bodies carry it as values. */
function parseJsonArg(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' || value === '1' || value === '0' || value === 1 || value === 0;
    case 'integer':
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)));
    case 'string':
      // JSON bodies may carry structured values (blocks, attachments, profile) where forms carry JSON text.
      return typeof value === 'string' || typeof value === 'object' || typeof value === 'number' || typeof value === 'boolean';
    default:
      return true;
  }
}
