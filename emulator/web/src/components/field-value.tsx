/** Shows one issue field's value according to its schema, as the issue view's details do. */
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { FieldSchema } from '../api/jira';
import { AdfView } from './adf-view';
import { fieldText, formatDate, formatDateTime, IconName, UserView } from './issue-bits';

function isAdfDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc';
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function FieldValue({ value, schema, timeZone }: { value: unknown; schema: FieldSchema | undefined; timeZone?: string }) {
  if (isEmptyValue(value)) return <Text color="color.text.subtlest">None</Text>;
  if (isAdfDocument(value)) return <AdfView document={value} />;
  const type = schema?.type;
  if (type === 'user') return <UserView value={value} />;
  if (type === 'array' && schema?.items === 'user' && Array.isArray(value)) {
    return (
      <Stack space="space.050">
        {value.map((item, index) => (
          <UserView key={index} value={item} />
        ))}
      </Stack>
    );
  }
  if (type === 'priority' || type === 'issuetype') return <IconName value={value} />;
  if (type === 'datetime') return <Text>{formatDateTime(value, timeZone)}</Text>;
  if (type === 'date') return <Text>{formatDate(value)}</Text>;
  if (type === 'array' && Array.isArray(value) && (schema?.items === 'string' || schema?.items === 'option')) {
    return (
      <Inline space="space.050" shouldWrap>
        {value.map((item, index) => (
          <Lozenge key={index}>{fieldText(item)}</Lozenge>
        ))}
      </Inline>
    );
  }
  if (type === 'object' || (typeof value === 'object' && fieldText(value).startsWith('{'))) {
    return (
      <Text as="p" size="small">
        <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(value, null, 2)}</code>
      </Text>
    );
  }
  return <Text>{fieldText(value)}</Text>;
}
