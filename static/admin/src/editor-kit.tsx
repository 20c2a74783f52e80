/** Small pieces every tab of the admin page shares. */
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { ReactNode } from 'react';
import type { ConfigurationDocument } from '../../../src/contracts/configuration';
import { Button } from '../../shared-ui/button';
import { classes } from '../../shared-ui/layout';
import type { FieldErrors } from './config-check';

/** What every editor of a part of the draft receives. */
export interface EditorProps {
  readonly draft: ConfigurationDocument;
  readonly onChange: (draft: ConfigurationDocument) => void;
  readonly errors: FieldErrors;
}

/** The problem at `path` as a sentence, or undefined. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const reason = errors[path];
  if (reason === undefined) return undefined;
  const sentence = reason.charAt(0).toUpperCase() + reason.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export function Card({ title, actions, children, isInvalid = false, testId }: { title: ReactNode; actions?: ReactNode; children: ReactNode; isInvalid?: boolean; testId?: string }) {
  return (
    <section className={classes('ir-card', isInvalid && 'ir-card--invalid')} data-testid={testId}>
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="center" space="space.100">
          <Heading size="xsmall" as="h3">
            {title}
          </Heading>
          {actions}
        </Inline>
        {children}
      </Stack>
    </section>
  );
}

export function SectionIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack space="space.050">
      <Heading size="small" as="h2">
        {title}
      </Heading>
      <Text color="color.text.subtle">{children}</Text>
    </Stack>
  );
}

export function RemoveButton({ label, onClick, isDisabled = false }: { label: string; onClick: () => void; isDisabled?: boolean }) {
  return (
    <Button appearance="subtle" spacing="compact" onClick={onClick} isDisabled={isDisabled} aria-label={label}>
      Remove
    </Button>
  );
}

export function InlineError({ children, testId }: { children: string | undefined; testId?: string }) {
  if (children === undefined) return null;
  return (
    <Text color="color.text.danger" {...(testId === undefined ? {} : { testId })}>
      {children}
    </Text>
  );
}
