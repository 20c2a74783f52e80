import { route } from '@forge/api';
import type { RemoteLink, RemoteLinks } from '../../app/alerts/ports';
import type { JiraClient } from './jira-client';

/** Jira's remote links over REST v3; the link's `globalId` makes adding it twice update the first. */
export class JiraRemoteLinks implements RemoteLinks {
  constructor(private readonly jira: JiraClient) {}

  async addRemoteLink(issueIdOrKey: string, link: RemoteLink): Promise<void> {
    await this.jira.send('add remote link', route`/rest/api/3/issue/${issueIdOrKey}/remotelink`, {
      method: 'POST',
      body: { globalId: link.globalId, object: { url: link.url, title: link.title } },
    });
  }
}
