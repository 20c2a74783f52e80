/**
 * The create screen, drawn from Jira's createmeta for the chosen project and issue type: every
 * field gets the input its schema calls for, Jira's own validation errors land beside the fields,
 * and a created issue opens at `/browse/<KEY>`. Shown as a modal (the Create button) or a page.
 */
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { DatePicker, DateTimePicker } from '@atlaskit/datetime-picker';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Modal, { ModalBody, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select, { AsyncSelect } from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useEffect, useMemo, useState } from 'react';
import { jira, type CreateField, type JiraUser } from '../api/jira';
import { describeError, HttpError, requestJson } from '../api/http';
import * as z from 'zod/mini';
import { textToAdf } from '../components/adf-view';
import { navigate } from '../router';
import { useAsync } from '../use-async';
import { allowedId, allowedLabel, initialInput, InputError, inputKind, isHiddenOnCreate, requestValue, type InputValue } from './create-field-model';

interface Option {
  label: string;
  value: string;
}

const fieldHelp = z.object({ help: z.record(z.string(), z.string()) });

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400', maxWidth: '720px' });

function userOption(user: JiraUser): Option {
  return { label: user.displayName ?? user.accountId, value: user.accountId };
}

async function searchUsers(query: string): Promise<Option[]> {
  return (await jira.userSearch(query)).filter((user) => user.accountType !== 'app').map(userOption);
}

function FieldInput({ field, value, onChange, inputId }: { field: CreateField; value: InputValue; onChange: (value: InputValue) => void; inputId: string }) {
  const kind = inputKind(field);
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : [];
  const options: Option[] = (field.allowedValues ?? []).map((allowed) => ({ label: allowedLabel(allowed), value: allowedId(allowed) }));
  const [known, setKnown] = useState<Option[]>([]);
  switch (kind) {
    case 'richText':
      return <TextArea id={inputId} value={text} onChange={(event) => onChange(event.currentTarget.value)} minimumRows={4} testId={`field-${field.fieldId}`} />;
    case 'number':
      return <Textfield id={inputId} type="number" value={text} onChange={(event) => onChange(event.currentTarget.value)} testId={`field-${field.fieldId}`} />;
    case 'select':
      return (
        <Select<Option>
          inputId={inputId}
          options={options}
          value={options.find((option) => option.value === text) ?? null}
          onChange={(option) => onChange(option?.value ?? '')}
          isClearable={!field.required}
          placeholder="Select…"
          testId={`field-${field.fieldId}`}
        />
      );
    case 'multiSelect':
      return (
        <Select<Option, true>
          inputId={inputId}
          options={options}
          isMulti
          value={options.filter((option) => list.includes(option.value))}
          onChange={(selected) => onChange(selected.map((option) => option.value))}
          placeholder="Select…"
          testId={`field-${field.fieldId}`}
        />
      );
    case 'checkboxes':
      return (
        <Stack space="space.050" testId={`field-${field.fieldId}`}>
          {options.map((option) => (
            <Checkbox
              key={option.value}
              label={option.label}
              value={option.value}
              isChecked={list.includes(option.value)}
              onChange={(event) => onChange(event.currentTarget.checked ? [...list, option.value] : list.filter((item) => item !== option.value))}
            />
          ))}
        </Stack>
      );
    case 'user':
    case 'users': {
      const selected = kind === 'user' ? (text === '' ? [] : [text]) : list;
      const selectedOptions = selected.map((id) => known.find((option) => option.value === id) ?? { label: id, value: id });
      return (
        <AsyncSelect<Option, boolean>
          inputId={inputId}
          isMulti={kind === 'users'}
          defaultOptions
          cacheOptions
          loadOptions={async (query: string) => {
            const found = await searchUsers(query);
            setKnown((previous) => [...previous, ...found.filter((option) => !previous.some((item) => item.value === option.value))]);
            return found;
          }}
          value={kind === 'user' ? (selectedOptions[0] ?? null) : selectedOptions}
          onChange={(selection) => {
            if (Array.isArray(selection)) onChange(selection.map((option: Option) => option.value));
            else onChange(selection === null ? '' : (selection as Option).value);
          }}
          isClearable
          placeholder="Choose someone…"
          testId={`field-${field.fieldId}`}
        />
      );
    }
    case 'date':
      return <DatePicker id={inputId} value={text} onChange={(next) => onChange(next)} placeholder="Select a date" testId={`field-${field.fieldId}`} />;
    case 'datetime':
      return (
        <DateTimePicker
          id={inputId}
          value={text}
          onChange={(next) => onChange(next)}
          datePickerProps={{ placeholder: 'Select a date' }}
          timePickerProps={{ placeholder: 'Time' }}
          testId={`field-${field.fieldId}`}
        />
      );
    case 'labels':
      return (
        <Textfield id={inputId} value={text} onChange={(event) => onChange(event.currentTarget.value)} placeholder="Separate values with spaces" testId={`field-${field.fieldId}`} />
      );
    case 'json':
      return <TextArea id={inputId} value={text} onChange={(event) => onChange(event.currentTarget.value)} minimumRows={2} placeholder="JSON" testId={`field-${field.fieldId}`} />;
    case 'text':
      return <Textfield id={inputId} value={text} onChange={(event) => onChange(event.currentTarget.value)} testId={`field-${field.fieldId}`} />;
  }
}

interface CreateState {
  projectKey: string;
  issueTypeId: string;
}

/** The form itself; `onCreated` receives the new issue's key. */
function CreateIssueForm({ onCreated, onCancel, footer, accountId }: { onCreated: (key: string) => void; onCancel?: () => void; footer: 'modal' | 'page'; accountId: string }) {
  const [projects] = useAsync(() => jira.projects(), []);
  const [choice, setChoice] = useState<CreateState>({ projectKey: new URLSearchParams(window.location.search).get('project') ?? '', issueTypeId: '' });
  const projectKey = choice.projectKey !== '' ? choice.projectKey : projects.status === 'loaded' ? (projects.value[0]?.key ?? '') : '';
  const [issueTypes] = useAsync(() => (projectKey === '' ? Promise.resolve([]) : jira.createMetaIssueTypes(projectKey)), [projectKey]);
  const issueTypeId =
    choice.issueTypeId !== '' ? choice.issueTypeId : issueTypes.status === 'loaded' ? (issueTypes.value.find((type) => type.subtask !== true)?.id ?? '') : '';
  const [fields] = useAsync(() => (projectKey === '' || issueTypeId === '' ? Promise.resolve([]) : jira.createMetaFields(projectKey, issueTypeId)), [projectKey, issueTypeId]);
  const [help] = useAsync(
    () =>
      projectKey === '' || issueTypeId === ''
        ? Promise.resolve<Record<string, string>>({})
        : requestJson(`/__web/field-help?projectKey=${encodeURIComponent(projectKey)}&issueTypeId=${encodeURIComponent(issueTypeId)}`, fieldHelp).then((answer) => answer.help),
    [projectKey, issueTypeId],
  );
  const helpOf = (fieldId: string): string | undefined => (help.status === 'loaded' ? help.value[fieldId] : undefined);
  const visible = useMemo(() => (fields.status === 'loaded' ? fields.value.filter((field) => !isHiddenOnCreate(field)) : []), [fields]);
  const [inputs, setInputs] = useState<Record<string, InputValue>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // As in Jira, the person creating the issue is its reporter unless they choose someone else.
    const start = (field: CreateField): InputValue => {
      const initial = initialInput(field);
      return field.schema.system === 'reporter' && initial === '' ? accountId : initial;
    };
    setInputs(Object.fromEntries(visible.map((field) => [field.fieldId, start(field)])));
    setErrors({});
    setFormError(undefined);
  }, [visible, accountId]);

  const submit = async () => {
    setSaving(true);
    setErrors({});
    setFormError(undefined);
    try {
      const values: Record<string, unknown> = { project: { key: projectKey }, issuetype: { id: issueTypeId } };
      for (const field of visible) {
        const value = requestValue(field, inputs[field.fieldId], textToAdf);
        if (value !== undefined) values[field.fieldId] = value;
      }
      const created = await jira.createIssue(values);
      onCreated(created.key);
    } catch (error) {
      if (error instanceof InputError) setErrors({ [error.fieldId]: error.message });
      else if (error instanceof HttpError) {
        setErrors(error.fieldErrors);
        setFormError(error.messages.length > 0 ? error.messages.join(' ') : Object.keys(error.fieldErrors).length > 0 ? 'Some fields need attention.' : error.summary);
      } else setFormError(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  const projectOptions: Option[] = projects.status === 'loaded' ? projects.value.map((project) => ({ label: `${project.name} (${project.key})`, value: project.key })) : [];
  const typeOptions: Option[] = issueTypes.status === 'loaded' ? issueTypes.value.map((type) => ({ label: type.name, value: type.id })) : [];
  const buttons = (
    <Inline space="space.100" alignInline="end">
      {onCancel === undefined ? null : (
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      )}
      <Button appearance="primary" type="submit" isDisabled={saving || visible.length === 0} testId="create-submit">
        {saving ? 'Creating…' : 'Create'}
      </Button>
    </Inline>
  );

  return (
    <form
      id="create-issue-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack space="space.200">
        <Text color="color.text.subtle">Required fields are marked with an asterisk *</Text>
        {formError === undefined ? null : (
          <SectionMessage appearance="error" title="The issue wasn't created" testId="create-error">
            <Text as="p">{formError}</Text>
          </SectionMessage>
        )}
        {projects.status === 'failed' ? <Text color="color.text.danger">{describeError(projects.error)}</Text> : null}
        {projects.status === 'loaded' && projects.value.length === 0 ? (
          <SectionMessage appearance="warning" title="No projects">
            <Text as="p">You can&apos;t create issues in any project.</Text>
          </SectionMessage>
        ) : null}
        <Box>
          <Label htmlFor="create-project">Project *</Label>
          <Select<Option>
            inputId="create-project"
            options={projectOptions}
            value={projectOptions.find((option) => option.value === projectKey) ?? null}
            onChange={(option) => setChoice({ projectKey: option?.value ?? '', issueTypeId: '' })}
            isLoading={projects.status === 'loading'}
            testId="create-project"
          />
        </Box>
        <Box>
          <Label htmlFor="create-issuetype">Issue type *</Label>
          <Select<Option>
            inputId="create-issuetype"
            options={typeOptions}
            value={typeOptions.find((option) => option.value === issueTypeId) ?? null}
            onChange={(option) => setChoice({ projectKey, issueTypeId: option?.value ?? '' })}
            isLoading={issueTypes.status === 'loading'}
            testId="create-issuetype"
          />
        </Box>
        {issueTypes.status === 'failed' ? <Text color="color.text.danger">{describeError(issueTypes.error)}</Text> : null}
        {fields.status === 'failed' ? <Text color="color.text.danger">{describeError(fields.error)}</Text> : null}
        {fields.status === 'loading' && issueTypeId !== '' ? <Text color="color.text.subtle">Loading fields…</Text> : null}
        {visible.map((field) => {
          const inputId = `create-field-${field.fieldId}`;
          const error = errors[field.fieldId];
          return (
            <Box key={field.fieldId} testId={`create-row-${field.fieldId}`}>
              <Label htmlFor={inputId}>{`${field.name}${field.required ? ' *' : ''}`}</Label>
              <FieldInput field={field} inputId={inputId} value={inputs[field.fieldId] ?? initialInput(field)} onChange={(value) => setInputs((previous) => ({ ...previous, [field.fieldId]: value }))} />
              {error === undefined ? null : <ErrorMessage testId={`create-error-${field.fieldId}`}>{error}</ErrorMessage>}
              {error === undefined && inputKind(field) === 'labels' ? <HelperMessage>Separate values with spaces or commas.</HelperMessage> : null}
              {error === undefined && helpOf(field.fieldId) !== undefined ? <HelperMessage testId={`create-help-${field.fieldId}`}>{helpOf(field.fieldId)}</HelperMessage> : null}
            </Box>
          );
        })}
        {footer === 'page' ? buttons : null}
      </Stack>
      {footer === 'modal' ? <Box paddingBlockStart="space.300">{buttons}</Box> : null}
    </form>
  );
}

export function CreateIssueModal({ onClose, accountId }: { onClose: () => void; accountId: string }) {
  return (
    <ModalTransition>
      <Modal onClose={onClose} width="large" testId="create-modal" shouldScrollInViewport>
        <ModalHeader>
          <ModalTitle>Create issue</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <CreateIssueForm
            accountId={accountId}
            footer="modal"
            onCancel={onClose}
            onCreated={(key) => {
              onClose();
              navigate(`/browse/${key}`);
            }}
          />
        </ModalBody>
      </Modal>
    </ModalTransition>
  );
}

export function CreateIssuePage({ accountId }: { accountId: string }) {
  return (
    <Box xcss={pageStyles} testId="create-page">
      <Stack space="space.300">
        <Heading size="large">Create issue</Heading>
        <CreateIssueForm accountId={accountId} footer="page" onCreated={(key) => navigate(`/browse/${key}`)} />
      </Stack>
    </Box>
  );
}
