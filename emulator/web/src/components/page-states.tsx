/** The states every page can be in besides showing its content: loading, failed, forbidden, not found, empty. */
import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import { describeError, HttpError } from '../api/http';

const centred = xcss({ paddingBlock: 'space.800', display: 'flex', justifyContent: 'center' });
const messageStyles = xcss({ maxWidth: '640px', marginInline: 'auto', paddingBlock: 'space.600', paddingInline: 'space.300' });

export function Loading({ label }: { label: string }) {
  return (
    <Box xcss={centred} testId="page-loading">
      <Spinner size="large" label={label} />
    </Box>
  );
}

export function FullPageMessage({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <Box xcss={messageStyles} {...(testId === undefined ? {} : { testId })}>
      <Stack space="space.200">
        <Heading size="large">{title}</Heading>
        {children === undefined ? null : <Text as="p">{children}</Text>}
      </Stack>
    </Box>
  );
}

/** A failed load: Jira's 403 and 404 read as such; anything else shows what went wrong. */
export function LoadFailure({ error, what }: { error: unknown; what: string }) {
  if (error instanceof HttpError && (error.status === 404 || error.status === 403)) {
    return (
      <FullPageMessage title={error.status === 404 ? `This ${what} can't be found` : `You don't have access to this ${what}`} testId={`page-${error.status}`}>
        {error.summary}
      </FullPageMessage>
    );
  }
  if (error instanceof HttpError && error.status === 401) {
    return (
      <FullPageMessage title="You're signed out" testId="page-401">
        Choose someone to sign in as from the menu at the top right.
      </FullPageMessage>
    );
  }
  return (
    <Box xcss={messageStyles} testId="page-error">
      <SectionMessage appearance="error" title={`Couldn't load this ${what}`}>
        <Text as="p">{describeError(error)}</Text>
      </SectionMessage>
    </Box>
  );
}
