/** The ports alert intake needs beyond the app's common ones (../ports.ts). */

/** A link from an issue to a page elsewhere; `globalId` makes adding it again an update, not a second link. */
export interface RemoteLink {
  readonly globalId: string;
  readonly url: string;
  readonly title: string;
}

/** Jira's remote links (`/issue/{key}/remotelink`). */
export interface RemoteLinks {
  addRemoteLink(issueIdOrKey: string, link: RemoteLink): Promise<void>;
}

/** Work on the `alert-intake` queue: take in a source's pending alerts, or check its heartbeat. */
export type AlertJob = { readonly kind: 'intake'; readonly sourceId: string } | { readonly kind: 'heartbeat'; readonly sourceId: string };
