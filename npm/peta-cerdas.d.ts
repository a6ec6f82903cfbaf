// Types of the <peta-cerdas> custom element (docs/element.md in the repository).

import type { IndicatorReport, Lang, Mode, PillarChoice, RegionRef, Stats, ThemeChoice } from './contract.js';

// The values the map hands back are defined once, in the Rust core (src/contract.rs), which writes
// contract.d.ts; re-exported here under the names this package has always used.
export type * from './contract.js';
export type { IndicatorReport, RegionRef };
export type PetaCerdasMode = Mode;
export type PetaCerdasPillar = PillarChoice;
export type PetaCerdasLang = Lang;
export type PetaCerdasTheme = ThemeChoice;
export type PetaCerdasStats = Stats;

/** A Kemendagri region code such as "35.20" (Kabupaten Magetan). */
export type RegionCode = string;

export interface RegionSelectDetail {
  /** null when the selection was cleared. */
  code: RegionCode | null;
  name: string | null;
  province: string | null;
}

export interface YearChangeDetail {
  year: number;
}

export interface ErrorDetail {
  /** A sentence for a person, in the map's language where it comes from the element. */
  message: string;
}

/**
 * The element's events beside those of every HTML element. Its `error` is a CustomEvent with a
 * sentence, not the ErrorEvent of a failed resource, so HTMLElementEventMap's `error` is left out
 * (extending it whole does not compile under `skipLibCheck: false`).
 */
export interface PetaCerdasEventMap extends Omit<HTMLElementEventMap, 'error'> {
  /** The prerendered first paint is on screen (before the interactive map). */
  preview: CustomEvent<Record<string, never>>;
  ready: CustomEvent<Record<string, never>>;
  'region-select': CustomEvent<RegionSelectDetail>;
  'year-change': CustomEvent<YearChangeDetail>;
  error: CustomEvent<ErrorDetail>;
}

/**
 * The map. Attributes: `year`, `mode`, `pillar`, `lang`, `theme`, `region`, `src` (base URL of the
 * data folder; default: the package's `data/` folder, beside `peta-cerdas.js`, or for
 * `dist/peta-cerdas.js` beside its `dist/` folder, or wherever a bundler emitted its files),
 * `indicator` (URL of an indicator CSV), `programme` (URL of a folder with the site's own
 * `members.csv`, `pillars.csv` and `cohorts.csv`, loaded instead of the packaged ones), `as-of` (the
 * date the data is current as of, `2025-06-30`, shown at the end of the attribution once the
 * interactive map runs; the preview shows no date), `loading` (`lazy`, the default: the
 * prerendered preview first and the interactive map at a reader's first pointer, tap, key or focus
 * on it; `eager`: the interactive map at once; any other value is `lazy`) and the boolean
 * `sync-hash`. `loading` and `sync-hash` are not observed: set them before the element is connected.
 */
export declare class PetaCerdasElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /**
   * Resolves when the interactive map has drawn; rejects when it cannot start (it then shows why).
   * A lazy map (the default) starts at a reader's intent or a call of `load()`.
   */
  readonly ready: Promise<void>;
  /** Starts the interactive map now, as a reader's intent would; the `ready` promise. */
  load(): Promise<void>;
  /** Bytes of WebAssembly memory used by every map on the page. */
  readonly memoryBytes: number;
  /**
   * The region at a longitude/latitude (WGS 84), or null at sea (and once an internal error has
   * stopped the map). Throws `peta-cerdas: the map is not loaded yet` before the map has loaded:
   * await `ready` or `load()` first.
   */
  regionAt(lon: number, lat: number): RegionRef | null;
  /**
   * Where a longitude/latitude lies on the map, in CSS pixels from the canvas's top-left corner;
   * null only once an internal error has stopped the map. Throws `peta-cerdas: the map is not
   * loaded yet` before the map has loaded: await `ready` or `load()` first.
   */
  toScreen(lon: number, lat: number): { x: number; y: number } | null;
  /**
   * Shows your own indicator: CSV text with a code (`35.20`) or name column and a value column,
   * `,` or `;` separated (decimal comma with `;`). Rejects when no row can be used, with an
   * `AbortError` when a later `loadIndicator` or `clearIndicator` came first, and with
   * `peta-cerdas: the map is not loaded yet` before the map has loaded. The CSV parser is a small
   * second wasm, fetched the first time.
   */
  loadIndicator(csv: string): Promise<IndicatorReport>;
  /** Removes the indicator; the map shows cohorts again. */
  clearIndicator(): void;
  /**
   * Selects a region by Kemendagri code; `null` clears. False for an unknown code. Before the map
   * has loaded, the call is remembered (the last one wins), starts the map and is applied when it
   * first draws, as the `region` attribute is: true, and an unknown code is reported by `error`.
   */
  select(code: RegionCode | null): boolean;
  /**
   * The figures `peta-cerdas stats` prints, for the current year (null before the map has loaded);
   * the reports' wasm comes the first time.
   */
  stats(): Promise<PetaCerdasStats | null>;
  /**
   * The data table of the current year as CSV text for spreadsheets: a UTF-8 BOM, the header in
   * the map's language, one row per member with every year and its confidence and every source URL.
   * Rejects before the map has loaded, and when a sources file or the reports' wasm cannot be
   * fetched; resolves to null once an internal error has stopped the map.
   */
  toCSV(): Promise<string | null>;
  /**
   * The current view as a standalone SVG document; null once an internal error has stopped the
   * map. Throws `peta-cerdas: the map is not loaded yet` before the map has loaded.
   */
  toSVG(): string | null;
  /** The current canvas as a PNG. Rejects before the map has loaded. */
  toPNG(): Promise<Blob>;

  addEventListener<K extends keyof PetaCerdasEventMap>(
    type: K,
    listener: (this: PetaCerdasElement, event: PetaCerdasEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PetaCerdasEventMap>(
    type: K,
    listener: (this: PetaCerdasElement, event: PetaCerdasEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'peta-cerdas': PetaCerdasElement;
  }
}
