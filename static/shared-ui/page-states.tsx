/** The states every surface shows explicitly: loading, forbidden, empty and failed (plain text styles, so a surface that has no other use for the primitives' Text does not ship it). */
import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import { SectionMessage, SectionMessageAction } from './section-message';
import './ui.css';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="ir-centred" data-testid="state-loading" role="status" aria-live="polite">
      <Stack space="space.100" alignInline="center">
        <Spinner size="large" label={label} />
        <span className="ir-text-subtle">{label}</span>
      </Stack>
    </div>
  );
}

export function ForbiddenState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box testId="state-forbidden">
      <SectionMessage appearance="warning" title={title}>
        <p className="ir-text">{children}</p>
      </SectionMessage>
    </Box>
  );
}

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <Box testId="state-error">
      <SectionMessage
        appearance="error"
        title={title}
        actions={onRetry === undefined ? [] : [<SectionMessageAction key="retry" onClick={onRetry}>Try again</SectionMessageAction>]}
      >
        <p className="ir-text">{message}</p>
      </SectionMessage>
    </Box>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="ir-centred" data-testid="state-empty">
      <Stack space="space.100" alignInline="center">
        <Heading size="small" as="h3">
          {title}
        </Heading>
        {children === undefined ? null : <span className="ir-text-subtle">{children}</span>}
      </Stack>
    </div>
  );
}
