/**
 * Keep: scenarios saved by name in this browser (IndexedDB), loaded, renamed, duplicated, deleted
 * with undo; imported from and exported to JSON files. Names are shown with textContent only.
 */
import { scenarioFileName, scenarioFileTooLarge, scenarioFromFile, scenarioToFile } from '../data/scenario-file';
import type { Scenario } from '../sim/scenario';
import { LibraryError, type SavedScenario, type ScenarioLibrary } from '../state/saved-scenarios';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, type Control } from './control';
import { el } from './dom';
import { downloadText } from './download';
import { textFor, type Text } from './i18n';
import type { Toaster } from './toast';

/** A message as a sentence: the library's reasons start in lower case, to follow a colon elsewhere. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The library could not be opened: said once in the panel, not again by each operation that needed it. */
class LibraryOpenFailed extends Error {
  constructor(cause: unknown) {
    super('the saved scenarios could not be opened', { cause });
  }
}

export function mountLibraryPanel(root: HTMLElement, store: AppStore, openLibrary: () => Promise<ScenarioLibrary>, toaster: Toaster): Control {
  const disposables = new Disposables();
  const t: Text['t'] = (key, params) => textFor(store.getState().language).t(key, params);
  const section = el('section', { className: 'panel library-panel', testid: 'library-panel', attrs: { 'aria-labelledby': 'library-heading' } });
  const heading = el('h2', { attrs: { id: 'library-heading' } });
  const nameLabel = el('label', { attrs: { for: 'save-name' } });
  const nameInput = el('input', { testid: 'save-name', attrs: { id: 'save-name', type: 'text', maxlength: '120', autocomplete: 'off' } });
  const saveButton = el('button', { testid: 'save-scenario', attrs: { type: 'button' } });
  const list = el('ul', { className: 'saved-list', testid: 'saved-list' });
  const unavailable = el('p', { className: 'panel-note library-unavailable', testid: 'library-unavailable', attrs: { role: 'status', hidden: '' } });
  const importLabel = el('label', { className: 'file-button' });
  const importInput = el('input', { testid: 'import-file', attrs: { type: 'file', accept: '.json,application/json' } });
  const importText = el('span');
  importLabel.append(importText, importInput);
  const exportButton = el('button', { testid: 'export-scenario', attrs: { type: 'button' } });
  section.append(heading, unavailable, el('div', { className: 'save-row' }, [nameLabel, nameInput, saveButton]), list, el('div', { className: 'file-row' }, [importLabel, exportButton]));
  root.append(section);
  disposables.add(() => section.remove());

  // The library is opened once for the panel's life: calls made while it opens share the opening,
  // and an opening that failed is not tried again on each call (the browser's answer will not change
  // in this page). Its reason is said once, in the panel, and saving is turned off.
  let opening: Promise<ScenarioLibrary> | null = null;
  let library: ScenarioLibrary | null = null;
  let disposed = false;
  const lib = (): Promise<ScenarioLibrary> =>
    (opening ??= openLibrary().then(
      (opened) => {
        if (disposed) {
          opened.close();
          return opened;
        }
        library = opened;
        // Another tab's save, rename or delete shows here too (the library announces each change).
        disposables.add(opened.subscribe(() => void renderList().catch(report)));
        return opened;
      },
      (err: unknown) => {
        showUnavailable(err);
        throw new LibraryOpenFailed(err);
      },
    ));
  disposables.add(() => {
    disposed = true;
    library?.close();
  });
  const plainReason = (err: unknown) => sentence(err instanceof LibraryError ? err.message : t('libraryFailed', { reason: (err as Error).message }));
  let openError: unknown = null;
  const showUnavailable = (err: unknown) => {
    openError = err;
    unavailable.textContent = plainReason(err);
    unavailable.hidden = false;
    for (const control of [nameInput, saveButton]) control.disabled = true;
  };
  // A failed opening is already said in the panel; anything else goes in a toast.
  const report = (err: unknown) => {
    if (!(err instanceof LibraryOpenFailed)) toaster.show(plainReason(err), { kind: 'error' });
  };

  const renderList = async () => {
    const listing = await (await lib()).list();
    list.replaceChildren(
      ...listing.scenarios.map((saved) => item(saved)),
      ...listing.damaged.map((damaged) => {
        const remove = el('button', { text: t('remove'), attrs: { type: 'button' } });
        remove.addEventListener('click', () => void lib().then((l) => l.remove(damaged.key)).then(renderList).catch(report));
        return el('li', { className: 'damaged' }, [el('span', { text: t('damagedEntry', { reason: damaged.reason }) }), remove]);
      }),
    );
  };
  const item = (saved: SavedScenario) => {
    const name = el('button', { className: 'link-button saved-name', text: saved.name, attrs: { type: 'button', title: t('loadSaved') } });
    name.addEventListener('click', () => {
      if (store.getState().applyScenario(saved.scenario, 'library')) toaster.show(t('loaded', { name: saved.name }));
      else toaster.show(t('cannotLoad', { name: saved.name, reason: store.getState().fieldErrors.library ?? '' }), { kind: 'error' });
    });
    const rename = el('button', { text: t('rename'), attrs: { type: 'button' } });
    rename.addEventListener('click', () => {
      const next = window.prompt(t('renamePrompt'), saved.name);
      if (next === null) return;
      void lib().then((l) => l.rename(saved.id, next)).then(renderList).catch(report);
    });
    const duplicate = el('button', { text: t('duplicate'), attrs: { type: 'button' } });
    duplicate.addEventListener('click', () => void lib().then((l) => l.duplicate(saved.id)).then(renderList).catch(report));
    const remove = el('button', { text: t('delete'), attrs: { type: 'button' } });
    const removeSaved = async () => {
      const undo = await (await lib()).remove(saved.id);
      await renderList();
      toaster.show(t('deleted', { name: saved.name }), { action: { label: t('undo'), run: () => void lib().then((l) => l.restore(undo)).then(renderList).catch(report) } });
    };
    remove.addEventListener('click', () => {
      removeSaved().catch(report);
    });
    const li = el('li', {}, [name, el('span', { className: 'saved-actions' }, [rename, duplicate, remove])]);
    li.dataset.savedId = String(saved.id);
    return li;
  };

  const save = async () => {
    const saved = await (await lib()).save(nameInput.value || store.getState().scenario.name, store.getState().scenario);
    nameInput.value = '';
    await renderList();
    toaster.show(t('saved', { name: saved.name }));
  };
  disposables.listen(saveButton, 'click', () => {
    save().catch(report);
  });
  const importChosenFile = async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    // Refused by its size before a byte is read: a 60 MB file costs nothing.
    const tooLarge = scenarioFileTooLarge(file.size, file.name);
    if (tooLarge !== null) {
      toaster.show(tooLarge, { kind: 'error' });
      return;
    }
    const result = scenarioFromFile(await file.text(), file.name);
    if (!result.ok) {
      toaster.show(result.error, { kind: 'error' });
      return;
    }
    if (store.getState().applyScenario(result.scenario, 'import')) toaster.show(t('imported', { name: file.name }));
    else toaster.show(`${file.name}: ${store.getState().fieldErrors.import ?? ''}`, { kind: 'error' });
  };
  disposables.listen(importInput, 'change', () => {
    importChosenFile().catch((err: unknown) => toaster.show(t('libraryFailed', { reason: (err as Error).message }), { kind: 'error' }));
  });
  disposables.listen(exportButton, 'click', () => {
    const scenario: Scenario = store.getState().scenario;
    downloadText(scenarioFileName(scenario), 'application/json', scenarioToFile(scenario));
  });

  disposables.add(
    followLanguage(store, () => {
      heading.textContent = t('libraryHeading');
      nameLabel.textContent = t('saveAs');
      saveButton.textContent = t('save');
      importText.textContent = t('importFile');
      exportButton.textContent = t('exportFile');
      if (openError !== null) unavailable.textContent = plainReason(openError);
      renderList().catch(report);
    }),
  );
  return disposables;
}
