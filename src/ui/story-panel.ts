/**
 * Story mode: a guided path through a story file's steps. Each step sets the date, frames the map
 * and shows a short caption with its source; next/previous buttons or the arrow keys move on.
 */
import { stepForKey, storyText, type Story, type StoryStep } from '../data/story';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, type Control } from './control';
import { el } from './dom';
import { textFor } from './i18n';

export interface StoryPanel extends Control {
  open(story: Story): void;
  close(): void;
  isOpen(): boolean;
}

export function mountStoryPanel(root: HTMLElement, store: AppStore, onStep: (story: Story, step: StoryStep) => void, onClose: () => void): StoryPanel {
  const disposables = new Disposables();
  const card = el('section', { className: 'story-card', testid: 'story', attrs: { 'aria-labelledby': 'story-step-title', 'aria-live': 'polite' } });
  const storyTitle = el('p', { className: 'story-title' });
  const counter = el('p', { className: 'story-counter', testid: 'story-counter' });
  const stepTitle = el('h2', { attrs: { id: 'story-step-title' }, testid: 'story-step-title' });
  const caption = el('p', { className: 'story-caption', testid: 'story-caption' });
  const source = el('p', { className: 'story-source' });
  const previous = el('button', { testid: 'story-previous', attrs: { type: 'button' } });
  const next = el('button', { testid: 'story-next', attrs: { type: 'button' } });
  const exit = el('button', { className: 'story-exit', testid: 'story-exit', attrs: { type: 'button' } });
  card.append(el('div', { className: 'story-head' }, [storyTitle, counter, exit]), stepTitle, caption, source, el('div', { className: 'story-nav' }, [previous, next]));
  card.hidden = true;
  root.append(card);
  disposables.add(() => card.remove());

  let story: Story | null = null;
  let index = 0;

  const render = () => {
    if (!story) return;
    const { language, t, date } = textFor(store.getState().language);
    const step = story.steps[index]!;
    storyTitle.textContent = storyText(story.title, language);
    counter.textContent = t('storyCounter', { n: index + 1, count: story.steps.length });
    stepTitle.textContent = `${date(step.date)} · ${storyText(step.title, language)}`;
    caption.textContent = storyText(step.caption, language);
    const link = el('a', { text: `${step.source.publisher}${step.source.date ? `, ${date(step.source.date)}` : ''}`, attrs: { href: step.source.url, target: '_blank', rel: 'noopener noreferrer' } });
    source.replaceChildren(document.createTextNode(`${t('storySource')}: `), link);
    previous.disabled = index === 0;
    next.disabled = index === story.steps.length - 1;
  };
  const go = (to: number) => {
    if (!story) return;
    index = to;
    render();
    onStep(story, story.steps[index]!);
  };
  disposables.listen(previous, 'click', () => go(Math.max(0, index - 1)));
  disposables.listen(next, 'click', () => {
    if (story) go(Math.min(story.steps.length - 1, index + 1));
  });
  disposables.listen(exit, 'click', () => close());

  // While a story is open the arrow keys move through it (caught before the timeline's own keys).
  const onKey = (e: KeyboardEvent) => {
    if (!story || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    const to = stepForKey(e.key, index, story.steps.length);
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation();
    go(to);
  };
  disposables.listen(document, 'keydown', onKey, { capture: true });

  const close = () => {
    if (!story) return;
    story = null;
    card.hidden = true;
    onClose();
  };
  disposables.add(
    followLanguage(store, ({ t }) => {
      previous.textContent = `‹ ${t('storyPrevious')}`;
      next.textContent = `${t('storyNext')} ›`;
      exit.textContent = t('storyExit');
      exit.setAttribute('aria-label', t('storyExitLabel'));
      render();
    }),
  );
  return {
    open(next) {
      story = next;
      card.hidden = false;
      go(0);
      (card.querySelector('[data-testid="story-next"]') as HTMLButtonElement).focus();
    },
    close,
    isOpen: () => story !== null,
    dispose: () => disposables.dispose(),
  };
}
