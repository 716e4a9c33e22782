/** Keyboard: space play/pause, ←/→ a day, shift+←/→ a week, Home/End — unless typing in a field. */
import type { AppStore } from '../state/store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range'].includes(target.type);
}

export function bindTimelineKeys(target: Document, store: AppStore): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    const state = store.getState();
    // Space on a focused button is that button's own click.
    if (e.key === ' ' && !(e.target instanceof HTMLButtonElement) && !(e.target instanceof Element && e.target.closest('[role="button"]'))) {
      e.preventDefault();
      state.togglePlay();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      if (e.target instanceof Element && e.target.closest('.maplibregl-canvas')) return; // the map pans with arrows
      e.preventDefault();
      state.setPlaying(false);
      state.stepDays((e.key === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 7 : 1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      state.setPlaying(false);
      state.setTime(e.key === 'Home' ? 0 : state.clock.spanHours);
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
