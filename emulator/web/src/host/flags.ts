/**
 * The flags (toasts) the host page shows: its own, and those a Custom UI app raises with
 * `showFlag`. A tiny store so the bridge, which lives outside React, can add and remove them.
 */
import { useSyncExternalStore } from 'react';

export type FlagAppearance = 'info' | 'success' | 'warning' | 'error';

export interface FlagAction {
  text: string;
  onClick: () => void;
}

export interface HostFlag {
  id: string;
  title: string;
  description?: string;
  appearance: FlagAppearance;
  /** Bold flags are the ones an app raised with `appearance`; others are plain. */
  bold: boolean;
  actions: FlagAction[];
  autoDismiss: boolean;
}

let flags: HostFlag[] = [];
const listeners = new Set<() => void>();

function publish(next: HostFlag[]): void {
  flags = next;
  for (const listener of listeners) listener();
}

export function showHostFlag(flag: HostFlag): void {
  publish([flag, ...flags.filter((existing) => existing.id !== flag.id)]);
}

export function closeHostFlag(id: string): boolean {
  const before = flags.length;
  publish(flags.filter((flag) => flag.id !== id));
  return flags.length !== before;
}

export function useHostFlags(): HostFlag[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => flags,
  );
}
