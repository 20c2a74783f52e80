/** The Declare incident form as data: what the person typed, what is wrong with it, and the payload it becomes. */
import type { SeverityLevel } from '../../../src/contracts/configuration';
import type { DeclareIncidentPayload, GetDeclareFormResult } from '../../../src/contracts/declare-incident-page';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { reasonOf } from '../../shared-ui/resolver-result';

export interface DeclareFormValues {
  readonly summary: string;
  readonly description: string;
  readonly severity: SeverityLevel | null;
  readonly faultyService: string | null;
  readonly affectedProducts: readonly string[];
  /** A `datetime-local` value in the reporter's time zone; empty when unknown. */
  readonly impactStart: string;
}

export type DeclareFormField = keyof DeclareFormValues;
export type DeclareFormErrors = Partial<Record<DeclareFormField, string>>;

export const SUMMARY_MAX_LENGTH = 255;

/** How far ahead an impact start may be, as the backend allows for reporters' clocks running fast. */
const CLOCK_SKEW_MS = 2 * 60_000;

export const EMPTY_DECLARE_FORM: DeclareFormValues = { summary: '', description: '', severity: null, faultyService: null, affectedProducts: [], impactStart: '' };

/** A `datetime-local` value as an ISO-8601 instant; undefined when empty, null when it is not a date and time. */
export function impactStartInstant(value: string): string | undefined | null {
  if (value.trim() === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export type DeclareFormCheck = { readonly ok: true; readonly payload: DeclareIncidentPayload } | { readonly ok: false; readonly errors: DeclareFormErrors };

/** Checks the form before it is sent, with the messages a reporter needs to fix it; the backend checks again. */
export function checkDeclareForm(values: DeclareFormValues, form: GetDeclareFormResult, now: number = Date.now()): DeclareFormCheck {
  const errors: DeclareFormErrors = {};
  const summary = values.summary.trim();
  const description = values.description.trim();
  if (summary === '') errors.summary = "Say what's wrong in a few words, e.g. \"Bitbucket pushes fail for all customers\".";
  else if (summary.length > SUMMARY_MAX_LENGTH) errors.summary = `Keep the summary to ${SUMMARY_MAX_LENGTH} characters or fewer (it has ${summary.length}).`;
  if (description === '') errors.description = 'Describe the impact on customers and how responders can reach you.';
  if (values.severity === null) errors.severity = 'Choose a severity. If unsure, pick the higher one: it can be lowered later.';
  else if (!form.severities.some((choice) => choice.level === values.severity)) errors.severity = 'Choose one of the listed severities.';
  if (values.faultyService === null) errors.faultyService = 'Choose the faulty service, or "Unknown" if you have no idea.';
  else if (!form.services.includes(values.faultyService)) errors.faultyService = 'Choose one of the listed services.';
  const unknownProducts = values.affectedProducts.filter((product) => !form.products.includes(product));
  if (unknownProducts.length > 0) errors.affectedProducts = `${unknownProducts.join(', ')} is not a configured product.`;
  const impactStart = impactStartInstant(values.impactStart);
  if (impactStart === null) errors.impactStart = 'Enter the date and time customers were first affected, or leave it empty if unknown.';
  else if (impactStart !== undefined && Date.parse(impactStart) > now + CLOCK_SKEW_MS) errors.impactStart = 'Impact start cannot be in the future. Leave it empty if unknown.';
  if (Object.keys(errors).length > 0 || values.severity === null || values.faultyService === null) return { ok: false, errors };
  return {
    ok: true,
    payload: {
      summary,
      description,
      severity: values.severity,
      faultyService: values.faultyService,
      // The form's order, not the order of clicks, so the issue lists products as the admin configured them.
      affectedProducts: form.products.filter((product) => values.affectedProducts.includes(product)),
      ...(impactStart === undefined || impactStart === null ? {} : { impactStart }),
    },
  };
}

/** The labels the form shows, also used to word the backend's reasons as sentences. */
export const DECLARE_FIELD_LABELS: Readonly<Record<DeclareFormField, string>> = {
  summary: 'Summary',
  description: 'Description',
  severity: 'Severity',
  faultyService: 'Faulty service',
  affectedProducts: 'Affected products',
  impactStart: 'Impact start',
};

const formFields = Object.keys(DECLARE_FIELD_LABELS) as DeclareFormField[];

/** The form field a backend refusal names (`affectedProducts[1]` belongs to Affected products), or undefined. */
export function fieldOfServerError(error: ResolverError): DeclareFormField | undefined {
  if (error.code !== 'invalid-input' || error.field === undefined) return undefined;
  const root = /^[A-Za-z]+/.exec(error.field)?.[0];
  return formFields.find((field) => field === root);
}

/** The errors to show after the backend refused the declaration: next to its field when it names one. */
export function serverErrors(error: ResolverError): DeclareFormErrors {
  const field = fieldOfServerError(error);
  if (field === undefined) return {};
  return { [field]: `${DECLARE_FIELD_LABELS[field]} ${reasonOf(error)}.`.replace(/\.\.$/, '.') };
}

/** Adds or removes a product, keeping each product at most once. */
export function toggleProduct(selected: readonly string[], product: string, checked: boolean): readonly string[] {
  const without = selected.filter((item) => item !== product);
  return checked ? [...without, product] : without;
}
