/** The Slack workspace the stand-in keeps in SQLite: channels, messages, members and profiles. */
import { createHash } from 'node:crypto';
import type { SiteDatabase } from '../db';
import type { JiraUser } from '../jira/index';

const schema = `
CREATE TABLE IF NOT EXISTS slack_channels (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  is_private INTEGER NOT NULL,
  is_im INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  creator TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT '',
  topic_creator TEXT NOT NULL DEFAULT '',
  topic_last_set INTEGER NOT NULL DEFAULT 0,
  members TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS slack_messages (
  ts TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  user TEXT NOT NULL,
  text TEXT NOT NULL,
  blocks TEXT,
  thread_ts TEXT
);
CREATE TABLE IF NOT EXISTS slack_profiles (user_id TEXT PRIMARY KEY, profile TEXT NOT NULL);
`;

export const botUserId = 'ULOCALBOT1';
export const botId = 'BLOCALBOT1';
export const teamId = 'TLOCAL0001';
export const teamName = 'Local Workspace';

export interface SlackUser {
  id: string;
  accountId: string;
  email: string;
  name: string;
  realName: string;
  timeZone: string;
}

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  created: number;
  creator: string;
  topic: { value: string; creator: string; last_set: number };
  members: string[];
}

interface ChannelRow {
  id: string;
  name: string;
  is_private: number;
  is_im: number;
  created: number;
  creator: string;
  topic: string;
  topic_creator: string;
  topic_last_set: number;
  members: string;
}

export class SlackWorkspace {
  private lastTs = 0;

  constructor(
    private readonly db: SiteDatabase,
    private readonly jiraUsers: () => JiraUser[],
  ) {
    db.exec(schema);
  }

  users(): SlackUser[] {
    return this.jiraUsers()
      .filter((user) => user.accountType === 'atlassian')
      .map((user) => ({
        id: slackUserId(user.accountId),
        accountId: user.accountId,
        email: user.emailAddress,
        name: user.emailAddress.split('@')[0] ?? user.displayName,
        realName: user.displayName,
        timeZone: user.timeZone,
      }));
  }

  userById(id: string): SlackUser | undefined {
    return this.users().find((user) => user.id === id);
  }

  userByEmail(email: string): SlackUser | undefined {
    return this.users().find((user) => user.email.toLowerCase() === email.toLowerCase());
  }

  channel(idOrName: string): SlackChannel | undefined {
    const name = idOrName.replace(/^#/, '');
    const row = this.db.prepare('SELECT * FROM slack_channels WHERE id = ? OR (name = ? AND is_im = 0)').get(idOrName, name) as ChannelRow | undefined;
    return row && toChannel(row);
  }

  createChannel(name: string, isPrivate: boolean, creator: string, nowSeconds: number): SlackChannel {
    return this.insertChannel(name, isPrivate, false, creator, nowSeconds, [creator]);
  }

  /** The direct-message conversation between the bot and a user, opened on first use. */
  directChannel(user: SlackUser, nowSeconds: number): SlackChannel {
    return this.channel(`im-${user.id}`) ?? this.insertChannel(`im-${user.id}`, true, true, botUserId, nowSeconds, [botUserId, user.id]);
  }

  setTopic(channelId: string, topic: string, creator: string, nowSeconds: number): void {
    this.db.prepare('UPDATE slack_channels SET topic = ?, topic_creator = ?, topic_last_set = ? WHERE id = ?').run(topic, creator, nowSeconds, channelId);
  }

  setMembers(channelId: string, members: string[]): void {
    this.db.prepare('UPDATE slack_channels SET members = ? WHERE id = ?').run(JSON.stringify(members), channelId);
  }

  /** Stores a message and returns its `ts`, unique and increasing like Slack's. */
  postMessage(message: { channel: string; user: string; text: string; blocks?: unknown; threadTs?: string }, nowMs: number): string {
    const micros = Math.max(nowMs * 1000, this.lastTs + 1);
    this.lastTs = micros;
    const ts = `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
    this.db
      .prepare('INSERT INTO slack_messages (ts, channel, user, text, blocks, thread_ts) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ts, message.channel, message.user, message.text, message.blocks === undefined ? null : JSON.stringify(message.blocks), message.threadTs ?? null);
    return ts;
  }

  messages(channelId: string): { ts: string; user: string; text: string }[] {
    return this.db.prepare('SELECT ts, user, text FROM slack_messages WHERE channel = ? ORDER BY ts').all(channelId) as { ts: string; user: string; text: string }[];
  }

  profile(userId: string): Record<string, unknown> {
    const row = this.db.prepare('SELECT profile FROM slack_profiles WHERE user_id = ?').get(userId) as { profile: string } | undefined;
    return row ? (JSON.parse(row.profile) as Record<string, unknown>) : {};
  }

  saveProfile(userId: string, profile: Record<string, unknown>): void {
    this.db
      .prepare('INSERT INTO slack_profiles (user_id, profile) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET profile = excluded.profile')
      .run(userId, JSON.stringify(profile));
  }

  private insertChannel(name: string, isPrivate: boolean, isIm: boolean, creator: string, nowSeconds: number, members: string[]): SlackChannel {
    const { seq } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM slack_channels').get() as { seq: number };
    const id = `${isIm ? 'D' : isPrivate ? 'G' : 'C'}LOCAL${String(seq).padStart(5, '0')}`;
    this.db
      .prepare('INSERT INTO slack_channels (id, name, is_private, is_im, created, creator, members) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, name, isPrivate ? 1 : 0, isIm ? 1 : 0, nowSeconds, creator, JSON.stringify(members));
    const created = this.channel(id);
    if (!created) throw new Error(`Slack channel ${id} vanished after insert`);
    return created;
  }
}

/** Slack ids are stable per Jira user, so a restarted site keeps the same people. */
export function slackUserId(accountId: string): string {
  return `U${createHash('sha1').update(accountId).digest('hex').slice(0, 10).toUpperCase()}`;
}

function toChannel(row: ChannelRow): SlackChannel {
  return {
    id: row.id,
    name: row.name,
    isPrivate: row.is_private === 1,
    isIm: row.is_im === 1,
    created: row.created,
    creator: row.creator,
    topic: { value: row.topic, creator: row.topic_creator, last_set: row.topic_last_set },
    members: JSON.parse(row.members) as string[],
  };
}
