/**
 * Scenario controls. Each edit builds a candidate scenario and asks the store to apply it; a refused
 * value is shown next to its field with the reason, and the last good scenario stays on screen.
 */
import type { RoadNetwork } from '../sim/network';
import { findNode } from '../sim/network';
import type { Scenario } from '../sim/scenario';
import { MAX_SCENARIO_DATE, MIN_SCENARIO_DATE } from '../sim/scenario-limits';
import type { CrossingInfo } from '../sim/world';
import type { AppState, AppStore } from '../state/store';
import { Disposables, followLanguage, followState, type Control } from './control';
import { el, setText } from './dom';
import { textFor, type MessageKey, type Text } from './i18n';

export interface ScenarioPanelDeps {
  presets: ReadonlyMap<string, Scenario>;
  network: RoadNetwork;
  crossings: readonly CrossingInfo[];
  /** The dates the troop deployment records cover (deploymentRecordSpan); a start outside them is warned about. */
  deploymentSpan: { first: string; last: string } | null;
}

type FieldName = 'preset' | 'startPlace' | 'startDate' | 'walk' | 'hitch' | 'bus' | 'rest' | 'destination' | 'risk' | 'troopShift';

interface Field {
  name: FieldName;
  label: HTMLLabelElement;
  input: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
  labelKey: MessageKey;
  /** The scenario's current value as the input shows it. */
  read(scenario: Scenario): string;
  /** The scenario with the input's value applied, or a reason to refuse it (in the interface's language). */
  write(scenario: Scenario, value: string, text: Text): Scenario | { reason: string };
}

const numberValue = (value: string): number | null => (value.trim() === '' || !Number.isFinite(Number(value)) ? null : Number(value));

export function mountScenarioPanel(root: HTMLElement, store: AppStore, deps: ScenarioPanelDeps): Control {
  const disposables = new Disposables();
  const section = el('section', { className: 'panel scenario-panel', testid: 'scenario-panel', attrs: { 'aria-labelledby': 'scenario-heading' } });
  const heading = el('h2', { attrs: { id: 'scenario-heading' } });
  const description = el('p', { className: 'scenario-description' });
  const aboutSummary = el('summary');
  const about = el('details', { className: 'scenario-about' }, [aboutSummary, description]);
  const form = el('form', { className: 'scenario-form', attrs: { novalidate: '' } });
  form.addEventListener('submit', (e) => e.preventDefault());

  const placeList = el('datalist', { attrs: { id: 'place-names' } });
  for (const node of [...deps.network.nodes.values()].filter((n) => n.admin1 !== '' && n.kind !== 'junction').sort((a, b) => a.name.localeCompare(b.name))) {
    placeList.append(el('option', { attrs: { value: node.name } }));
  }

  const fields: Field[] = [];
  const addField = (name: FieldName, labelKey: MessageKey, input: HTMLInputElement | HTMLSelectElement, read: Field['read'], write: Field['write'], testid?: string) => {
    const id = `field-${name}`;
    input.id = id;
    input.name = name;
    if (testid) input.dataset.testid = testid;
    const error = el('p', { className: 'field-error', attrs: { id: `${id}-error`, 'aria-live': 'polite' } });
    input.setAttribute('aria-describedby', error.id);
    const label = el('label', { attrs: { for: id } });
    form.append(el('div', { className: `field field-${name}` }, [label, input, error]));
    fields.push({ name, label, input, error, labelKey, read, write });
  };

  const presetSelect = el('select');
  const presetOptions = [...deps.presets].map(([id, preset]) => {
    const option = el('option', { text: preset.name, attrs: { value: id } });
    presetSelect.append(option);
    return { option, preset };
  });
  presetSelect.append(el('option', { attrs: { value: '', disabled: '' } }));
  addField('preset', 'fieldPreset', presetSelect, () => store.getState().presetId ?? '', (_s, value, text) => deps.presets.get(value) ?? { reason: text.t('errUnknownPreset', { value }) });

  const placeInput = el('input', { attrs: { type: 'text', list: 'place-names', autocomplete: 'off', spellcheck: 'false' } });
  addField(
    'startPlace',
    'fieldStartPlace',
    placeInput,
    (s) => deps.network.nodes.get(s.start.place)?.name ?? s.start.place,
    (s, value, text) => {
      const node = findNode(deps.network, value.trim());
      if (!node) return { reason: text.t('errUnknownPlace', { value: value.trim() }) };
      return { ...s, start: { ...s.start, place: node.id } };
    },
    'start-place',
  );

  // The date picker offers what the scenario schema allows (one constant, in scenario-limits.ts):
  // the model runs any of these dates; where the troop records end, a note says so.
  addField('startDate', 'fieldStartDate', el('input', { attrs: { type: 'date', min: MIN_SCENARIO_DATE, max: MAX_SCENARIO_DATE } }), (s) => s.start.date, (s, value) => ({ ...s, start: { ...s.start, date: value } }), 'start-date');
  const startDateNote = el('p', { className: 'field-note', testid: 'start-date-note', attrs: { id: 'field-startDate-note', 'aria-live': 'polite' } });
  const startDateField = fields.at(-1)!;
  startDateField.input.setAttribute('aria-describedby', `${startDateField.error.id} ${startDateNote.id}`);
  startDateField.error.after(startDateNote);

  const speedInput = (mode: 'walk' | 'hitch' | 'bus', labelKey: MessageKey, testid?: string) =>
    addField(
      mode,
      labelKey,
      el('input', { attrs: { type: 'number', min: '1', max: '2000', step: '1', inputmode: 'decimal' } }),
      (s) => String(s.modes[mode].kmPerDay),
      (s, value, text) => {
        const n = numberValue(value);
        if (n === null) return { reason: text.t('errNumber') };
        return { ...s, modes: { ...s.modes, [mode]: { kmPerDay: n } } };
      },
      testid,
    );
  speedInput('walk', 'fieldWalk', 'speed-walk');
  speedInput('hitch', 'fieldHitch');
  speedInput('bus', 'fieldBus');

  const restSelect = el('select');
  addField('rest', 'fieldRest', restSelect, (s) => (s.rest.everyNDays === null ? '' : String(s.rest.everyNDays)), (s, value) => ({ ...s, rest: { everyNDays: value === '' ? null : Number(value) } }));

  const destinationSelect = el('select');
  addField(
    'destination',
    'fieldDestination',
    destinationSelect,
    (s) => (s.groups.some((g) => g.destination !== undefined) ? (s.groups.find((g) => g.destination !== undefined)!.destination ?? s.destination) : s.destination),
    (s, value) => ({ ...s, destination: value, groups: s.groups.map(({ destination: _d, ...g }) => g), splits: value === 'all' || value === 'nearest' ? s.splits : [] }),
  );

  const riskSelect = el('select');
  addField('risk', 'fieldRisk', riskSelect, (s) => String(s.route.riskAversion), (s, value) => ({ ...s, route: { ...s.route, riskAversion: Number(value) } }));

  addField(
    'troopShift',
    'fieldTroopShift',
    el('input', { attrs: { type: 'number', min: '-60', max: '60', step: '1' } }),
    (s) => String(s.troops.shiftDays),
    (s, value, text) => {
      const n = numberValue(value);
      if (n === null || !Number.isInteger(n)) return { reason: text.t('errWholeDays') };
      return { ...s, troops: { shiftDays: n } };
    },
  );

  section.append(heading, about, form, placeList);
  root.append(section);
  disposables.add(() => section.remove());

  const apply = (field: Field) => {
    const state = store.getState();
    const result = field.write(state.scenario, field.input.value, textFor(state.language));
    if ('reason' in result) {
      store.getState().refuse(field.name, result.reason);
      return;
    }
    store.getState().applyScenario(result, field.name, field.name === 'preset' ? field.input.value : null);
  };
  for (const field of fields) {
    const handler = () => apply(field);
    const event = field.input instanceof HTMLSelectElement || field.name === 'startPlace' || field.name === 'startDate' ? 'change' : 'input';
    disposables.listen(field.input, event, handler);
    if (field.name === 'startPlace') {
      disposables.listen(field.input, 'keydown', (e) => {
        if (e.key === 'Enter') handler();
      });
    }
  }

  const fillOptions = (text: Text) => {
    const { t } = text;
    restSelect.replaceChildren(el('option', { text: t('restNone'), attrs: { value: '' } }), ...[2, 3, 4, 5, 6, 7].map((n) => el('option', { text: t('restEvery', { n }), attrs: { value: String(n) } })));
    riskSelect.replaceChildren(
      el('option', { text: t('riskIgnore'), attrs: { value: '0' } }),
      el('option', { text: t('riskAvoid'), attrs: { value: '1' } }),
      el('option', { text: t('riskStrong'), attrs: { value: '3' } }),
    );
    destinationSelect.replaceChildren(
      el('option', { text: t('destAll'), attrs: { value: 'all' } }),
      el('option', { text: t('destNearest'), attrs: { value: 'nearest' } }),
      ...deps.crossings.map((c) => el('option', { text: `${c.name} (${c.usState})`, attrs: { value: c.id } })),
    );
  };

  let lastScenario: Scenario | null = null;
  const relabel = (text: Text) => {
    const { t, localized } = text;
    heading.textContent = t('scenarioHeading');
    aboutSummary.textContent = t('aboutScenario');
    for (const { option, preset } of presetOptions) option.textContent = localized(preset.name, preset.nameEs);
    fillOptions(text);
    for (const field of fields) field.label.textContent = t(field.labelKey);
    (presetSelect.lastElementChild as HTMLOptionElement).textContent = t('presetCustom');
    // Refilled options lose their selection: show the scenario's values again.
    lastScenario = null;
    update(store.getState());
  };

  /** Shows the scenario, its description and the refused fields; writes only what changed. */
  const update = (state: AppState) => {
    const scenarioChanged = state.scenario !== lastScenario;
    lastScenario = state.scenario;
    const text = textFor(state.language);
    setText(description, text.localized(state.scenario.description, state.scenario.descriptionEs));
    setText(startDateNote, startDateWarning(state.scenario, text));
    for (const field of fields) {
      const error = state.fieldErrors[field.name];
      setText(field.error, error ?? '');
      const invalid = error ? 'true' : 'false';
      if (field.input.getAttribute('aria-invalid') !== invalid) field.input.setAttribute('aria-invalid', invalid);
      field.input.closest('.field')!.classList.toggle('invalid', Boolean(error));
      // Keep what the person typed while it is refused or being typed; otherwise show the scenario.
      if (error || (!scenarioChanged && document.activeElement === field.input)) continue;
      const value = field.read(state.scenario);
      if (field.input.value !== value) field.input.value = value;
    }
  };
  /** What the start date means for the troop figures: nothing when the records cover it. */
  const startDateWarning = (scenario: Scenario, text: Text) => {
    const span = deps.deploymentSpan;
    const date = scenario.start.date;
    if (span === null) return text.t('noDeploymentRecords');
    if (date >= span.first && date <= span.last) return '';
    return text.t('noDeploymentData', { first: text.date(span.first), last: text.date(span.last) });
  };
  disposables.add(followLanguage(store, relabel));
  disposables.add(followState(store, (s) => [s.scenario, s.fieldErrors, s.presetId], update));
  return disposables;
}
