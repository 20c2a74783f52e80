/** The panel's building blocks: buttons, pills, messages, labelled fields and tabs, keyboard reachable. */
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import Spinner from '@atlaskit/spinner';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export function Button(props: {
  children: ReactNode;
  onClick: () => void;
  appearance?: 'primary' | 'default' | 'subtle' | 'danger';
  small?: boolean;
  disabled?: boolean;
  busy?: boolean;
  testId?: string;
  label?: string;
}) {
  const classes = ['ir-btn', props.appearance ?? 'default', props.small === true ? 'small' : ''].join(' ');
  return (
    <button
      type="button"
      className={classes}
      onClick={props.onClick}
      disabled={props.disabled === true || props.busy === true}
      aria-busy={props.busy === true}
      aria-label={props.label}
      data-testid={props.testId}
    >
      <Inline space="space.050" alignBlock="center">
        {props.busy === true ? <Spinner size="small" /> : null}
        <span>{props.children}</span>
      </Inline>
    </button>
  );
}

export type Tone = 'done' | 'pending' | 'not-applicable' | 'success' | 'danger' | 'warning' | 'default' | 'moved' | 'removed';

export function Pill({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <span className={`ir-pill ${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}

export function Message(props: { tone: 'info' | 'warning' | 'error' | 'success'; title?: string; children?: ReactNode; testId?: string; onDismiss?: () => void }) {
  return (
    <div className={`ir-msg ${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'} data-testid={props.testId}>
      <Inline spread="space-between" alignBlock="start" space="space.100">
        <Stack space="space.050">
          {props.title === undefined ? null : <strong>{props.title}</strong>}
          {props.children}
        </Stack>
        {props.onDismiss === undefined ? null : (
          <Button appearance="subtle" small onClick={props.onDismiss} label="Dismiss">
            ×
          </Button>
        )}
      </Inline>
    </div>
  );
}

export interface ControlProps {
  id: string;
  className: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/** A labelled control with its help and its error, announced together by screen readers. */
export function Field(props: { id: string; label: string; error?: string | undefined; help?: string; children: (control: ControlProps) => ReactNode }) {
  const describedBy = [props.help === undefined ? '' : `${props.id}-help`, props.error === undefined ? '' : `${props.id}-error`].filter((id) => id !== '').join(' ');
  return (
    <div>
      <label className="ir-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children({ id: props.id, className: 'ir-input', 'aria-invalid': props.error !== undefined, ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }) })}
      {props.help === undefined ? null : (
        <div id={`${props.id}-help`} className="ir-muted">
          {props.help}
        </div>
      )}
      {props.error === undefined ? null : (
        <div id={`${props.id}-error`} className="ir-error" data-testid={`${props.id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Stack space="space.100">
      <Inline spread="space-between" alignBlock="center">
        <Heading size="xsmall" as="h3">
          {title}
        </Heading>
        {actions}
      </Inline>
      {children}
    </Stack>
  );
}

export interface TabDefinition<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly hint?: string;
}

/** Tabs as the ARIA pattern has them: arrow keys move between tabs, Tab moves into the panel. */
export function Tabs<Id extends string>(props: { tabs: readonly TabDefinition<Id>[]; selected: Id; onSelect: (id: Id) => void; children: ReactNode }) {
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = props.tabs[(index + step + props.tabs.length) % props.tabs.length];
    if (next === undefined) return;
    props.onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <Stack space="space.150">
      <div className="ir-tabs" role="tablist" aria-label="Incident response steps">
        {props.tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element !== null) refs.current.set(tab.id, element);
            }}
            type="button"
            role="tab"
            className="ir-tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === props.selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={(event) => move(event, index)}
            data-testid={`tab-${tab.id}`}
          >
            {tab.label}
            {tab.hint === undefined ? null : <span className="ir-muted"> {tab.hint}</span>}
          </button>
        ))}
      </div>
      <Box role="tabpanel" id={`panel-${props.selected}`} aria-labelledby={`tab-${props.selected}`} tabIndex={0}>
        {props.children}
      </Box>
    </Stack>
  );
}
