// Instants cross this boundary as ISO-8601 strings with an explicit offset; results are UTC
// ("2024-03-31T07:00:00.000Z"). Every function is pure: the current time is an argument.
export type { EscalationLevel, EscalationPolicy, EscalationTarget } from './escalation-policy';
export { parseEscalationPolicy, withImocFinalLevel } from './escalation-policy';
export type { EscalationRecord, EscalationStep, PageRecord } from './escalation-step';
export { nextEscalationStep } from './escalation-step';
export type { Override } from './override';
export type { ResolvedTargets, UnresolvedRoster } from './resolve-targets';
export { resolveTargets } from './resolve-targets';
export type { Restriction, Weekday } from './restrictions';
export type { Roster } from './roster';
export { parseRoster } from './roster';
export { addOverride, removeOverride, takeShift } from './roster-changes';
export type { RotationLayer, ShiftLength } from './rotation-layer';
export type { OnCallShift, OnCallSource } from './schedule';
export { nextShifts, whoIsOnCall } from './schedule';
