/** Makes the page's one `BridgeHost` available to every Custom UI frame component. */
import { createContext, useContext, type ReactNode } from 'react';
import type { BridgeHost } from './bridge-host';

const BridgeHostContext = createContext<BridgeHost | undefined>(undefined);

export function BridgeHostProvider({ host, children }: { host: BridgeHost; children: ReactNode }) {
  return <BridgeHostContext.Provider value={host}>{children}</BridgeHostContext.Provider>;
}

export function useBridgeHost(): BridgeHost {
  const host = useContext(BridgeHostContext);
  if (host === undefined) throw new Error('A Custom UI frame must be rendered inside BridgeHostProvider');
  return host;
}
