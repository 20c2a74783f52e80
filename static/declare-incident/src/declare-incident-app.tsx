/** The "Declare incident" page: the handbook's fields with their help texts, then the new incident's key. */
import { Checkbox } from '@atlaskit/checkbox';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { router, showFlag } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { DeclareIncidentResult, GetDeclareFormResult } from '../../../src/contracts/declare-incident-page';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { Fieldset, FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { ErrorState, ForbiddenState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure } from '../../shared-ui/resolver-result';
import { SectionMessage, SectionMessageAction } from '../../shared-ui/section-message';
import { Select } from '../../shared-ui/select';
import { TextArea, Textfield } from '../../shared-ui/text-field';
import { checkDeclareForm, EMPTY_DECLARE_FORM, serverErrors, SUMMARY_MAX_LENGTH, toggleProduct, type DeclareFormErrors, type DeclareFormValues } from './declare-form';
import { declareIncident, getDeclareForm } from './invokes';
import { SeverityRadioGroup, SeverityScale } from './severity-choice';
import { RehearseForm } from '../../shared-ui/rehearse-form';
import { PersonPicker } from '../../admin/src/people-picker';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; form: GetDeclareFormResult };

export function DeclareIncidentApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [declared, setDeclared] = useState<DeclareIncidentResult | null>(null);
  // "Rehearse" starts a drill instead: a real incident issue marked [DRILL], driven by a scenario.
  const [rehearsing, setRehearsing] = useState(false);

  const fetchForm = useCallback(() => {
    setLoad({ state: 'loading' });
    void getDeclareForm().then((result) => setLoad(result.ok ? { state: 'ready', form: result.value } : { state: 'failed', error: result.error }));
  }, []);
  useEffect(fetchForm, [fetchForm]);

  if (load.state === 'loading') return <LoadingState label="Loading the incident form" />;
  if (load.state === 'failed') {
    if (load.error.code === 'forbidden') {
      return <ForbiddenState title="You can't declare incidents here">{load.error.message}</ForbiddenState>;
    }
    return <ErrorState title="The incident form could not be loaded" message={describeFailure(load.error)} onRetry={fetchForm} />;
  }
  if (!load.form.canDeclare) {
    return <ForbiddenState title="You can't declare incidents yet">{load.form.askToGrant ?? 'You need permission to create issues in the incident project.'}</ForbiddenState>;
  }
  return (
    <div className="ir-page">
      <Box paddingBlockEnd="space.200">
        <Inline space="space.100">
          <Button appearance={rehearsing ? 'default' : 'primary'} onClick={() => setRehearsing(false)} testId="mode-declare" aria-pressed={!rehearsing}>
            Declare an incident
          </Button>
          <Button appearance={rehearsing ? 'primary' : 'default'} onClick={() => setRehearsing(true)} testId="mode-rehearse" aria-pressed={rehearsing}>
            Rehearse (drill)
          </Button>
        </Inline>
      </Box>
      {rehearsing ? (
        <RehearseForm personPicker={(props) => <PersonPicker {...props} />} onOpenIssue={openIssue} />
      ) : declared === null ? (
        <DeclareForm form={load.form} onDeclared={setDeclared} />
      ) : (
        <Declared result={declared} onDeclareAnother={() => setDeclared(null)} />
      )}
    </div>
  );
}

function openIssue(issueKey: string): void {
  void router.navigate({ target: 'issue', issueKey }).catch(() => router.open(`/browse/${issueKey}`));
}

function Declared({ result, onDeclareAnother }: { result: DeclareIncidentResult; onDeclareAnother: () => void }) {
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Box ref={heading} tabIndex={-1} testId="declared">
      <SectionMessage
        appearance="success"
        title={`Incident ${result.issueKey} declared`}
        actions={[
          <SectionMessageAction
            key="open"
            href={`/browse/${result.issueKey}`}
            onClick={(event) => {
              // The host navigates the whole page; the frame itself must not follow the link.
              event.preventDefault();
              openIssue(result.issueKey);
            }}
          >
            {`Open ${result.issueKey}`}
          </SectionMessageAction>,
          <SectionMessageAction key="again" onClick={onDeclareAnother}>
            Declare another incident
          </SectionMessageAction>,
        ]}
      >
        <Stack space="space.100">
          <Text as="p">
            Use <Text weight="bold" testId="declared-key">{result.issueKey}</Text> in every message about this incident: it names the chat room, and responders use it to find the incident.
          </Text>
          <Text as="p">If you chose Sev 1 or Sev 2, the on-call incident manager is being paged now.</Text>
        </Stack>
      </SectionMessage>
    </Box>
  );
}

type Submission = { state: 'idle' } | { state: 'sending' } | { state: 'failed'; error: ResolverError };

function DeclareForm({ form, onDeclared }: { form: GetDeclareFormResult; onDeclared: (result: DeclareIncidentResult) => void }) {
  const [values, setValues] = useState<DeclareFormValues>(EMPTY_DECLARE_FORM);
  const [errors, setErrors] = useState<DeclareFormErrors>({});
  const [submission, setSubmission] = useState<Submission>({ state: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof DeclareFormValues>(field: K, value: DeclareFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A field's error goes as soon as the person changes it; the rest stay until the next submit.
    setErrors((current) => {
      const { [field]: _gone, ...rest } = current;
      return rest;
    });
  };
  const focusFirstError = () => {
    window.setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submission.state === 'sending') return;
    const check = checkDeclareForm(values, form);
    if (!check.ok) {
      setErrors(check.errors);
      focusFirstError();
      return;
    }
    setSubmission({ state: 'sending' });
    const result = await declareIncident(check.payload);
    if (result.ok) {
      showFlag({ id: `declared-${result.value.issueKey}`, title: `${result.value.issueKey} declared`, type: 'success', isAutoDismiss: true });
      onDeclared(result.value);
      return;
    }
    const fieldErrors = serverErrors(result.error);
    setErrors(fieldErrors);
    setSubmission(Object.keys(fieldErrors).length > 0 ? { state: 'idle' } : { state: 'failed', error: result.error });
    focusFirstError();
  };

  const selectedSeverity = form.severities.find((choice) => choice.level === values.severity);
  const sending = submission.state === 'sending';
  const serviceOptions = form.services.map((service) => ({ label: service, value: service }));
  const openScale = form.severityScaleUrl === undefined ? undefined : () => void router.open(form.severityScaleUrl ?? '');

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-label="Declare incident" data-testid="declare-form">
      <Stack space="space.300">
        <Text color="color.text.subtle">
          Creates an incident in {form.projectKey}. Its issue key is what everyone uses to find the incident, its chat room and its updates.
        </Text>

        {submission.state === 'failed' ? (
          <Box testId="declare-failure">
            <SectionMessage appearance="error" title={submission.error.code === 'forbidden' ? "You can't create incidents" : 'The incident was not declared'}>
              <Text as="p">{describeFailure(submission.error)}</Text>
            </SectionMessage>
          </Box>
        ) : null}

        <FormField id="summary" label="Summary" isRequired help={form.help.summary} error={errors.summary}>
          {(control) => (
            <Textfield
              {...control}
              name="summary"
              value={values.summary}
              maxLength={SUMMARY_MAX_LENGTH + 50}
              onChange={(event) => set('summary', event.currentTarget.value)}
              placeholder={form.help.summary}
              autoFocus
            />
          )}
        </FormField>

        <FormField id="description" label="Description" isRequired help={form.help.description} error={errors.description}>
          {(control) => (
            <TextArea {...control} name="description" value={values.description} minimumRows={4} resize="vertical" onChange={(event) => set('description', event.currentTarget.value)} />
          )}
        </FormField>

        <Columns template="minmax(0, 3fr) minmax(0, 2fr)" gap="300">
          <Stack space="space.100">
            <FormField
              id="severity"
              label={<span id="severity-label">Severity</span>}
              isRequired
              help={
                <Inline space="space.050" shouldWrap>
                  <span>{form.help.severity}</span>
                  {openScale === undefined ? null : (
                    <a
                      href={form.severityScaleUrl}
                      onClick={(event) => {
                        event.preventDefault();
                        openScale();
                      }}
                    >
                      Severity scale
                    </a>
                  )}
                </Inline>
              }
              error={errors.severity}
            >
              {(control) => (
                <SeverityRadioGroup
                  name="severity"
                  choices={form.severities}
                  value={values.severity}
                  onChange={(level) => set('severity', level)}
                  isInvalid={control.isInvalid}
                  {...(control['aria-describedby'] === undefined ? {} : { describedBy: control['aria-describedby'] })}
                />
              )}
            </FormField>
            {selectedSeverity?.pages === true ? (
              <Box testId="paging-warning">
                <SectionMessage appearance="warning" title={`${selectedSeverity.label} pages people right now`}>
                  <Text as="p">{form.help.severity}</Text>
                </SectionMessage>
              </Box>
            ) : null}
          </Stack>
          <SeverityScale choices={form.severities} {...(openScale === undefined ? {} : { onOpenScale: openScale })} />
        </Columns>

        <FormField id="faultyService" label="Faulty service" isRequired help={form.help.faultyService} error={errors.faultyService}>
          {(control) => (
            <Select
              inputId={control.id}
              name="faultyService"
              options={serviceOptions}
              value={serviceOptions.find((option) => option.value === values.faultyService) ?? null}
              onChange={(option) => set('faultyService', option?.value ?? null)}
              isInvalid={control.isInvalid}
              {...(control['aria-describedby'] === undefined ? {} : { descriptionId: control['aria-describedby'] })}
              placeholder="Choose a service"
              testId="faulty-service"
            />
          )}
        </FormField>

        <Fieldset legend="Affected products">
          <Stack space="space.050">
            <Text color="color.text.subtle" id="affectedProducts-help">
              {form.help.affectedProducts}
            </Text>
            {form.products.length === 0 ? <Text color="color.text.subtlest">No products are configured yet.</Text> : null}
            <Inline space="space.200" shouldWrap>
              {form.products.map((product) => (
                <Checkbox
                  key={product}
                  name="affectedProducts"
                  value={product}
                  label={product}
                  isChecked={values.affectedProducts.includes(product)}
                  onChange={(event) => set('affectedProducts', toggleProduct(values.affectedProducts, product, event.currentTarget.checked))}
                  isInvalid={errors.affectedProducts !== undefined}
                  testId={`product-${product}`}
                />
              ))}
            </Inline>
            {errors.affectedProducts === undefined ? null : (
              <Text color="color.text.danger" testId="affectedProducts-error">
                {errors.affectedProducts}
              </Text>
            )}
          </Stack>
        </Fieldset>

        <FormField id="impactStart" label="Impact start (your time zone)" help={form.help.impactStart} error={errors.impactStart}>
          {(control) => (
            <Textfield {...control} name="impactStart" type="datetime-local" value={values.impactStart} onChange={(event) => set('impactStart', event.currentTarget.value)} width="medium" />
          )}
        </FormField>

        <Inline space="space.100" alignBlock="center">
          <Button type="submit" appearance="primary" isLoading={sending} testId="declare-submit">
            Declare incident
          </Button>
          {sending ? (
            <Text color="color.text.subtle" role="status">
              Creating the incident…
            </Text>
          ) : null}
        </Inline>
      </Stack>
    </form>
  );
}
