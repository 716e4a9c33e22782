/**
 * The timeline along the bottom: a date axis over the scenario's span with a draggable scrub handle,
 * click-to-jump, dated event marks (hover or focus for the text, click or Enter to jump), and the
 * two linked charts with a cursor that follows the clock.
 */
import { axisBottom, select, utcDay, type ScaleTime } from 'd3';
import type { AppStore } from '../state/store';
import { drawDistanceChart, drawTroopChart, type ChartData } from './series-charts';
import { dateAt, hoursAt, startMs, timeScale } from './time-scale';

export interface TimelineEvent {
  id: string;
  date: string;
  title: string;
  text: string;
  kind: string;
}

export interface TimelineLabels {
  distance: string;
  troops: string;
  slider: string;
  valueText: (tHours: number) => string;
  formatEventDate: (iso: string) => string;
  /** Axis ticks in the interface's language: the month on the first tick of each month. */
  formatTick: (date: Date, withMonth: boolean) => string;
}

const MARGIN = { left: 12, right: 12 };
const DISTANCE_H = 52;
const TROOPS_H = 40;
const EVENTS_H = 18;
const AXIS_H = 22;
const GAP = 4;
const HEIGHT = DISTANCE_H + GAP + TROOPS_H + GAP + EVENTS_H + AXIS_H;

export interface Timeline {
  setData(data: ChartData & { spanHours: number; events: readonly TimelineEvent[] }, labels: TimelineLabels): void;
  setTime(tHours: number): void;
  dispose(): void;
}

export function mountTimeline(root: HTMLElement, store: AppStore): Timeline {
  const wrap = document.createElement('div');
  wrap.className = 'timeline-chart';
  const svgNode = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svgNode.setAttribute('height', String(HEIGHT));
  svgNode.setAttribute('role', 'group');
  const tooltip = document.createElement('div');
  tooltip.className = 'timeline-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.id = 'timeline-tooltip';
  tooltip.hidden = true;
  wrap.append(svgNode, tooltip);
  root.append(wrap);

  const svg = select(svgNode);
  const distanceG = svg.append('g').attr('class', 'chart distance-chart');
  const troopsG = svg.append('g').attr('class', 'chart troop-chart').attr('transform', `translate(0,${DISTANCE_H + GAP})`);
  const eventsY = DISTANCE_H + GAP + TROOPS_H + GAP;
  const axisY = eventsY + EVENTS_H;
  const track = svg.append('rect').attr('class', 'track').attr('y', 0).attr('height', HEIGHT).attr('fill', 'transparent').attr('data-testid', 'timeline-track');
  const eventsG = svg.append('g').attr('class', 'events').attr('transform', `translate(0,${eventsY})`);
  const axisG = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${axisY})`);
  const cursor = svg.append('line').attr('class', 'cursor').attr('y1', 0).attr('y2', axisY);
  const handle = svg
    .append('g')
    .attr('class', 'scrub-handle')
    .attr('tabindex', '0')
    .attr('role', 'slider')
    .attr('data-testid', 'scrub-handle')
    .attr('aria-valuemin', '0');
  handle.append('rect').attr('x', -7).attr('y', axisY - 9).attr('width', 14).attr('height', 18).attr('rx', 4);

  let x: ScaleTime<number, number> = timeScale('2018-10-25', 24, [MARGIN.left, 100]);
  let startDate = '2018-10-25';
  let spanHours = 24;
  let current = 0;
  let data: (ChartData & { spanHours: number; events: readonly TimelineEvent[] }) | null = null;
  let labels: TimelineLabels | null = null;

  const width = () => Math.max(200, wrap.clientWidth);
  const timeAtX = (px: number) => Math.min(Math.max(hoursAt(startDate, x.invert(px)), 0), spanHours);

  const layout = () => {
    if (!data || !labels) return;
    const w = width();
    svgNode.setAttribute('width', String(w));
    x = timeScale(startDate, spanHours, [MARGIN.left, w - MARGIN.right]);
    track.attr('x', MARGIN.left).attr('width', w - MARGIN.left - MARGIN.right).attr('data-start-ms', startMs(startDate)).attr('data-end-ms', startMs(startDate) + spanHours * 3_600_000);
    const days = spanHours / 24;
    const every = days > 120 ? 14 : days > 60 ? 7 : days > 25 ? 3 : 1;
    axisG.call(
      axisBottom(x)
        .ticks(utcDay.every(every))
        .tickFormat((d) => labels!.formatTick(d as Date, (d as Date).getUTCDate() <= every))
        .tickSizeOuter(0),
    );
    drawDistanceChart(distanceG, data, x, DISTANCE_H, labels.distance);
    drawTroopChart(troopsG, data, x, TROOPS_H, labels.troops);
    const marks = eventsG.selectAll<SVGGElement, TimelineEvent>('g.event').data(data.events, (d) => d.id);
    marks.exit().remove();
    const entered = marks
      .enter()
      .append('g')
      .attr('class', (d) => `event event-${d.kind}`)
      .attr('tabindex', '0')
      .attr('role', 'button')
      .attr('aria-describedby', 'timeline-tooltip');
    entered.append('path').attr('d', 'M0,-6 L6,0 L0,6 L-6,0 Z');
    const all = entered.merge(marks);
    all
      .attr('transform', (d) => `translate(${x(new Date(`${d.date}T12:00:00Z`))},${EVENTS_H / 2})`)
      .attr('aria-label', (d) => `${labels!.formatEventDate(d.date)}: ${d.title}`)
      .attr('data-event', (d) => d.id)
      .style('display', (d) => {
        const t = hoursAt(startDate, new Date(`${d.date}T12:00:00Z`));
        return t < 0 || t > spanHours ? 'none' : null;
      });
    setTime(current);
  };

  const showTooltip = (event: TimelineEvent, anchorX: number) => {
    tooltip.replaceChildren();
    const strong = document.createElement('strong');
    strong.textContent = `${labels?.formatEventDate(event.date) ?? event.date} · ${event.title}`;
    const text = document.createElement('div');
    text.textContent = event.text;
    tooltip.append(strong, text);
    tooltip.hidden = false;
    const w = width();
    tooltip.style.left = `${Math.min(Math.max(anchorX - 150, 4), w - 304)}px`;
  };
  const hideTooltip = () => {
    tooltip.hidden = true;
  };
  const jumpToEvent = (event: TimelineEvent) => store.getState().setTime(hoursAt(startDate, new Date(`${event.date}T12:00:00Z`)));
  /** The event mark under a pointer or keyboard event, if any. */
  const eventOf = (e: Event): TimelineEvent | undefined => {
    const mark = (e.target as Element).closest('g.event');
    return mark ? select<Element, TimelineEvent>(mark).datum() : undefined;
  };

  eventsG
    .on('pointerover', (e: PointerEvent) => {
      const datum = eventOf(e);
      if (datum) showTooltip(datum, x(new Date(`${datum.date}T12:00:00Z`)));
    })
    .on('pointerout', hideTooltip)
    .on('focusin', (e: FocusEvent) => {
      const datum = eventOf(e);
      if (datum) showTooltip(datum, x(new Date(`${datum.date}T12:00:00Z`)));
    })
    .on('focusout', hideTooltip)
    .on('pointerdown', (e: PointerEvent) => {
      e.stopPropagation();
      const datum = eventOf(e);
      if (datum) jumpToEvent(datum);
    })
    .on('keydown', (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      const datum = eventOf(e);
      if (datum) jumpToEvent(datum);
    });

  // Click anywhere to jump; press and drag (on the handle or anywhere) to scrub.
  let dragging = false;
  const onDown = (e: PointerEvent) => {
    if ((e.target as Element).closest('g.event')) return;
    dragging = true;
    svgNode.setPointerCapture(e.pointerId);
    store.getState().setPlaying(false);
    store.getState().setTime(timeAtX(e.offsetX));
  };
  const onMove = (e: PointerEvent) => {
    if (dragging) store.getState().setTime(timeAtX(e.offsetX));
  };
  const onUp = (e: PointerEvent) => {
    dragging = false;
    if (svgNode.hasPointerCapture(e.pointerId)) svgNode.releasePointerCapture(e.pointerId);
  };
  svgNode.addEventListener('pointerdown', onDown);
  svgNode.addEventListener('pointermove', onMove);
  svgNode.addEventListener('pointerup', onUp);
  svgNode.addEventListener('pointercancel', onUp);
  const resize = new ResizeObserver(() => layout());
  resize.observe(wrap);

  const setTime = (tHours: number) => {
    current = tHours;
    const px = x(dateAt(startDate, tHours));
    cursor.attr('x1', px).attr('x2', px);
    handle.attr('transform', `translate(${px},0)`).attr('aria-valuenow', String(Math.round(tHours))).attr('aria-valuetext', labels?.valueText(tHours) ?? '');
  };

  return {
    setData(next, nextLabels) {
      data = next;
      labels = nextLabels;
      startDate = next.startDate;
      spanHours = next.spanHours;
      handle.attr('aria-valuemax', String(Math.round(spanHours))).attr('aria-label', nextLabels.slider);
      layout();
    },
    setTime,
    dispose() {
      resize.disconnect();
      wrap.remove();
    },
  };
}
