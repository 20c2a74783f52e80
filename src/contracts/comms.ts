/** Communications on one incident (the issue panel's Updates tab) and their settings (the admin page's Communications tab). */

export const COMMS_RESOLVER_KEYS = {
  getComposer: 'getCommsComposer',
  previewUpdate: 'previewCommsUpdate',
  sendUpdate: 'sendCommsUpdate',
  retryFailedChannels: 'retryFailedCommsChannels',
  requestReview: 'requestCommsReview',
  reviewUpdate: 'reviewCommsUpdate',
} as const;

export const COMMS_ADMIN_RESOLVER_KEYS = {
  getCommsSettings: 'getCommsSettings',
  saveCommsSettings: 'saveCommsSettings',
  setCommsSecret: 'setCommsSecret',
} as const;

export type UpdateKind = 'initial' | 'follow-up' | 'final';
export type ChannelId = 'status-internal' | 'status-external' | 'email-jira' | 'email-list' | 'chat';
export type StatuspageStatusName = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type DeliveryState = 'sending' | 'sent' | 'failed';

export interface Gap {
  readonly field: string;
  readonly message: string;
}

/** Exactly what one channel will receive (or received). */
export interface ChannelPreview {
  readonly channel: ChannelId;
  readonly label: string;
  readonly audience: 'internal' | 'external';
  /** Recipients as people read them: a page, a list, a room. */
  readonly to: string;
  readonly subject?: string;
  readonly status?: StatuspageStatusName;
  readonly body: string;
}

/** A channel the administrator has not set up: absent from sending, with a hint. */
export interface MissingChannel {
  readonly channel: ChannelId;
  readonly label: string;
  readonly hint: string;
}

export interface ChannelDeliveryView {
  readonly channel: ChannelId;
  readonly label: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly at: string;
  readonly error?: string;
}

export interface SentUpdateView {
  readonly id: string;
  readonly kind: UpdateKind;
  readonly at: string;
  readonly by: string;
  readonly byName: string;
  readonly approvedBy?: string;
  readonly title: string;
  readonly internal: string;
  readonly external?: string;
  readonly status: StatuspageStatusName;
  readonly nextUpdateAt?: string;
  /** Why it was sent although the completeness check had gaps. */
  readonly overrideReason?: string;
  readonly deliveries: readonly ChannelDeliveryView[];
}

export interface ReviewView {
  readonly id: string;
  readonly kind: UpdateKind;
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly reviewer?: string;
  readonly reviewerName?: string;
  readonly state: 'requested' | 'approved' | 'commented';
  readonly comment?: string;
  readonly internal: string;
  readonly external?: string;
  readonly at: string;
}

export interface ComposerView {
  readonly issueKey: string;
  readonly kind: UpdateKind;
  /** The phase the incident is in, which the panel opens on. */
  readonly suggestedKind: UpdateKind;
  readonly canSend: boolean;
  readonly readOnlyReason?: string;
  readonly title: string;
  readonly externalTitle: string;
  readonly internal: string;
  readonly external: string;
  readonly status: StatuspageStatusName;
  readonly internalGaps: readonly Gap[];
  readonly externalGaps: readonly Gap[];
  readonly nextUpdateAt?: string;
  readonly cadenceMinutes: number;
  readonly previews: readonly ChannelPreview[];
  readonly missing: readonly MissingChannel[];
  readonly approvalRequired: boolean;
  readonly review?: ReviewView;
  readonly history: readonly SentUpdateView[];
  /** When the next update is owed, and whether it is late. */
  readonly nextDue?: { readonly at: string; readonly overdue: boolean };
}

export interface GetComposerPayload {
  readonly kind?: UpdateKind;
}

export interface PreviewUpdatePayload {
  readonly kind: UpdateKind;
  readonly internal: string;
  readonly external: string;
  readonly status?: StatuspageStatusName;
}

export interface PreviewUpdateResult {
  readonly internalGaps: readonly Gap[];
  readonly externalGaps: readonly Gap[];
  readonly nextUpdateAt?: string;
  readonly previews: readonly ChannelPreview[];
  readonly approvalRequired: boolean;
  readonly approved: boolean;
}

export interface SendUpdatePayload extends PreviewUpdatePayload {
  /** Generated once per composed update by the panel, so a retried request or double click sends once. */
  readonly updateId: string;
  readonly overrideReason?: string;
}

export interface RetryFailedChannelsPayload {
  readonly updateId: string;
}

export interface RequestReviewPayload {
  readonly kind: UpdateKind;
  readonly internal: string;
  readonly external: string;
  readonly reviewerAccountId?: string;
}

export interface ReviewUpdatePayload {
  readonly reviewId: string;
  readonly decision: 'approve' | 'comment';
  readonly comment?: string;
}

export interface CommsSettingsDocument {
  readonly statusPages: {
    readonly internal?: { readonly pageId: string; readonly components: Readonly<Record<string, string>> };
    readonly external?: { readonly pageId: string; readonly components: Readonly<Record<string, string>> };
  };
  readonly impactBySeverity: Readonly<Record<'1' | '2' | '3', 'none' | 'minor' | 'major' | 'critical'>>;
  readonly cadenceMinutes: Readonly<Record<'1' | '2' | '3', number>>;
  readonly reminderLeadMinutes: number;
  readonly email: {
    readonly from: string;
    readonly replyTo?: string;
    readonly lists: readonly { readonly name: string; readonly severities: readonly (1 | 2 | 3)[]; readonly jiraGroups: readonly string[]; readonly accountIds: readonly string[]; readonly addresses: readonly string[] }[];
  };
  readonly approvalSeverities: readonly (1 | 2 | 3)[];
}

export interface CommsSecretStatusDocument {
  readonly statuspageInternal: boolean;
  readonly statuspageExternal: boolean;
  readonly sendgrid: boolean;
}

export interface CommsSettingsResult {
  readonly settings: CommsSettingsDocument;
  readonly secrets: CommsSecretStatusDocument;
  readonly products: readonly string[];
}
