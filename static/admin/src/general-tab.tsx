/** Where incidents live, the severity scale's link, support-case projects and the IMOC. */
import { Stack } from '@atlaskit/primitives/compiled';
import { FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { Select } from '../../shared-ui/select';
import { Textfield } from '../../shared-ui/text-field';
import { numberFrom, withOptional } from './draft-edits';
import { Card, errorAt, SectionIntro, type EditorProps } from './editor-kit';

export function GeneralTab({ draft, onChange, errors }: EditorProps) {
  const rosterOptions = draft.rosters.map((roster) => ({ label: roster.name || roster.id, value: roster.id }));
  const supportProjects = draft.supportCases.projectKeys.join(', ');
  const supportError = Object.entries(errors).find(([path]) => path.startsWith('supportCases'))?.[0];
  return (
    <Stack space="space.300">
      <SectionIntro title="General">Where incidents are declared, and who is paged when nothing more specific applies.</SectionIntro>
      <Card title="Incident project">
        <Columns template="1fr 1fr" gap="200">
          <FormField id="incidentProject.projectKey" label="Project key" isRequired help="Incidents are issues in this project, e.g. HOT." error={errorAt(errors, 'incidentProject.projectKey')}>
            {(control) => (
              <Textfield {...control} value={draft.incidentProject.projectKey} onChange={(event) => onChange({ ...draft, incidentProject: { ...draft.incidentProject, projectKey: event.currentTarget.value.toUpperCase() } })} />
            )}
          </FormField>
          <FormField id="incidentProject.issueTypeName" label="Issue type" isRequired error={errorAt(errors, 'incidentProject.issueTypeName')}>
            {(control) => (
              <Textfield {...control} value={draft.incidentProject.issueTypeName} onChange={(event) => onChange({ ...draft, incidentProject: { ...draft.incidentProject, issueTypeName: event.currentTarget.value } })} />
            )}
          </FormField>
        </Columns>
        <FormField id="severityScaleUrl" label="Severity scale page" help="The Severity field and the Declare incident page link here." error={errorAt(errors, 'severityScaleUrl')}>
          {(control) => (
            <Textfield
              {...control}
              type="url"
              placeholder="https://wiki.example.com/severity-scale"
              value={draft.severityScaleUrl ?? ''}
              onChange={(event) => onChange(withOptional(draft, 'severityScaleUrl', event.currentTarget.value.trim() === '' ? undefined : event.currentTarget.value.trim()))}
            />
          )}
        </FormField>
        <FormField
          id="supportCases.projectKeys"
          label="Support-case projects"
          help="Issues labelled with an incident's key in these projects count as its support cases. Leave empty for any other project."
          error={supportError === undefined ? undefined : errorAt(errors, supportError)}
        >
          {(control) => (
            <Textfield
              {...control}
              placeholder="SUP, HELP"
              key={supportProjects}
              defaultValue={supportProjects}
              onBlur={(event) =>
                onChange({
                  ...draft,
                  supportCases: { projectKeys: event.currentTarget.value.split(/[\s,]+/).map((key) => key.trim().toUpperCase()).filter((key) => key !== '') },
                })
              }
            />
          )}
        </FormField>
      </Card>
      <Card title="Incident manager on call (IMOC)">
        <Columns template="2fr 1fr" gap="200">
          <FormField id="imoc.rosterId" label="IMOC roster" help="The global catch-all roster: paged for Unknown services, services without a roster, and as every policy's final level." error={errorAt(errors, 'imoc.rosterId')}>
            {(control) => (
              <Select
                inputId={control.id}
                options={rosterOptions}
                isClearable
                value={rosterOptions.find((option) => option.value === draft.imoc.rosterId) ?? null}
                onChange={(option) => onChange({ ...draft, imoc: withOptional(draft.imoc, 'rosterId', option?.value) })}
                isInvalid={control.isInvalid}
                placeholder={rosterOptions.length === 0 ? 'Add a roster first' : 'Choose the IMOC roster'}
              />
            )}
          </FormField>
          <FormField id="imoc.ackTimeoutMinutes" label="Acknowledgement timeout (minutes)" isRequired error={errorAt(errors, 'imoc.ackTimeoutMinutes')}>
            {(control) => (
              <Textfield
                {...control}
                type="number"
                min={1}
                max={1440}
                value={Number.isNaN(draft.imoc.ackTimeoutMinutes) ? '' : String(draft.imoc.ackTimeoutMinutes)}
                onChange={(event) => onChange({ ...draft, imoc: { ...draft.imoc, ackTimeoutMinutes: numberFrom(event.currentTarget.value) } })}
              />
            )}
          </FormField>
        </Columns>
      </Card>
    </Stack>
  );
}
