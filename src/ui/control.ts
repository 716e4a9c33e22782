/**
 * One shape for every mounted component (MapLibre's controls: `onAdd` builds the DOM, `onRemove`
 * takes it and every listener away). `mountX(root, store, …)` appends fixed markup, wires its
 * listeners to store actions, follows the parts of the store it shows, and returns a Control whose
 * `dispose()` removes the markup, the listeners and the subscriptions.
 */
import type { AppState, AppStore } from '../state/store';
import { textFor, type Text } from './i18n';

export interface Control {
  dispose(): void;
}

/** Collects what a component must undo: listeners, subscriptions, timers, nodes. */
export class Disposables implements Control {
  private readonly undo: (() => void)[] = [];

  /** addEventListener now, removeEventListener on dispose. */
  listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handler: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): void;
  listen<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  listen<K extends keyof WindowEventMap>(target: Window, type: K, handler: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, options);
    this.undo.push(() => target.removeEventListener(type, handler, options));
  }

  /** Runs `cleanup` on dispose (an unsubscribe, a disconnect, a node to remove). */
  add(cleanup: () => void): void {
    this.undo.push(cleanup);
  }

  dispose(): void {
    for (const cleanup of this.undo.splice(0).reverse()) cleanup();
  }
}

/** Calls `relabel(text)` now, and again whenever the store's language changes; returns the unsubscribe. */
export function followLanguage(store: AppStore, relabel: (text: Text) => void): () => void {
  relabel(textFor(store.getState().language));
  return store.subscribe((state, previous) => {
    if (state.language !== previous.language) relabel(textFor(state.language));
  });
}

/**
 * Calls `update(state)` now, and again whenever one of the parts `select` picks changes (compared
 * by identity) — not on every clock tick. Returns the unsubscribe.
 *
 * @example followState(store, (s) => [s.scenario, s.fieldErrors, s.language], render)
 */
export function followState(store: AppStore, select: (state: AppState) => readonly unknown[], update: (state: AppState) => void): () => void {
  let last = select(store.getState());
  update(store.getState());
  return store.subscribe((state) => {
    const next = select(state);
    if (next.length === last.length && next.every((part, i) => part === last[i])) return;
    last = next;
    update(state);
  });
}
