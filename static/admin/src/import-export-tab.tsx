/** The configuration as a JSON file: download it, or replace the configuration with one (checked before anything changes). */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { useState, type ChangeEvent } from 'react';
import type { ExportConfigurationResult, ImportConfigurationResult } from '../../../src/contracts/admin-page';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { describeFailure } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { TextArea } from '../../shared-ui/text-field';
import { Card, SectionIntro } from './editor-kit';
import { exportConfiguration, importConfiguration } from './invokes';

type Export = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; file: ExportConfigurationResult; downloaded: boolean };
type Import = { state: 'idle' } | { state: 'confirming' } | { state: 'importing' } | { state: 'failed'; error: ResolverError };

function download(file: ExportConfigurationResult): boolean {
  try {
    const url = URL.createObjectURL(new Blob([file.json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}

export function ImportExportTab({ isDirty, onImported }: { isDirty: boolean; onImported: (result: ImportConfigurationResult) => void }) {
  const [exported, setExported] = useState<Export>({ state: 'idle' });
  const [json, setJson] = useState('');
  const [imported, setImported] = useState<Import>({ state: 'idle' });

  const runExport = async () => {
    setExported({ state: 'loading' });
    const result = await exportConfiguration();
    setExported(result.ok ? { state: 'ready', file: result.value, downloaded: download(result.value) } : { state: 'failed', error: result.error });
  };

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (file === undefined) return;
    void file.text().then((text) => {
      setJson(text);
      setImported({ state: 'idle' });
    });
  };

  const runImport = async () => {
    if (isDirty && imported.state !== 'confirming') {
      setImported({ state: 'confirming' });
      return;
    }
    setImported({ state: 'importing' });
    const result = await importConfiguration(json);
    if (result.ok) {
      setImported({ state: 'idle' });
      setJson('');
      onImported(result.value);
    } else {
      setImported({ state: 'failed', error: result.error });
    }
  };

  return (
    <Stack space="space.300">
      <SectionIntro title="Import and export">Move the configuration between sites, or keep it under version control. Secrets and site-specific field ids are never exported.</SectionIntro>
      <Card title="Export">
        <Inline space="space.100" alignBlock="center">
          <Button onClick={() => void runExport()} isLoading={exported.state === 'loading'} testId="export-configuration">
            Download configuration
          </Button>
          {exported.state === 'failed' ? <Text color="color.text.danger">{describeFailure(exported.error)}</Text> : null}
          {exported.state === 'ready' ? (
            <Text color="color.text.subtle" role="status">
              {exported.downloaded ? `Downloaded ${exported.file.fileName}. The same JSON is below.` : 'The browser blocked the download: copy the JSON below.'}
            </Text>
          ) : null}
        </Inline>
        {exported.state === 'ready' ? (
          <FormField id="exported-json" label={exported.file.fileName}>
            {(control) => <TextArea {...control} value={exported.file.json} isReadOnly isMonospaced minimumRows={8} maxHeight="40vh" />}
          </FormField>
        ) : null}
      </Card>
      <Card title="Import">
        <Text color="color.text.subtle">Importing replaces the whole configuration. It is checked first: if anything is wrong, nothing changes.</Text>
        <FormField id="import-file" label="Configuration file">
          {(control) => <input {...control} type="file" accept="application/json,.json" onChange={readFile} />}
        </FormField>
        <FormField id="import-json" label="or paste the JSON" error={imported.state === 'failed' && imported.error.code === 'invalid-input' ? describeFailure(imported.error) : undefined}>
          {(control) => (
            <TextArea
              {...control}
              value={json}
              isMonospaced
              minimumRows={8}
              maxHeight="40vh"
              onChange={(event) => {
                setJson(event.currentTarget.value);
                setImported({ state: 'idle' });
              }}
            />
          )}
        </FormField>
        {imported.state === 'failed' && imported.error.code !== 'invalid-input' ? (
          <SectionMessage appearance="error" title="Nothing was imported">
            <Text as="p">{describeFailure(imported.error)}</Text>
          </SectionMessage>
        ) : null}
        {imported.state === 'confirming' ? (
          <SectionMessage appearance="warning" title="You have unsaved changes">
            <Text as="p">Importing replaces them. Select Import again to go ahead, or save your changes first.</Text>
          </SectionMessage>
        ) : null}
        <Inline>
          <Button appearance="primary" onClick={() => void runImport()} isDisabled={json.trim() === ''} isLoading={imported.state === 'importing'} testId="import-configuration">
            Import
          </Button>
        </Inline>
      </Card>
    </Stack>
  );
}
