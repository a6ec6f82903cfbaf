// The attributes that steer the map (docs/element.md): how each value reaches the core, and the
// theme, which the element resolves itself (`auto` follows prefers-color-scheme).

import { LANGS, MODES, PILLARS, RESOLVED_THEMES, THEMES } from './contract.js';
import { dataBase } from './data.js';

/** Every attribute the element observes. */
export const OBSERVED = ['year', 'mode', 'pillar', 'lang', 'theme', 'region', 'src', 'indicator', 'programme', 'as-of'];

/** Applied once the map has loaded, in this order; `theme` always (its default `auto` needs resolving). */
export const START_ORDER = ['lang', 'theme', 'as-of', 'year', 'mode', 'pillar', 'region'];

/** The attributes whose values are keywords of the core, each with its list (contract.js). */
const KEYWORDS = { mode: MODES, pillar: PILLARS, lang: LANGS, theme: THEMES };

/** The attributes that name a data folder. */
const FOLDERS = ['src', 'programme'];

/**
 * True when `value` of attribute `name` is one the map cannot use: a word outside its keyword
 * list, which the map will refuse, or a folder (`src`, `programme`) that is not a URL, for which
 * the packaged data serve. Known before the map runs, so a preview can have it reported. An
 * absent attribute (null), an empty folder and the other attributes are never unusable here
 * (the core judges a year, a region and a date).
 */
export function unusableValue(name, value, documentBase) {
  if (value === null) return false;
  if (FOLDERS.includes(name)) return value !== '' && dataBase(value, documentBase) === null;
  return Object.hasOwn(KEYWORDS, name) && !KEYWORDS[name].includes(value);
}

/** The theme to draw (`light` or `dark`) for the `theme` attribute: as asked, else the system's preference. */
export function resolveTheme(wanted, prefersDark) {
  return RESOLVED_THEMES.includes(wanted) ? wanted : prefersDark ? 'dark' : 'light';
}

/**
 * Hands attribute `name` = `value` (null when removed: the default, as on a fresh map) to `core`
 * (a MapCore). Throws on a value
 * the core or the element does not know; the core then keeps its previous state. `theme` is only
 * checked here: the element resolves and applies it. `src`, `indicator` and `programme` load data
 * instead.
 */
export function applyAttribute(core, name, value) {
  switch (name) {
    case 'year':
      core.setYear(value === null ? core.latestYear() : Number(value) || NaN);
      break;
    case 'mode':
      core.setMode(value ?? 'cohort');
      break;
    case 'pillar':
      core.setPillar(value ?? 'count');
      break;
    case 'lang':
      core.setLang(value ?? 'id');
      break;
    case 'theme':
      if (unusableValue(name, value)) throw new Error(`unknown theme ${value}`);
      break;
    case 'as-of':
      core.setAsOf(value ?? '');
      break;
    case 'region':
      if (value && !core.select(value)) throw new Error(`unknown region ${value}`);
      if (!value) core.select(null);
      break;
  }
}
