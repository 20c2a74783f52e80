/**
 * Draws a UI Kit app's forgeDoc with the Design System, as Jira does. A tree naming a component the
 * site cannot draw is refused as a whole, with the component's name on screen and in the site log.
 */
import SectionMessage from '@atlaskit/section-message';
import { Component, useEffect, type ReactNode } from 'react';
import { firstUnsupported, renderNode, UnsupportedComponentError } from './components';
import type { ForgeDoc, HandlerCaller } from './forge-doc';

export interface ForgeDocViewProps {
  doc: ForgeDoc;
  call: HandlerCaller;
  /** Told once per failure (the site log, a test). */
  onFailure?: (message: string) => void;
}

function UnsupportedView({ message }: { message: string }) {
  return (
    <SectionMessage appearance="error" title="This UI Kit screen cannot be drawn" testId="ui-kit-unsupported">
      {message}
    </SectionMessage>
  );
}

interface BoundaryState {
  message: string | undefined;
  doc: ForgeDoc | undefined;
}

class DrawingBoundary extends Component<{ children: ReactNode; onFailure?: (message: string) => void; doc: ForgeDoc }, BoundaryState> {
  override state: BoundaryState = { message: undefined, doc: undefined };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  static getDerivedStateFromProps(props: { doc: ForgeDoc }, state: BoundaryState): BoundaryState | null {
    // A new tree gets a new chance.
    return state.doc === props.doc ? null : { doc: props.doc, message: undefined };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onFailure?.(error instanceof Error ? error.message : String(error));
  }

  override render(): ReactNode {
    return this.state.message === undefined ? this.props.children : <UnsupportedView message={this.state.message} />;
  }
}

export function ForgeDocView({ doc, call, onFailure }: ForgeDocViewProps) {
  const unsupported = firstUnsupported(doc);
  const refusal = unsupported === undefined ? undefined : new UnsupportedComponentError(unsupported).message;
  useEffect(() => {
    if (refusal === undefined) return;
    console.error(`[local site] ${refusal}`);
    onFailure?.(refusal);
  }, [refusal, onFailure]);
  if (refusal !== undefined) return <UnsupportedView message={refusal} />;
  return (
    <DrawingBoundary doc={doc} {...(onFailure === undefined ? {} : { onFailure })}>
      {renderNode(doc, { call })}
    </DrawingBoundary>
  );
}
