// The first paint: `preview.json` (written at build time by `peta-cerdas preview`; its type is
// `Preview` in contract.d.ts) drawn as SVG in the map's stage, so the map is on screen from a
// fraction of the interactive map's bytes and before any WebAssembly runs. It covers the home
// view in cohort mode, which is what a page shows first; the file carries each cohort year's
// colours and the controls' `ui()` answer for every year, language and theme, so nothing here
// decides a colour. The DOM is built from the file's path data alone: whatever else the file
// holds never reaches the page as markup.

import { LANGS, LINES, MODES, PILLARS, THEMES } from './contract.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Hatching as the canvas draws it: a stripe 2 CSS px wide every 6, at 45°, anchored at the map's corner. */
const HATCH_PERIOD = 6;
const HATCH_WIDTH = 2;

/** The border's width on this screen, as src/scene's `border_width`: at most one device pixel. */
const borderWidth = (ratio) => (ratio > 0 ? Math.min(LINES.border, 1 / ratio) : LINES.border);

/** The dashed outline's width on a map whose degree spans `pxPerDegree`, as src/scene's `doubtful_width`. */
const doubtfulWidth = (pxPerDegree) =>
  LINES.doubtfulWidth * Math.min(1, Math.max(0.5, pxPerDegree / LINES.fullOutlinePxPerDegree));

/**
 * The view a preview can show for the element's attributes (`attribute(name)` answers a value or
 * null) and, with `sync-hash`, the link in `hash`, which wins over them as it does on the map:
 * `{year, lang, theme}` with `year` null for the latest; null when only the interactive map can
 * show what is asked (another mode, an indicator, a site's own programme, a selected region, a
 * view other than the home view, or a link it cannot read: the map reports that).
 */
export function previewView(attribute, hash, prefersDark, resolveTheme) {
  const link = attribute('sync-hash') === null ? {} : previewLink(hash);
  if (link === null) return null;
  const mode = link.mode ?? attribute('mode');
  if (mode !== null && mode !== 'cohort') return null;
  if (['indicator', 'programme', 'region'].some((name) => attribute(name) !== null)) return null;
  const year = link.year ?? attribute('year');
  return {
    year: year === null ? null : Number(year),
    lang: (link.lang ?? attribute('lang')) === 'en' ? 'en' : 'id',
    theme: resolveTheme(link.theme ?? attribute('theme'), prefersDark),
  };
}

/** What a link may set for the preview to show it, each value exactly as the core writes it. */
const LINK_FIELDS = {
  year: (value) => /^\d{4}$/.test(value),
  mode: (value) => MODES.includes(value),
  pillar: (value) => PILLARS.includes(value),
  lang: (value) => LANGS.includes(value),
  theme: (value) => THEMES.includes(value),
};

/**
 * The fields of a `sync-hash` link (`#year=2021&mode=cohort&lang=en&theme=dark`, as the demo's
 * iframe code writes it), the last of each key winning as in the core; null when the link holds
 * anything else (a view, a region, a value spelled otherwise), which the interactive map shows or
 * reports. A conservative reading: the core's own (src/view/hash.rs) decides once the map runs.
 */
function previewLink(hash) {
  const link = {};
  for (const field of hash.replace(/^#/, '').split('&')) {
    if (field === '') continue;
    const split = field.indexOf('=');
    const [key, value] = split < 0 ? [field, ''] : [field.slice(0, split), field.slice(split + 1)];
    if (!Object.hasOwn(LINK_FIELDS, key) || !LINK_FIELDS[key](value)) return null;
    link[key] = value;
  }
  return link;
}

/** The `ui` of `data` (a Preview) for a view, or null when the file has no such year. */
export function previewUi(data, { year, lang, theme }) {
  const entry = year === null ? data.years.at(-1) : data.years.find((y) => y.year === year);
  return entry?.ui.find((ui) => ui.lang === lang && ui.theme === theme) ?? null;
}

function node(name, attributes = {}) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** A preview drawn into a stage; `paint(view)` colours it, `remove()` takes it away. */
export class Preview {
  #data;
  #svg;
  #hatched;
  #doubtful;
  #pattern;
  #stripe;
  #shapes;

  /** Draws the borders of `data` (a Preview) into `stage`, under its other children. */
  constructor(data, stage) {
    this.#data = data;
    this.#stripe = node('rect', { width: HATCH_WIDTH, height: HATCH_PERIOD });
    this.#pattern = node('pattern', {
      id: 'preview-hatch',
      width: HATCH_PERIOD,
      height: HATCH_PERIOD,
      patternUnits: 'userSpaceOnUse',
    });
    this.#pattern.append(this.#stripe);
    const defs = node('defs');
    defs.append(this.#pattern);
    this.#shapes = node('g', { 'stroke-linejoin': 'round' });
    this.#hatched = node('g', { fill: 'url(#preview-hatch)' });
    this.#doubtful = node('g', { fill: 'none' });
    this.#svg = node('svg', {
      class: 'preview',
      viewBox: `0 0 ${data.width} ${data.height}`,
      preserveAspectRatio: 'xMidYMid meet',
      'aria-hidden': 'true',
    });
    this.#svg.append(defs, this.#shapes, this.#hatched, this.#doubtful);
    stage.prepend(this.#svg);
  }

  /** Colours the map for `view`; the controls' `ui` for it, or null (nothing changed) without one. */
  paint(view) {
    const ui = previewUi(this.#data, view);
    if (!ui) return null;
    const entry = this.#data.years.find((y) => y.year === ui.year);
    const colours = this.#data.themes.find((t) => t.theme === ui.theme);
    this.#svg.setAttribute('stroke', colours.stroke);
    // One path per class, hatching and dashing: a dozen elements for the browser to style, lay
    // out and paint instead of several hundred, which a slow phone's first paint feels.
    const paths = this.#data.paths;
    /** One path of these regions' borders joined, or none. */
    const joined = (indices, attributes = {}) =>
      indices.length ? [node('path', { ...attributes, d: indices.map((index) => paths[index]).join('') })] : [];
    const byClass = new Map();
    paths.forEach((_, index) => {
      const digit = entry.classes[index];
      if (!byClass.has(digit)) byClass.set(digit, []);
      byClass.get(digit).push(index);
    });
    this.#shapes.replaceChildren(
      ...[...byClass].flatMap(([digit, indices]) => joined(indices, { fill: colours.fills[parseInt(digit, 36)] })),
    );
    this.#stripe.setAttribute('fill', colours.hatch);
    this.#hatched.replaceChildren(...joined(entry.hatched));
    this.#doubtful.setAttribute('stroke', colours.doubtful);
    this.#doubtful.replaceChildren(...joined(entry.doubtful));
    // Measured in the next frame, with the layout that frame makes anyway, not a forced one now.
    requestAnimationFrame(() => this.place());
    return ui;
  }

  /**
   * Sizes lines, dashes and hatching in CSS px for the box's current size, as the canvas draws
   * them: the drawing lives in the grid's units, which the box scales. The hatching is anchored
   * at the stage's corner, where the canvas anchors it.
   */
  place() {
    const box = this.#svg.getBoundingClientRect();
    const stage = this.#svg.parentElement;
    if (box.width < 1 || box.height < 1 || !stage) return;
    const scale = Math.min(box.width / this.#data.width, box.height / this.#data.height);
    const corner = stage.getBoundingClientRect();
    const left = box.left - corner.left - stage.clientLeft + (box.width - this.#data.width * scale) / 2;
    const top = box.top - corner.top - stage.clientTop + (box.height - this.#data.height * scale) / 2;
    this.#shapes.setAttribute('stroke-width', borderWidth(globalThis.devicePixelRatio) / scale);
    const [west, , east] = this.#data.bounds;
    this.#doubtful.setAttribute('stroke-width', doubtfulWidth((scale * this.#data.width) / (east - west)) / scale);
    this.#doubtful.setAttribute('stroke-dasharray', LINES.doubtfulDash.map((px) => px / scale).join(' '));
    this.#pattern.setAttribute(
      'patternTransform',
      `translate(${-left / scale} ${-top / scale}) scale(${1 / scale}) rotate(45)`,
    );
  }

  remove() {
    this.#svg.remove();
  }
}
