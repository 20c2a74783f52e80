/**
 * Severity as a group of radio buttons, each level with its description, and the scale's examples
 * beside it: the reporter chooses with the scale in view, as the handbook asks.
 */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { SeverityLevel } from '../../../src/contracts/configuration';
import type { SeverityChoice } from '../../../src/contracts/declare-incident-page';
import { classes } from '../../shared-ui/layout';
import { Lozenge } from '../../shared-ui/lozenge';

export interface SeverityChoiceProps {
  name: string;
  choices: readonly SeverityChoice[];
  value: SeverityLevel | null;
  onChange: (level: SeverityLevel) => void;
  isInvalid: boolean;
  describedBy?: string;
}

export function SeverityRadioGroup({ name, choices, value, onChange, isInvalid, describedBy }: SeverityChoiceProps) {
  return (
    <Stack space="space.075" role="radiogroup" aria-labelledby={`${name}-label`} {...(describedBy === undefined ? {} : { 'aria-describedby': describedBy })}>
      {choices.map((choice) => {
        const id = `${name}-${choice.level}`;
        const checked = value === choice.level;
        return (
          <label key={choice.level} className={classes('ir-choice', checked && 'ir-choice--selected', isInvalid && !checked && 'ir-choice--invalid')} data-testid={id}>
            <Inline space="space.100" alignBlock="start">
              <input type="radio" id={id} name={name} value={String(choice.level)} checked={checked} onChange={() => onChange(choice.level)} aria-invalid={isInvalid || undefined} />
              <Stack space="space.025">
                <Inline space="space.100" alignBlock="center">
                  <Text weight="bold">{choice.label}</Text>
                  {choice.pages ? <Lozenge appearance="removed">Pages on-call</Lozenge> : <Lozenge>Business hours</Lozenge>}
                </Inline>
                <Text color="color.text.subtle">{choice.description}</Text>
              </Stack>
            </Inline>
          </label>
        );
      })}
    </Stack>
  );
}

/** The severity scale with its examples, shown beside the choice. */
export function SeverityScale({ choices, onOpenScale }: { choices: readonly SeverityChoice[]; onOpenScale?: () => void }) {
  return (
    <aside className="ir-aside" aria-label="Severity scale" data-testid="severity-scale">
      <Stack space="space.150">
        <Text weight="bold">Severity scale</Text>
        {choices.map((choice) => (
          <Stack space="space.050" key={choice.level}>
            <Text weight="medium">
              {choice.label}: {choice.description}
            </Text>
            {choice.examples.length === 0 ? null : (
              <ul className="ir-list">
                {choice.examples.map((example) => (
                  <li key={example}>
                    <Text size="small">{example}</Text>
                  </li>
                ))}
              </ul>
            )}
          </Stack>
        ))}
        {onOpenScale === undefined ? null : (
          <a
            href="#severity-scale"
            onClick={(event) => {
              event.preventDefault();
              onOpenScale();
            }}
          >
            Read the full severity scale
          </a>
        )}
      </Stack>
    </aside>
  );
}
