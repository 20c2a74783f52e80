/**
 * Checks the admin's draft before it is sent, so every problem shows next to its field at once.
 * Paths use the backend's spelling (`rosters[0].layers[1].timeZone`), so the backend's own refusal
 * lands in the same place. The backend stays the judge: it validates everything again on save.
 */
import type { ConfigurationDocument, RotationLayerDocument } from '../../../src/contracts/configuration';

/** Problems by field path. */
export type FieldErrors = Readonly<Record<string, string>>;

export const UNKNOWN_SERVICE = 'Unknown';
const MAX_ACK_TIMEOUT_MINUTES = 24 * 60;
const MAX_SHIFT_HOURS = 365 * 24;

const projectKeyPattern = /^[A-Z][A-Z0-9_]{1,9}$/;
const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const endTimePattern = /^(?:([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const slackMemberPattern = /^[UW][A-Z0-9]{2,}$/;

/** Whether the browser's time-zone database knows `zone` as an IANA name (Etc/UTC, Europe/Berlin…). */
export function isIanaTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isUrl(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isWholeInRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Shift length in whole hours, from either spelling the document allows; undefined when unreadable. */
export function shiftHours(shiftLength: RotationLayerDocument['shiftLength']): number | undefined {
  if (typeof shiftLength !== 'string') return (shiftLength.days ?? 0) * 24 + (shiftLength.hours ?? 0);
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$/.exec(shiftLength);
  if (match === null || shiftLength === 'P' || shiftLength === 'PT') return undefined;
  return Number(match[1] ?? 0) * 7 * 24 + Number(match[2] ?? 0) * 24 + Number(match[3] ?? 0);
}

/** Every problem the page can see in the draft, by field path; empty when it looks saveable. */
export function checkConfiguration(doc: ConfigurationDocument): FieldErrors {
  const errors: Record<string, string> = {};
  const fail = (path: string, reason: string): void => {
    errors[path] ??= reason;
  };
  const blank = (value: string): boolean => value.trim() === '';

  if (!projectKeyPattern.test(doc.incidentProject.projectKey)) fail('incidentProject.projectKey', 'must be a Jira project key such as HOT');
  if (blank(doc.incidentProject.issueTypeName)) fail('incidentProject.issueTypeName', 'must not be empty');
  if (doc.severityScaleUrl !== undefined && !isUrl(doc.severityScaleUrl, ['http:', 'https:'])) fail('severityScaleUrl', 'must be an http(s) URL');
  doc.supportCases.projectKeys.forEach((key, index) => {
    if (!projectKeyPattern.test(key)) fail(`supportCases.projectKeys[${index}]`, `"${key}" is not a Jira project key`);
  });

  const rosterIds = new Set<string>();
  doc.rosters.forEach((roster, index) => {
    if (blank(roster.id)) fail(`rosters[${index}].id`, 'must not be blank');
    else if (rosterIds.has(roster.id)) fail(`rosters[${index}].id`, `"${roster.id}" is used by another roster`);
    rosterIds.add(roster.id);
  });
  const policyIds = new Set(doc.escalationPolicies.map((policy) => policy.id));

  const serviceNames = new Set<string>();
  doc.services.forEach((service, index) => {
    const path = `services[${index}]`;
    if (blank(service.name)) fail(`${path}.name`, 'must not be empty');
    else if (serviceNames.has(service.name.trim().toLowerCase())) fail(`${path}.name`, `"${service.name}" is listed twice`);
    serviceNames.add(service.name.trim().toLowerCase());
    if (blank(service.owningTeam)) fail(`${path}.owningTeam`, 'must not be empty');
    if (service.rosterId !== undefined && !rosterIds.has(service.rosterId)) fail(`${path}.rosterId`, `roster "${service.rosterId}" does not exist`);
  });
  if (!doc.services.some((service) => service.name === UNKNOWN_SERVICE)) fail('services', `must include "${UNKNOWN_SERVICE}" for reporters who have no idea which service is at fault`);

  const productNames = new Set<string>();
  doc.products.forEach((product, index) => {
    if (blank(product)) fail(`products[${index}]`, 'must not be empty');
    else if (productNames.has(product.trim().toLowerCase())) fail(`products[${index}]`, `"${product}" is listed twice`);
    productNames.add(product.trim().toLowerCase());
  });

  doc.rosters.forEach((roster, index) => {
    const path = `rosters[${index}]`;
    if (blank(roster.name)) fail(`${path}.name`, 'must not be blank');
    if (roster.layers.length === 0) fail(`${path}.layers`, 'must have at least one rotation layer');
    roster.layers.forEach((layer, layerIndex) => {
      const at = `${path}.layers[${layerIndex}]`;
      if (layer.participants.length === 0) fail(`${at}.participants`, 'must list at least one participant');
      if (new Set(layer.participants).size !== layer.participants.length) fail(`${at}.participants`, 'must not list a person twice');
      const hours = shiftHours(layer.shiftLength);
      if (hours === undefined) fail(`${at}.shiftLength`, 'must be whole days and hours');
      else if (hours < 1) fail(`${at}.shiftLength`, 'must be at least one hour');
      else if (hours > MAX_SHIFT_HOURS) fail(`${at}.shiftLength`, 'must be at most 365 days');
      if (!timeOfDayPattern.test(layer.handoffTime)) fail(`${at}.handoffTime`, 'must be a time of day "HH:mm"');
      if (!isIanaTimeZone(layer.timeZone)) fail(`${at}.timeZone`, `"${layer.timeZone}" is not an IANA time zone such as Europe/Berlin`);
      if (!isCalendarDate(layer.startDate)) fail(`${at}.startDate`, 'must be a date "YYYY-MM-DD"');
      (layer.restrictions ?? []).forEach((restriction, restrictionIndex) => {
        const r = `${at}.restrictions[${restrictionIndex}]`;
        if (!timeOfDayPattern.test(restriction.from)) fail(`${r}.from`, 'must be a time of day "HH:mm"');
        if (!endTimePattern.test(restriction.to)) fail(`${r}.to`, 'must be a time of day "HH:mm" (or "24:00")');
        if (restriction.days !== undefined && restriction.days.length === 0) fail(`${r}.days`, 'must name at least one day');
      });
    });
    (roster.overrides ?? []).forEach((override, overrideIndex) => {
      const o = `${path}.overrides[${overrideIndex}]`;
      if (blank(override.accountId)) fail(`${o}.accountId`, 'must name the person on call');
      const start = Date.parse(override.start);
      const end = Date.parse(override.end);
      if (Number.isNaN(start)) fail(`${o}.start`, 'must be a date and time');
      if (Number.isNaN(end)) fail(`${o}.end`, 'must be a date and time');
      else if (!Number.isNaN(start) && end <= start) fail(`${o}.end`, 'must be after start');
    });
    if (roster.escalationPolicyId !== undefined && !policyIds.has(roster.escalationPolicyId)) fail(`${path}.escalationPolicyId`, `escalation policy "${roster.escalationPolicyId}" does not exist`);
  });

  const seenPolicies = new Set<string>();
  doc.escalationPolicies.forEach((policy, index) => {
    const path = `escalationPolicies[${index}]`;
    if (blank(policy.id)) fail(`${path}.id`, 'must not be blank');
    else if (seenPolicies.has(policy.id)) fail(`${path}.id`, `"${policy.id}" is used by another policy`);
    seenPolicies.add(policy.id);
    if (blank(policy.name)) fail(`${path}.name`, 'must not be blank');
    if (policy.repeat !== undefined && !isWholeInRange(policy.repeat, 0, 9)) fail(`${path}.repeat`, 'must be from 0 to 9');
    if (policy.levels.length === 0) fail(`${path}.levels`, 'must have at least one level');
    policy.levels.forEach((level, levelIndex) => {
      const at = `${path}.levels[${levelIndex}]`;
      if (level.targets.length === 0) fail(`${at}.targets`, 'must name at least one roster or person to page');
      if (!isWholeInRange(level.ackTimeoutMinutes, 1, MAX_ACK_TIMEOUT_MINUTES)) fail(`${at}.ackTimeoutMinutes`, `must be a whole number of minutes from 1 to ${MAX_ACK_TIMEOUT_MINUTES}`);
      level.targets.forEach((target, targetIndex) => {
        if (target.kind === 'roster' && !rosterIds.has(target.rosterId)) fail(`${at}.targets[${targetIndex}].rosterId`, `roster "${target.rosterId}" does not exist`);
      });
    });
  });

  if (doc.imoc.rosterId !== undefined && !rosterIds.has(doc.imoc.rosterId)) fail('imoc.rosterId', `roster "${doc.imoc.rosterId}" does not exist`);
  if (!isWholeInRange(doc.imoc.ackTimeoutMinutes, 1, MAX_ACK_TIMEOUT_MINUTES)) fail('imoc.ackTimeoutMinutes', `must be a whole number of minutes from 1 to ${MAX_ACK_TIMEOUT_MINUTES}`);

  for (const [rosterId, channel] of Object.entries(doc.paging.rosterChannels)) {
    if (!rosterIds.has(rosterId)) fail(`paging.rosterChannels.${rosterId}`, `roster "${rosterId}" does not exist`);
    else if (channel.kind === 'webhook' && !isUrl(channel.url, ['https:'])) fail(`paging.rosterChannels.${rosterId}.url`, 'must be an https URL');
  }
  for (const [accountId, channel] of Object.entries(doc.paging.personChannels)) {
    if (channel.kind === 'slack' && !slackMemberPattern.test(channel.slackUserId)) fail(`paging.personChannels.${accountId}.slackUserId`, 'must be a Slack member id such as U024BE7LH');
    if (channel.kind === 'webhook' && !isUrl(channel.url, ['https:'])) fail(`paging.personChannels.${accountId}.url`, 'must be an https URL');
  }
  return errors;
}
