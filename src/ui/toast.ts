/** Short messages for the person (a link copied, a file refused, a scenario deleted — with Undo). */
import { el } from './dom';

export interface Toaster {
  show(message: string, options?: { kind?: 'info' | 'error'; action?: { label: string; run(): void } }): void;
}

export function mountToaster(root: HTMLElement): Toaster {
  const box = el('div', { className: 'toasts', testid: 'toasts' });
  root.append(box);
  return {
    show(message, options = {}) {
      const kind = options.kind ?? 'info';
      const toast = el('div', { className: `toast toast-${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, [el('span', { text: message })]);
      if (options.action) {
        const action = options.action;
        const button = el('button', { text: action.label, attrs: { type: 'button' } });
        button.addEventListener('click', () => {
          action.run();
          toast.remove();
        });
        toast.append(button);
      }
      const close = el('button', { className: 'toast-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close' } });
      close.addEventListener('click', () => toast.remove());
      toast.append(close);
      box.append(toast);
      setTimeout(() => toast.remove(), kind === 'error' ? 12_000 : 6_000);
    },
  };
}
