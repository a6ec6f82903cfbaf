// The Rust↔JS contract of peta-cerdas, generated from src/contract.rs: do not edit.
// `PETA_UPDATE_CONTRACT=1 cargo test --lib contract` rewrites it after a change to those structs.

export type Mode = "cohort" | "pillar" | "indicator";

export type PillarChoice = "count" | "governance" | "branding" | "economy" | "living" | "society" | "environment";

export type Pillar = "governance" | "branding" | "economy" | "living" | "society" | "environment";

export type Lang = "id" | "en";

export type ThemeChoice = "light" | "dark" | "auto";

export type Theme = "light" | "dark";

export type FocusMove = "first" | "left" | "right" | "up" | "down" | "next" | "previous";

export type Confidence = "confirmed" | "inferred" | "conflicting";

export type CitationKind = "stated" | "award" | "inferred" | "unnamed";

export type Ui = { year: number, years: Array<number>, mode: Mode, pillar: PillarChoice, lang: Lang, theme: Theme, title: string, subtitle: string, summary: string, attribution: string, 
/**
 * The six pillars in programme order, named in the current language, for the pillar picker.
 */
pillars: Array<UiPillar>, 
/**
 * The loaded indicator's name (its value column's header), if any: the mode picker offers it.
 */
indicator: string | null, legend: UiLegend, identified: Array<UiIdentified>, 
/**
 * The selected region's index, if any.
 */
selected: number | null, 
/**
 * The region under the pointer, if any.
 */
hovered: number | null, 
/**
 * Whether the source links, notes and quotes this view shows are loaded: the selected
 * region's, and every region's while the table is open (`setTableOpen`). Until they are,
 * `regionInfo` and `table` answer without them (`sourcesWanted`, `loadProgrammeSources`).
 */
sources: boolean, };

export type UiLegend = { title: string, entries: Array<UiLegendEntry>, };

export type UiLegendEntry = { key: string | null, label: string, count: number, fill: string, hatched: boolean, 
/**
 * The entry stands for the dashed outline of doubtful listings, not a fill.
 */
dashed: boolean, hidden: boolean, };

export type UiIdentified = { year: number, 
/**
 * Members no source doubts.
 */
confirmed: number, 
/**
 * Members listed only on inferred or conflicting evidence.
 */
doubtful: number, official: number, text: string, };

export type UiPillar = { key: Pillar, label: string, };

export type RegionInfo = { index: number, code: string, name: string, province: string, description: string, 
/**
 * The region's value in the loaded indicator, if one is loaded.
 */
value: UiValue | null, memberships: Array<UiMembership>, pillars: Array<UiPillar>, citations: Array<UiCitation>, };

export type UiMembership = { year: number, confidence: Confidence, confidenceNote: string, sourceUrl: string, sourceTitle: string, note: string, };

export type UiValue = { label: string, value: number | null, 
/**
 * The value as the language writes it, or "no value".
 */
text: string, };

export type UiCitation = { pillars: Array<string>, kind: CitationKind, sourceUrl: string, quote: string, };

export type RegionRef = { 
/**
 * The Kemendagri code, such as "35.20".
 */
code: string, name: string, province: string, };

export type SearchHit = { index: number, code: string, name: string, province: string, };

export type Preview = { 
/**
 * The grid the paths are drawn on, fitted in the map's box as the home view fits the country.
 */
width: number, height: number, 
/**
 * The country's `[west, south, east, north]` in degrees, which the grid spans; the
 * interactive map reads the paths back on it as its coarsest level.
 */
bounds: [number, number, number, number], 
/**
 * SVG path data of each region, in atlas order (`asset::paths`).
 */
paths: Array<string>, 
/**
 * Per theme: the page colours and the fill of each class.
 */
themes: Array<PreviewTheme>, 
/**
 * Per cohort year, oldest first.
 */
years: Array<PreviewYear>, };

export type PreviewTheme = { theme: Theme, background: string, stroke: string, hatch: string, 
/**
 * The dashed outline of doubtful listings.
 */
doubtful: string, 
/**
 * The fill of class `i`, the `i`th character of `PreviewYear.classes` in base 36.
 */
fills: Array<string>, };

export type PreviewYear = { year: number, 
/**
 * One base-36 digit per region, in the order of the document's paths: its class.
 */
classes: string, 
/**
 * Regions hatched as repeat members.
 */
hatched: Array<number>, 
/**
 * Regions outlined dashed: first listing doubtful.
 */
doubtful: Array<number>, 
/**
 * What `ui()` answers in that year, for each language and theme (`lang`, `theme` inside).
 */
ui: Array<Ui>, };

export type TableRow = { index: number, code: string, name: string, province: string, years: Array<number>, 
/**
 * How firmly the sources place the region in each of `years`.
 */
confidences: Array<Confidence>, 
/**
 * A membership of the region is inferred or conflicting in the sources.
 */
flagged: boolean, pillars: Array<string>, sources: Array<string>, };

export type IndicatorReport = { label: string, rows: number, matched: number, 
/**
 * One sentence per row that could not be used, with its line number.
 */
problems: Array<string>, };

export type Stats = { regions: number, year: number, membersAsOfYear: number, cohorts: Array<CohortStats>, pillars: PillarStats, };

export type CohortStats = { year: number, official: number, identified: number, };

export type PillarStats = { governance: number, branding: number, economy: number, living: number, society: number, environment: number, };

export type Participation = { year: number, 
/**
 * The chart's title, as the SVG's `<title>` has it.
 */
title: string, 
/**
 * The chart's facts in words, as the SVG's `<desc>` has it: the image's text alternative.
 */
description: string, cohorts: Array<CohortFigure>, provinces: Array<ProvinceFigure>, };

export type CohortFigure = { year: number, 
/**
 * Kab/kota in the cohort by the official count.
 */
official: number, 
/**
 * Members of the cohort no source doubts.
 */
confirmed: number, 
/**
 * Members of the cohort listed only on inferred or conflicting evidence.
 */
doubtful: number, 
/**
 * Distinct kab/kota listed in this cohort or an earlier one.
 */
members: number, 
/**
 * The cohort's colour on the map, `#rrggbb`.
 */
fill: string, };

export type ProvinceFigure = { province: string, 
/**
 * Its kabupaten/kota in the atlas.
 */
regions: number, 
/**
 * How many of them are members by the year.
 */
members: number, 
/**
 * `members / regions`, 0..=1.
 */
share: number, };
