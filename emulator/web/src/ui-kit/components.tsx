/**
 * Each UI Kit component the local site draws, as the Design System component Jira draws it with.
 * A component not listed here fails loudly, naming it (`UnsupportedComponentError`), rather than
 * rendering something that only looks right.
 *
 * Event handlers get serialisable arguments shaped like what UI Kit apps read: inputs an event-like
 * `{target: {value, type, name}}` (checkboxes and toggles `{target: {checked, type: 'checkbox'}}`),
 * Select the chosen option (or options), DatePicker the ISO date, Tabs the selected index.
 * Inputs keep their own state and follow the app's `value` when it changes, because the app's
 * answer to a keystroke arrives asynchronously, through the bridge.
 */
import Badge from '@atlaskit/badge';
import Button, { LinkButton } from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { DatePicker } from '@atlaskit/datetime-picker';
import DynamicTable from '@atlaskit/dynamic-table';
import { ErrorMessage, FormFooter, FormHeader, FormSection, HelperMessage, Label, RequiredAsterisk, ValidMessage } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import Tag from '@atlaskit/tag';
import TagGroup from '@atlaskit/tag-group';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import Tooltip from '@atlaskit/tooltip';
import ProgressBar from '@atlaskit/progress-bar';
import { Fragment, useEffect, useState, type JSXElementConstructor, type ReactNode } from 'react';
import { BarChartView, LineChartView, PieChartView } from './charts';
import { displayText, Props, textOf, type ForgeDoc, type HandlerCaller } from './forge-doc';

export class UnsupportedComponentError extends Error {
  override readonly name = 'UnsupportedComponentError';
  constructor(readonly component: string) {
    super(`The local site cannot draw the UI Kit component "${component}": it is not among the components it renders (emulator/web/src/ui-kit/components.tsx).`);
  }
}

export interface RenderScope {
  call: HandlerCaller;
}

type Draw = (node: ForgeDoc, props: Props, children: () => ReactNode, scope: RenderScope) => ReactNode;

/** Draws a node and its subtree. */
export function renderNode(node: ForgeDoc, scope: RenderScope, key?: string): ReactNode {
  if (node.type === 'String') return typeof node.props['text'] === 'string' ? node.props['text'] : '';
  const draw = Object.prototype.hasOwnProperty.call(components, node.type) ? components[node.type] : undefined;
  if (draw === undefined) throw new UnsupportedComponentError(node.type);
  const props = new Props(node, scope.call);
  return <Fragment key={key ?? node.key}>{draw(node, props, () => renderChildren(node, scope), scope)}</Fragment>;
}

export function renderChildren(node: ForgeDoc, scope: RenderScope): ReactNode {
  if (node.children.length === 0) return null;
  return node.children.map((child, index) => renderNode(child, scope, child.key ?? `${child.type}-${index}`));
}

/**
 * The props a Design System component gets, without the ones the app left out. The values come from
 * the app's UI Kit props, which `@forge/react`'s types already held to the same component's props.
 */
function attrs<C>(values: Record<string, unknown>): PropsOf<C> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as PropsOf<C>;
}

/** A component's props, read from its type as React's ComponentProps does, without its `any` constraint. */
type PropsOf<C> = C extends JSXElementConstructor<infer P> ? P : C extends keyof JSX.IntrinsicElements ? JSX.IntrinsicElements[C] : never;

function childrenOfType(node: ForgeDoc, type: string): ForgeDoc[] {
  return node.children.filter((child) => child.type === type);
}

function inputEvent(value: string, type: string, name: string | undefined): unknown {
  const target = { value, type, ...(name === undefined ? {} : { name }) };
  return { target, currentTarget: target };
}

function checkedEvent(checked: boolean, value: string | undefined, name: string | undefined): unknown {
  const target = { checked, type: 'checkbox', value: value ?? '', ...(name === undefined ? {} : { name }) };
  return { target, currentTarget: target };
}

/** The app's value when it gives one, the person's typing in between. */
function useFollowedValue<T>(given: T | undefined, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(given ?? initial);
  useEffect(() => {
    if (given !== undefined) setValue(given);
  }, [given]);
  return [value, setValue];
}

function TextInput({ props, multiline }: { props: Props; multiline: boolean }) {
  const given = props.string('value');
  const [value, setValue] = useFollowedValue(given, props.string('defaultValue') ?? '');
  const onChange = props.handler('onChange');
  const onBlur = props.handler('onBlur');
  const onFocus = props.handler('onFocus');
  const name = props.string('name');
  const type = multiline ? 'textarea' : (props.string('type') ?? 'text');
  const common = {
    id: props.string('id'),
    name,
    placeholder: props.string('placeholder'),
    isDisabled: props.boolean('isDisabled'),
    isInvalid: props.boolean('isInvalid'),
    isRequired: props.boolean('isRequired'),
    isReadOnly: props.boolean('isReadOnly'),
    testId: props.testId,
    'aria-invalid': props.boolean('aria-invalid'),
    'aria-labelledby': props.string('aria-labelledby'),
  };
  const blur = () => onBlur?.(inputEvent(value, type, name));
  const focus = () => onFocus?.(inputEvent(value, type, name));
  const change = (next: string) => {
    setValue(next);
    onChange?.(inputEvent(next, type, name));
  };
  if (multiline) {
    return (
      <TextArea
        {...attrs<typeof TextArea>({ ...common, minimumRows: props.number('minimumRows'), resize: props.string('resize') })}
        value={value}
        onBlur={blur}
        onFocus={focus}
        onChange={(event) => change(event.currentTarget.value)}
      />
    );
  }
  return (
    <Textfield
      {...attrs<typeof Textfield>({ ...common, type, width: props.raw('width'), isCompact: props.boolean('isCompact'), maxLength: props.number('maxLength') })}
      value={value}
      onBlur={blur}
      onFocus={focus}
      onChange={(event) => change(event.currentTarget.value)}
    />
  );
}

interface Option {
  label: string;
  value: unknown;
}

function optionsOf(value: unknown): Option[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    return [{ ...record, label: displayText(record['label']), value: record['value'] }];
  });
}

function sameOption(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type SelectValue = Option | Option[] | null;

function SelectInput({ props }: { props: Props }) {
  const options = optionsOf(props.raw('options'));
  const isMulti = props.boolean('isMulti') ?? false;
  const resolve = (given: unknown): SelectValue => {
    if (given === undefined || given === null) return isMulti ? [] : null;
    const pick = (item: unknown) => options.find((option) => sameOption(option.value, typeof item === 'object' && item !== null && 'value' in item ? (item as Option).value : item));
    if (Array.isArray(given)) return given.map(pick).filter((option): option is Option => option !== undefined);
    return pick(given) ?? null;
  };
  const given = props.raw('value');
  const [value, setValue] = useFollowedValue<SelectValue>(given === undefined ? undefined : resolve(given), resolve(props.raw('defaultValue')));
  const onChange = props.handler('onChange');
  const onBlur = props.handler('onBlur');
  const noOptions = props.string('noOptionsMessage') ?? 'No options';
  return (
    <Select<Option, boolean>
      {...attrs<typeof Select<Option, boolean>>({
        inputId: props.string('inputId') ?? props.string('id'),
        name: props.string('name'),
        isClearable: props.boolean('isClearable'),
        isSearchable: props.boolean('isSearchable'),
        isDisabled: props.boolean('isDisabled'),
        isInvalid: props.boolean('isInvalid'),
        isLoading: props.boolean('isLoading'),
        placeholder: props.string('placeholder'),
        spacing: props.string('spacing'),
        testId: props.testId,
        'aria-label': props.string('aria-label'),
      })}
      options={options}
      value={value}
      isMulti={isMulti}
      noOptionsMessage={() => noOptions}
      onBlur={() => onBlur?.({})}
      onChange={(chosen) => {
        const next: SelectValue = chosen === null ? (isMulti ? [] : null) : Array.isArray(chosen) ? [...(chosen as Option[])] : (chosen as Option);
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

function CheckboxInput({ props, toggle }: { props: Props; toggle: boolean }) {
  const [checked, setChecked] = useFollowedValue(props.boolean('isChecked'), props.boolean('defaultChecked') ?? false);
  const onChange = props.handler('onChange');
  const name = props.string('name');
  const value = props.string('value');
  const change = (next: boolean) => {
    setChecked(next);
    onChange?.(checkedEvent(next, value, name));
  };
  const common = { id: props.string('id'), name, isDisabled: props.boolean('isDisabled'), label: props.string('label'), testId: props.testId };
  if (toggle) return <Toggle {...attrs<typeof Toggle>(common)} isChecked={checked} onChange={(event) => change(event.currentTarget.checked)} />;
  return (
    <Checkbox
      {...attrs<typeof Checkbox>({
        ...common,
        value,
        isInvalid: props.boolean('isInvalid'),
        isRequired: props.boolean('isRequired'),
        isIndeterminate: props.boolean('isIndeterminate'),
      })}
      isChecked={checked}
      onChange={(event) => change(event.currentTarget.checked)}
    />
  );
}

function CheckboxGroupInput({ props }: { props: Props }) {
  const options = optionsOf(props.raw('options'));
  const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(displayText) : []);
  const given = props.raw('value');
  const [values, setValues] = useFollowedValue(given === undefined ? undefined : asList(given), asList(props.raw('defaultValue')));
  const onChange = props.handler('onChange');
  return (
    <Stack space="space.050" {...attrs<typeof Stack>({ testId: props.testId })}>
      {options.map((option) => {
        const value = displayText(option.value);
        return (
          <Checkbox
            key={value}
            {...attrs<typeof Checkbox>({ name: props.string('name'), isDisabled: props.boolean('isDisabled') })}
            value={value}
            label={option.label}
            isChecked={values.includes(value)}
            onChange={(event) => {
              const next = event.currentTarget.checked ? [...values.filter((item) => item !== value), value] : values.filter((item) => item !== value);
              setValues(next);
              onChange?.(next);
            }}
          />
        );
      })}
    </Stack>
  );
}

function RadioGroupInput({ props }: { props: Props }) {
  const name = props.string('name');
  const options = optionsOf(props.raw('options')).map((option) => ({ label: option.label, value: displayText(option.value), ...(name === undefined ? {} : { name }) }));
  const [value, setValue] = useFollowedValue(props.string('value'), props.string('defaultValue') ?? '');
  const onChange = props.handler('onChange');
  return (
    <RadioGroup
      {...attrs<typeof RadioGroup>({
        name,
        isDisabled: props.boolean('isDisabled'),
        isInvalid: props.boolean('isInvalid'),
        isRequired: props.boolean('isRequired'),
        testId: props.testId,
        'aria-labelledby': props.string('aria-labelledby'),
      })}
      options={options}
      value={value === '' ? null : value}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        onChange?.(inputEvent(event.currentTarget.value, 'radio', name));
      }}
    />
  );
}

function DateInput({ props }: { props: Props }) {
  const [value, setValue] = useFollowedValue(props.string('value'), props.string('defaultValue') ?? '');
  const onChange = props.handler('onChange');
  return (
    <DatePicker
      {...attrs<typeof DatePicker>({
        id: props.string('id'),
        name: props.string('name'),
        isDisabled: props.boolean('isDisabled'),
        isInvalid: props.boolean('isInvalid'),
        placeholder: props.string('placeholder'),
        testId: props.testId,
      })}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

function TabsView({ node, props, scope }: { node: ForgeDoc; props: Props; scope: RenderScope }) {
  const onChange = props.handler('onChange');
  const [selected, setSelected] = useFollowedValue(props.number('selected'), props.number('defaultSelected') ?? 0);
  const id = props.string('id') ?? node.key ?? 'tabs';
  return (
    <Tabs
      {...attrs<typeof Tabs>({ testId: props.testId })}
      id={id}
      selected={selected}
      onChange={(index) => {
        setSelected(index);
        onChange?.(index);
      }}
    >
      {node.children.map((child, index) => renderNode(child, scope, child.key ?? `tabs-${index}`))}
    </Tabs>
  );
}

function DynamicTableView({ node, props, scope }: { node: ForgeDoc; props: Props; scope: RenderScope }) {
  // @forge/react sends the head's cells and the rows as children: ContentWrapper "head" (Cells) and "rows" (Rows of Cells).
  const wrapper = (name: string) => childrenOfType(node, 'ContentWrapper').find((child) => child.props['name'] === name);
  const cell = (cellNode: ForgeDoc, index: number) => {
    const { cellKey, ...rest } = cellNode.props;
    return { ...rest, key: displayText(cellKey ?? index), content: renderChildren(cellNode, scope) };
  };
  const headCells = wrapper('head')?.children.filter((child) => child.type === 'Cell').map(cell);
  const rows = (wrapper('rows')?.children ?? [])
    .filter((child) => child.type === 'Row')
    .map((row, index) => ({
      key: displayText(row.props['rowKey'] ?? index),
      isHighlighted: row.props['isHighlighted'] === true,
      cells: row.children.filter((child) => child.type === 'Cell').map(cell),
    }));
  const emptyView = props.string('emptyView');
  return (
    <DynamicTable
      {...attrs<typeof DynamicTable>({
        head: headCells === undefined ? undefined : { cells: headCells },
        caption: props.string('caption'),
        label: props.string('label'),
        isLoading: props.boolean('isLoading'),
        isFixedSize: props.boolean('isFixedSize'),
        rowsPerPage: props.number('rowsPerPage'),
        defaultPage: props.number('defaultPage'),
        defaultSortKey: props.string('defaultSortKey'),
        defaultSortOrder: props.string('defaultSortOrder'),
        emptyView: emptyView === undefined ? undefined : <Text>{emptyView}</Text>,
        testId: props.testId,
      })}
      rows={rows}
    />
  );
}

function EmptyStateView({ props, scope }: { props: Props; scope: RenderScope }) {
  // UI Kit's EmptyState takes its header and description as text; actions, when given, are trees.
  const action = (name: string): ReactNode => {
    const value = props.raw(name);
    return typeof value === 'object' && value !== null && 'type' in value ? renderNode(value as ForgeDoc, scope) : null;
  };
  const level = Math.min(6, Math.max(1, props.number('headingLevel') ?? 2));
  return (
    <Box {...attrs<typeof Box>({ testId: props.testId })} padding="space.300" xcss={centred}>
      <Stack space="space.100" alignInline="center">
        <Heading size="small" as={`h${level}` as 'h2'}>
          {props.string('header') ?? ''}
        </Heading>
        {props.string('description') === undefined ? null : <Text color="color.text.subtle">{props.string('description')}</Text>}
        <Inline space="space.100">
          {action('primaryAction')}
          {action('secondaryAction')}
        </Inline>
      </Stack>
    </Box>
  );
}

const centred = xcss({ textAlign: 'center' });

function styleOf(props: Props): ReturnType<typeof xcss> | undefined {
  const style = props.record('xcss');
  // UI Kit's xcss() hands over the style object itself; the Design System's xcss() takes the same object.
  return style === undefined ? undefined : xcss(style as Parameters<typeof xcss>[0]);
}

const drawButton: Draw = (_node, props, children) => {
  const onClick = props.handler('onClick');
  return (
    <Button
      {...attrs<typeof Button>({
        appearance: props.string('appearance'),
        spacing: props.oneOf('spacing', ['default', 'compact'] as const),
        isLoading: props.boolean('isLoading'),
        isDisabled: props.boolean('isDisabled'),
        isSelected: props.boolean('isSelected'),
        shouldFitContainer: props.boolean('shouldFitContainer'),
        autoFocus: props.boolean('autoFocus'),
        testId: props.testId,
        onClick: onClick === undefined ? undefined : () => onClick(),
      })}
      type={props.oneOf('type', ['button', 'submit', 'reset'] as const) ?? 'button'}
    >
      {children()}
    </Button>
  );
};

const components: Record<string, Draw> = {
  Root: (_node, _props, children) => <>{children()}</>,
  Fragment: (_node, _props, children) => <>{children()}</>,
  // Layout
  Box: (_node, props, children) => (
    <Box
      {...attrs<typeof Box>({
        as: props.string('as'),
        padding: props.string('padding'),
        paddingBlock: props.string('paddingBlock'),
        paddingInline: props.string('paddingInline'),
        backgroundColor: props.string('backgroundColor'),
        xcss: styleOf(props),
        testId: props.testId,
      })}
    >
      {children()}
    </Box>
  ),
  Stack: (_node, props, children) => (
    <Stack
      {...attrs<typeof Stack>({
        space: props.string('space'),
        alignBlock: props.string('alignBlock'),
        alignInline: props.string('alignInline'),
        spread: props.string('spread'),
        grow: props.string('grow'),
        testId: props.testId,
      })}
    >
      {children()}
    </Stack>
  ),
  Inline: (_node, props, children) => (
    <Inline
      {...attrs<typeof Inline>({
        space: props.string('space'),
        rowSpace: props.string('rowSpace'),
        alignBlock: props.string('alignBlock'),
        alignInline: props.string('alignInline'),
        spread: props.string('spread'),
        grow: props.string('grow'),
        shouldWrap: props.boolean('shouldWrap'),
        separator: props.string('separator'),
        testId: props.testId,
      })}
    >
      {children()}
    </Inline>
  ),
  // Text
  Text: (_node, props, children) => {
    const as = props.string('as');
    return (
      <Text
        {...attrs<typeof Text>({
          as: as === 'strike' ? 'span' : as,
          align: props.string('align'),
          color: props.string('color'),
          size: props.string('size'),
          weight: props.string('weight'),
          maxLines: props.number('maxLines'),
          testId: props.testId,
        })}
      >
        {as === 'strike' ? <s>{children()}</s> : children()}
      </Text>
    );
  },
  Heading: (_node, props, children) => (
    <Heading {...attrs<typeof Heading>({ size: props.string('size') ?? 'medium', as: props.string('as'), color: props.string('color'), id: props.string('id'), testId: props.testId })}>{children()}</Heading>
  ),
  Strong: (_node, _props, children) => <strong>{children()}</strong>,
  Em: (_node, _props, children) => <em>{children()}</em>,
  Strike: (_node, _props, children) => <s>{children()}</s>,
  Code: (_node, _props, children) => <code>{children()}</code>,
  Link: (_node, props, children) => {
    const newTab = props.boolean('openNewTab') ?? false;
    return (
      <a href={props.string('href')} target={newTab ? '_blank' : undefined} rel={newTab ? 'noopener noreferrer' : undefined} data-testid={props.testId}>
        {children()}
      </a>
    );
  },
  List: (_node, props, children) => (props.string('type') === 'ordered' ? <ol data-testid={props.testId}>{children()}</ol> : <ul data-testid={props.testId}>{children()}</ul>),
  ListItem: (_node, _props, children) => <li>{children()}</li>,
  // Status
  Badge: (_node, props, children) => <Badge {...attrs<typeof Badge>({ appearance: props.string('appearance'), max: props.number('max'), testId: props.testId })}>{children()}</Badge>,
  Lozenge: (_node, props, children) => (
    <Lozenge {...attrs<typeof Lozenge>({ appearance: props.string('appearance'), isBold: props.boolean('isBold'), maxWidth: props.number('maxWidth') ?? props.string('maxWidth'), testId: props.testId })}>{children()}</Lozenge>
  ),
  Tag: (node, props) => <Tag {...attrs<typeof Tag>({ color: props.string('color'), appearance: props.string('appearance'), href: props.string('href'), testId: props.testId })} text={props.string('text') ?? textOf(node)} />,
  TagGroup: (_node, props, children) => <TagGroup {...attrs<typeof TagGroup>({ alignment: props.string('alignment') })}>{children()}</TagGroup>,
  Spinner: (_node, props) => <Spinner {...attrs<typeof Spinner>({ size: props.string('size'), label: props.string('label'), testId: props.testId })} />,
  ProgressBar: (_node, props) => (
    <ProgressBar {...attrs<typeof ProgressBar>({ value: props.number('value'), isIndeterminate: props.boolean('isIndeterminate'), appearance: props.string('appearance'), testId: props.testId })} ariaLabel={props.string('ariaLabel') ?? ''} />
  ),
  Tooltip: (_node, props, children) => (
    <Tooltip {...attrs<typeof Tooltip>({ position: props.string('position'), testId: props.testId })} content={props.string('content') ?? ''}>
      <span>{children()}</span>
    </Tooltip>
  ),
  SectionMessage: (node, props, _children, scope) => {
    const actions = childrenOfType(node, 'SectionMessageAction').map((action, index) => renderNode(action, scope, action.key ?? `action-${index}`));
    return (
      <SectionMessage {...attrs<typeof SectionMessage>({ appearance: props.string('appearance'), title: props.string('title'), testId: props.testId, actions: actions.length === 0 ? undefined : actions })}>
        {node.children.filter((child) => child.type !== 'SectionMessageAction').map((child, index) => renderNode(child, scope, child.key ?? `message-${index}`))}
      </SectionMessage>
    );
  },
  SectionMessageAction: (node, props) => {
    const onClick = props.handler('onClick');
    return <SectionMessageAction {...attrs<typeof SectionMessageAction>({ href: props.string('href'), onClick: onClick === undefined ? undefined : () => onClick() })}>{textOf(node)}</SectionMessageAction>;
  },
  EmptyState: (_node, props, _children, scope) => <EmptyStateView props={props} scope={scope} />,
  // Actions
  // UI Kit's Button and LoadingButton draw the same Atlaskit button; a prop one of them lacks is simply absent.
  Button: drawButton,
  LoadingButton: drawButton,
  LinkButton: (_node, props, children) => (
    <LinkButton {...attrs<typeof LinkButton>({ appearance: props.string('appearance'), spacing: props.string('spacing'), target: props.string('target'), testId: props.testId })} href={props.string('href') ?? '#'}>
      {children()}
    </LinkButton>
  ),
  ButtonGroup: (_node, _props, children) => <Inline space="space.100">{children()}</Inline>,
  // Forms
  Form: (_node, props, children) => {
    const onSubmit = props.handler('onSubmit');
    return (
      <form
        noValidate
        data-testid={props.testId}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit?.();
        }}
      >
        <Stack space="space.200">{children()}</Stack>
      </form>
    );
  },
  FormHeader: (_node, props, children) => <FormHeader {...attrs<typeof FormHeader>({ title: props.string('title'), description: props.string('description') })}>{children()}</FormHeader>,
  FormSection: (_node, props, children) => <FormSection {...attrs<typeof FormSection>({ title: props.string('title'), description: props.string('description') })}>{children()}</FormSection>,
  FormFooter: (_node, props, children) => <FormFooter {...attrs<typeof FormFooter>({ align: props.string('align') })}>{children()}</FormFooter>,
  Label: (_node, props, children) => (
    <Label {...attrs<typeof Label>({ id: props.string('id'), testId: props.testId })} htmlFor={props.string('labelFor') ?? ''}>
      {children()}
    </Label>
  ),
  RequiredAsterisk: () => <RequiredAsterisk />,
  HelperMessage: (_node, _props, children) => <HelperMessage>{children()}</HelperMessage>,
  ErrorMessage: (_node, _props, children) => <ErrorMessage>{children()}</ErrorMessage>,
  ValidMessage: (_node, _props, children) => <ValidMessage>{children()}</ValidMessage>,
  Textfield: (_node, props) => <TextInput props={props} multiline={false} />,
  TextArea: (_node, props) => <TextInput props={props} multiline />,
  Select: (_node, props) => <SelectInput props={props} />,
  Checkbox: (_node, props) => <CheckboxInput props={props} toggle={false} />,
  Toggle: (_node, props) => <CheckboxInput props={props} toggle />,
  CheckboxGroup: (_node, props) => <CheckboxGroupInput props={props} />,
  RadioGroup: (_node, props) => <RadioGroupInput props={props} />,
  DatePicker: (_node, props) => <DateInput props={props} />,
  // Data and navigation
  DynamicTable: (node, props, _children, scope) => <DynamicTableView node={node} props={props} scope={scope} />,
  Tabs: (node, props, _children, scope) => <TabsView node={node} props={props} scope={scope} />,
  TabList: (_node, _props, children) => <TabList>{children()}</TabList>,
  Tab: (_node, props, children) => <Tab {...attrs<typeof Tab>({ testId: props.testId })}>{children()}</Tab>,
  TabPanel: (_node, props, children) => (
    <TabPanel {...attrs<typeof TabPanel>({ testId: props.testId })}>
      <Box paddingBlock="space.100">{children()}</Box>
    </TabPanel>
  ),
  // Charts
  BarChart: (_node, props) => <BarChartView props={props} horizontal={false} stacked={false} kind="BarChart" />,
  HorizontalBarChart: (_node, props) => <BarChartView props={props} horizontal stacked={false} kind="HorizontalBarChart" />,
  StackBarChart: (_node, props) => <BarChartView props={props} horizontal={false} stacked kind="StackBarChart" />,
  HorizontalStackBarChart: (_node, props) => <BarChartView props={props} horizontal stacked kind="HorizontalStackBarChart" />,
  LineChart: (_node, props) => <LineChartView props={props} />,
  PieChart: (_node, props) => <PieChartView props={props} donut={false} />,
  DonutChart: (_node, props) => <PieChartView props={props} donut />,
};

/** The UI Kit components the local site draws. */
export const supportedComponents: readonly string[] = Object.keys(components);

/** The first component in the tree the site cannot draw, if any (checked before drawing, so nothing half-renders). */
export function firstUnsupported(node: ForgeDoc): string | undefined {
  // Internal parts of components that are drawn whole (DynamicTable's rows and cells).
  if (node.type === 'String' || node.type === 'ContentWrapper' || node.type === 'Row' || node.type === 'Cell') return node.children.map(firstUnsupported).find((type) => type !== undefined);
  if (!Object.prototype.hasOwnProperty.call(components, node.type)) return node.type;
  return node.children.map(firstUnsupported).find((type) => type !== undefined);
}
