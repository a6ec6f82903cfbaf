// The keyword lists of the Rust core (src/keyword.rs) and the lines the preview draws as the
// map does (src/scene), generated from src/contract.rs: do not edit.
// `PETA_UPDATE_CONTRACT=1 cargo test --lib contract` rewrites it.

export const MODES = Object.freeze(['cohort', 'pillar', 'indicator']);

export const PILLARS = Object.freeze(['count', 'governance', 'branding', 'economy', 'living', 'society', 'environment']);

export const PILLAR_KEYS = Object.freeze(['governance', 'branding', 'economy', 'living', 'society', 'environment']);

export const LANGS = Object.freeze(['id', 'en']);

export const THEMES = Object.freeze(['light', 'dark', 'auto']);

export const RESOLVED_THEMES = Object.freeze(['light', 'dark']);

export const FOCUS_MOVES = Object.freeze(['first', 'left', 'right', 'up', 'down', 'next', 'previous']);

export const CONFIDENCES = Object.freeze(['confirmed', 'inferred', 'conflicting']);

export const CITATION_KINDS = Object.freeze(['stated', 'award', 'inferred', 'unnamed']);

/** Line widths and dashes in CSS px (src/scene). */
export const LINES = Object.freeze({ border: 0.5, doubtfulDash: [3, 2], doubtfulWidth: 1, fullOutlinePxPerDegree: 12 });
