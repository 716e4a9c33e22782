/**
 * How big a scenario may be. A share link or a file is small text, but text is not work: lz-string
 * packs 10,000 groups into 8,000 characters, and every group, rule and place costs the model time on
 * every day of every run. These bounds are what keeps the work of any scenario a link or a file can
 * carry small enough to run at once, and they are sized from what real scenarios need:
 *
 * - groups: the 2018 caravan moved as three (lead, main, rear) plus one that stayed in Mexicali;
 *   later caravans as one to four. Twelve leaves room for every splinter a planner wants to follow.
 * - splits and merges: one or two per caravan on record; twelve of each.
 * - group references (the `groups` a rule, stay or event applies to): every group and split group.
 * - via-places: the 2018 route needs four; sixteen fix any route across Mexico town by town.
 * - closed places: the network has 196 places; 200 can close every one of them.
 * - regions (avoided or in a rule): Mexico has 32 states.
 * - mode rules and stays: the 2018 preset has seven of each; forty.
 * - attrition events: dated losses (a raid, a bus accident), a few per caravan; one hundred.
 * - days: a year (maxDays, in the schema) — the longest caravan on record took about seven months.
 * - text: preset names are under 40 characters and descriptions under 600; names get 120 and
 *   descriptions 2,000 (both languages), ids 64, place names 100 (the longest on the network is 24),
 *   region names 60 (the longest state name is 31).
 *
 * The worst scenario these allow (12 groups and 12 splits on the road for 365 days, every list
 * full) still plans and runs in well under a second; scripts/bench-limits.ts measures it.
 */
export const SCENARIO_LIMITS = {
  groups: 12,
  splits: 12,
  merges: 12,
  /** Groups a scenario can have in all: its own and those its splits create. */
  groupRefs: 24,
  via: 16,
  closedPlaces: 200,
  regions: 32,
  modeRules: 40,
  stays: 40,
  attritionEvents: 100,
  idChars: 64,
  nameChars: 120,
  descriptionChars: 2_000,
  placeChars: 100,
  regionChars: 60,
} as const;

/**
 * The dates a scenario may use. The model's data (roads, crossings, troops) describe Mexico and the
 * border of this century; caravans on record start in 2018–2024, and a planner may look ahead. The
 * calendar functions (src/sim/time.ts) work on any four-digit year, so 2000–2100 keeps everything a
 * scenario derives from its dates (a year of days, troops shifted two months) far inside it.
 */
export const MIN_SCENARIO_DATE = '2000-01-01';
export const MAX_SCENARIO_DATE = '2100-12-31';
