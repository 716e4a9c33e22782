/** Short messages for the person (a link copied, a file refused, a scenario deleted — with Undo). */
import type { Control } from './control';
import { el } from './dom';

export interface Toaster extends Control {
  show(message: string, options?: { kind?: 'info' | 'error'; action?: { label: string; run(): void } }): void;
}

/** How long a message stays: errors longer, so there is time to read what went wrong. */
const SHOWN_MS = { info: 6_000, error: 12_000 } as const;

export function mountToaster(root: HTMLElement, closeLabel = 'Close'): Toaster {
  const box = el('div', { className: 'toasts', testid: 'toasts' });
  root.append(box);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    show(message, options = {}) {
      const kind = options.kind ?? 'info';
      const toast = el('div', { className: `toast toast-${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, [el('span', { text: message })]);
      // The buttons go with the toast: their listeners need no removing.
      if (options.action) {
        const action = options.action;
        const button = el('button', { text: action.label, attrs: { type: 'button' } });
        button.addEventListener('click', () => {
          action.run();
          toast.remove();
        });
        toast.append(button);
      }
      const close = el('button', { className: 'toast-close', text: '×', attrs: { type: 'button', 'aria-label': closeLabel } });
      close.addEventListener('click', () => toast.remove());
      toast.append(close);
      box.append(toast);
      const timer = setTimeout(() => {
        timers.delete(timer);
        toast.remove();
      }, SHOWN_MS[kind]);
      timers.add(timer);
    },
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      box.remove();
    },
  };
}
