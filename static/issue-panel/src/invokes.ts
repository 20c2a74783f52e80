/** One typed wrapper per resolver key the panel uses: the cockpit's and the paging ones. */
import {
  COCKPIT_RESOLVER_KEYS as KEYS,
  type AnswerAssessmentPayload,
  type ChangeSeverityPayload,
  type CockpitUpdate,
  type CockpitView,
  type ConcludeExperimentPayload,
  type DelegateRolePayload,
  type EndRolePayload,
  type GetRecentChangesResult,
  type HandOverCommandPayload,
  type RecordTimelineEntryPayload,
  type SearchPeopleResult,
  type SetChannelLinksPayload,
  type SetChatStatusPayload,
  type TakeCommandPayload,
  type TakeCommandResult,
} from '../../../src/contracts/cockpit';
import {
  ISSUE_PANEL_RESOLVER_KEYS as PAGING_KEYS,
  type EscalateIncidentPayload,
  type EscalationTargetsResult,
  type PagingStatusResult,
} from '../../../src/contracts/issue-panel';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';
import { describeFailure } from '../../shared-ui/resolver-result';
import {
  cockpitUpdateSchema,
  cockpitViewSchema,
  escalationTargetsSchema,
  pagingStatusSchema,
  peopleSchema,
  recentChangesSchema,
  takeCommandSchema,
} from './schemas';

type Answer<T> = Promise<ResolverResult<T>>;

export const getCockpit = (): Answer<CockpitView> => callResolver(KEYS.getCockpit, {}, cockpitViewSchema);
export const takeCommand = (payload: TakeCommandPayload): Answer<TakeCommandResult> => callResolver(KEYS.takeCommand, payload, takeCommandSchema);
export const openComms = (): Answer<CockpitUpdate> => callResolver(KEYS.openComms, {}, cockpitUpdateSchema);
export const setChannelLinks = (payload: SetChannelLinksPayload): Answer<CockpitUpdate> => callResolver(KEYS.setChannelLinks, payload, cockpitUpdateSchema);
export const answerAssessment = (payload: AnswerAssessmentPayload): Answer<CockpitUpdate> => callResolver(KEYS.answerAssessment, payload, cockpitUpdateSchema);
export const changeSeverity = (payload: ChangeSeverityPayload): Answer<CockpitUpdate> => callResolver(KEYS.changeSeverity, payload, cockpitUpdateSchema);
export const getRecentChanges = (): Answer<GetRecentChangesResult> => callResolver(KEYS.getRecentChanges, {}, recentChangesSchema);
export const searchPeople = (query: string): Answer<SearchPeopleResult> => callResolver(KEYS.searchPeople, { query }, peopleSchema);

/** People who may be assigned the incident, for the person picker; a refusal rejects with the sentence the picker shows. */
export async function searchAssignable(query: string): Promise<SearchPeopleResult['people']> {
  const result = await searchPeople(query);
  if (!result.ok) throw new Error(describeFailure(result.error));
  return result.value.people;
}
export const delegateRole = (payload: DelegateRolePayload): Answer<CockpitUpdate> => callResolver(KEYS.delegateRole, payload, cockpitUpdateSchema);
export const endRole = (payload: EndRolePayload): Answer<CockpitUpdate> => callResolver(KEYS.endRole, payload, cockpitUpdateSchema);
export const handOverCommand = (payload: HandOverCommandPayload): Answer<CockpitUpdate> => callResolver(KEYS.handOverCommand, payload, cockpitUpdateSchema);
export const recordTimelineEntry = (payload: RecordTimelineEntryPayload): Answer<CockpitUpdate> => callResolver(KEYS.recordTimelineEntry, payload, cockpitUpdateSchema);
export const concludeExperiment = (payload: ConcludeExperimentPayload): Answer<CockpitUpdate> => callResolver(KEYS.concludeExperiment, payload, cockpitUpdateSchema);
export const setChatStatus = (payload: SetChatStatusPayload): Answer<CockpitUpdate> => callResolver(KEYS.setChatStatus, payload, cockpitUpdateSchema);

export const getPagingStatus = (): Answer<PagingStatusResult> => callResolver(PAGING_KEYS.getPagingStatus, {}, pagingStatusSchema);
export const acknowledgePage = (episodeId?: string): Answer<PagingStatusResult> =>
  callResolver(PAGING_KEYS.acknowledgePage, episodeId === undefined ? {} : { episodeId }, pagingStatusSchema);
export const escalateIncident = (payload: EscalateIncidentPayload): Answer<PagingStatusResult> => callResolver(PAGING_KEYS.escalateIncident, payload, pagingStatusSchema);
export const getEscalationTargets = (): Answer<EscalationTargetsResult> => callResolver(PAGING_KEYS.getEscalationTargets, {}, escalationTargetsSchema);
