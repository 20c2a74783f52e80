/** The panel's state: the cockpit view, paging status, what is running, and what went wrong. */
import { events, view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { CockpitUpdate, CockpitView } from '../../../src/contracts/cockpit';
import type { PagingStatusResult } from '../../../src/contracts/issue-panel';
import type { ResolverError, ResolverResult } from '../../../src/contracts/resolver-result';
import { getCockpit, getPagingStatus } from './invokes';

export type Load = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: ResolverError } | { readonly kind: 'ready'; readonly view: CockpitView };

export interface Failure {
  readonly action: string;
  readonly error: ResolverError;
}

export interface Cockpit {
  readonly load: Load;
  readonly paging: PagingStatusResult | undefined;
  /** The action running now, by name; every button waits for it. */
  readonly busy: string | undefined;
  readonly failure: Failure | undefined;
  readonly notices: readonly string[];
  readonly success: string | undefined;
  refresh(): Promise<void>;
  /** Runs a cockpit change; true when it succeeded (the view is then the one it answered). */
  change(action: string, call: () => Promise<ResolverResult<CockpitUpdate>>, success?: string): Promise<boolean>;
  /** Runs any other call, reporting its failure like a change's. */
  run<T>(action: string, call: () => Promise<ResolverResult<T>>): Promise<T | undefined>;
  setPaging(status: PagingStatusResult): void;
  dismiss(): void;
}

/** The field error for `action`'s form, when the last failure named that field. */
export function fieldError(failure: Failure | undefined, action: string, field: string): string | undefined {
  if (failure === undefined || failure.action !== action || failure.error.field === undefined) return undefined;
  const named = failure.error.field;
  if (named !== field && !named.startsWith(`${field}.`)) return undefined;
  const prefix = `${named}: `;
  return failure.error.message.startsWith(prefix) ? failure.error.message.slice(prefix.length) : failure.error.message;
}

/** Asks Jira to show the issue's new field values around the panel; a host that cannot is no reason to fail. */
export function refreshIssueView(): void {
  view.refresh().catch(() => undefined);
}

/** Jira's bridge event for a change to the issue the panel is on. */
const ISSUE_CHANGED = 'JIRA_ISSUE_CHANGED';

export function useCockpit(): Cockpit {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [paging, setPaging] = useState<PagingStatusResult | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [notices, setNotices] = useState<readonly string[]>([]);
  const [success, setSuccess] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    const [view, status] = await Promise.all([getCockpit(), getPagingStatus()]);
    if (view.ok) setLoad({ kind: 'ready', view: view.value });
    else setLoad((current) => (current.kind === 'ready' && view.error.code === 'unavailable' ? current : { kind: 'failed', error: view.error }));
    // Paging is shown when the paging resolvers answer; the cockpit works without them.
    if (status.ok) setPaging(status.value);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Jira tells the issue's apps when the issue changes under them (its own workflow buttons, another
  // person, automation): the panel reloads rather than showing a state that is no longer true.
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    events
      .on(ISSUE_CHANGED, () => void refresh())
      .then((subscription) => {
        if (cancelled) subscription.unsubscribe();
        else unsubscribe = () => subscription.unsubscribe();
      })
      // A host without Jira's events (an older Jira, a test page) leaves the panel as it was: current after its own actions.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [refresh]);

  const run = useCallback(async <T>(action: string, call: () => Promise<ResolverResult<T>>): Promise<T | undefined> => {
    setBusy(action);
    setFailure(undefined);
    setSuccess(undefined);
    try {
      const result = await call();
      if (result.ok) return result.value;
      setFailure({ action, error: result.error });
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }, []);

  const change = useCallback(
    async (action: string, call: () => Promise<ResolverResult<CockpitUpdate>>, done?: string): Promise<boolean> => {
      const update = await run(action, call);
      if (update === undefined) return false;
      setLoad({ kind: 'ready', view: update.view });
      setNotices(update.notices);
      setSuccess(done);
      refreshIssueView();
      return true;
    },
    [run],
  );

  return {
    load,
    paging,
    busy,
    failure,
    notices,
    success,
    refresh,
    change,
    run,
    setPaging,
    dismiss: () => {
      setFailure(undefined);
      setNotices([]);
      setSuccess(undefined);
    },
  };
}
