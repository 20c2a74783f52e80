/**
 * The design system's Tabs, with its API: `<Tabs><TabList><Tab/>…</TabList><TabPanel/>…</Tabs>`.
 * Keyboard as the ARIA tabs pattern has it (arrow keys, Home and End move and select; Tab enters the
 * panel). A panel once shown stays mounted while hidden, so a tab keeps what was typed into it.
 */
import { Children, createContext, useContext, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './controls.css';
import { nextTabIndex } from './tab-keys';

interface TabsState {
  readonly id: string;
  readonly selected: number;
  readonly select: (index: number) => void;
}

const TabsContext = createContext<TabsState>({ id: 'tabs', selected: 0, select: () => undefined });
const IndexContext = createContext(0);

export function Tabs({ id, selected, onChange, children }: { id: string; selected: number; onChange: (index: number) => void; children: ReactNode }) {
  const [list, ...panels] = Children.toArray(children);
  const visited = useRef(new Set([selected]));
  visited.current.add(selected);
  return (
    <TabsContext.Provider value={{ id, selected, select: onChange }}>
      <div>
        {list}
        {panels.map((panel, index) =>
          visited.current.has(index) ? (
            <IndexContext.Provider key={index} value={index}>
              {panel}
            </IndexContext.Provider>
          ) : null,
        )}
      </div>
    </TabsContext.Provider>
  );
}

/** `wrap` lets the tabs run onto a second line in a narrow frame (an issue panel) instead of shortening their labels. */
export function TabList({ children, label, wrap = false }: { children: ReactNode; label?: string; wrap?: boolean }) {
  const { id, selected, select } = useContext(TabsContext);
  const tabs = Children.toArray(children);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = nextTabIndex(event.key, selected, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    select(next);
    document.getElementById(`${id}-${next}`)?.focus();
  };
  return (
    <div className={wrap ? 'ir-tab-list ir-tab-list--wrap' : 'ir-tab-list'} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <IndexContext.Provider key={index} value={index}>
          {tab}
        </IndexContext.Provider>
      ))}
    </div>
  );
}

export function Tab({ children, testId }: { children: ReactNode; testId?: string }) {
  const { id, selected, select } = useContext(TabsContext);
  const index = useContext(IndexContext);
  const isSelected = index === selected;
  return (
    <button
      type="button"
      role="tab"
      className="ir-tab-item"
      id={`${id}-${index}`}
      aria-controls={`${id}-${index}-tab`}
      aria-selected={isSelected}
      tabIndex={isSelected ? 0 : -1}
      onClick={() => select(index)}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

export function TabPanel({ children, testId }: { children: ReactNode; testId?: string }) {
  const { id, selected } = useContext(TabsContext);
  const index = useContext(IndexContext);
  return (
    <div className="ir-tab-panel-frame" role="tabpanel" id={`${id}-${index}-tab`} aria-labelledby={`${id}-${index}`} hidden={index !== selected} tabIndex={index === selected ? 0 : -1} data-testid={testId}>
      {children}
    </div>
  );
}
