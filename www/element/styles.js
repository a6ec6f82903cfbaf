// The element's CSS: one constructable stylesheet shared by every <peta-cerdas> on the page and
// adopted by each shadow root, so a strict CSP (`style-src 'self'`, no 'unsafe-inline') applies.

/** Touch targets of at least 44×44 CSS px (WCAG 2.5.5): on touch screens and on narrow maps. */
const TAP = `button, select, input { min-height: 44px; min-width: 44px; }
  input[type=range] { height: 44px; }
  .zoom button { width: 44px; height: 44px; }
  details summary { min-height: 44px; padding: .6rem 0; }
  .results li { min-height: 44px; display: flex; align-items: center; }`;

/** The whole stylesheet; colours are custom properties so `.dark` and forced colours can swap them. */
export const CSS = `
:host { display: block; contain: content; }
:host([hidden]) { display: none; }
.root { all: initial; display: flex; flex-direction: column; gap: .5rem; box-sizing: border-box;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg); padding: .75rem; border-radius: 6px; container-type: inline-size;
  --bg: #f7f9fb; --fg: #1b2430; --muted: #4a5563; --line: #8a95a3; --panel: #ffffff; --accent: #0b5cad; --focus: #b3006b;
  color-scheme: light; }
/* color-scheme: the native parts of controls (WebKit's select, scroll bars, the slider) follow the theme too. */
.root.dark { color-scheme: dark; --bg: #11151b; --fg: #e8edf3; --muted: #b4bfcc; --line: #6b7785; --panel: #1b222b; --accent: #8cc4ff; --focus: #ff8fd0; }
.root *, .root *::before, .root *::after { box-sizing: border-box !important; }
.root [hidden] { display: none !important; }
h2, h3, h4, p, ul, ol, figure { margin: 0; padding: 0; }
ul { list-style: none; }
h2 { font-size: 1.15rem; font-weight: 650; }
.subtitle, .muted { color: var(--muted); }
.sr-only { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.field { display: flex; gap: .4rem; align-items: center; }
label, .label { font-weight: 600; }
button, select, input { display: inline-block; visibility: visible; opacity: 1; min-height: 32px; border: 1px solid var(--line);
  border-radius: 4px; background: var(--panel); color: var(--fg); padding: 2px 8px; font: inherit; }
input[type=range] { padding: 0; width: 12rem; accent-color: var(--accent); border: 0; background: transparent; }
button { cursor: pointer; }
button:hover { border-color: var(--fg); }
:focus-visible { outline: 3px solid var(--focus) !important; outline-offset: 2px; }
.search { position: relative; }
.search input { width: 14rem; }
.results { position: absolute; z-index: 3; top: 100%; left: 0; min-width: 100%; background: var(--panel);
  border: 1px solid var(--line); border-radius: 4px; max-height: 16rem; overflow: auto; }
.results li { padding: 4px 8px; cursor: pointer; }
.results li[aria-selected=true], .results li:hover { background: var(--accent); color: var(--panel); }
.stage { position: relative; display: block; width: 100%; height: var(--peta-cerdas-map-height, clamp(200px, 48vw, 620px));
  border: 1px solid var(--line); border-radius: 4px; overflow: hidden; background: var(--bg); touch-action: pan-x pan-y; }
canvas { display: block !important; visibility: visible !important; position: absolute; inset: 0; width: 100% !important; height: 100% !important; cursor: grab; }
canvas.dragging { cursor: grabbing; }
/* The canvas fills the stage, which clips what lies outside it: its focus ring goes inside. */
canvas:focus-visible { outline-offset: -3px; }
/* The prerendered first paint under the canvas, inset as the home view fits the country (FIT_PADDING in src/map). */
.preview { position: absolute; inset: 16px; width: calc(100% - 32px); height: calc(100% - 32px); pointer-events: none; }
.map-box { position: relative; }
.zoom { position: absolute; top: .5rem; right: .5rem; display: flex; flex-direction: column; gap: 4px; z-index: 2; }
.zoom button { width: 36px; height: 36px; font-size: 18px; line-height: 1; padding: 0; }
.tooltip { position: absolute; z-index: 2; pointer-events: none; max-width: 18rem; background: var(--panel); border: 1px solid var(--line);
  border-radius: 4px; padding: 6px 8px; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.tooltip strong { display: block; font-weight: 650; }
.hint { position: absolute; z-index: 4; left: 50%; top: 50%; transform: translate(-50%, -50%); max-width: 85%;
  background: rgba(17,21,27,.86); color: #fff; padding: .6rem .9rem; border-radius: 6px; text-align: center; pointer-events: none; }
.message { background: var(--panel); color: var(--fg); border: 2px solid var(--focus); border-radius: 6px; padding: .5rem .75rem; }
/* In the middle of the stage, over the preview too; a tap goes through it to the map. */
.loading { position: absolute; z-index: 2; left: 50%; top: 50%; transform: translate(-50%, -50%); white-space: nowrap;
  pointer-events: none; background: var(--panel); color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: .3rem .75rem; }
.panel { position: absolute; z-index: 3; top: .5rem; left: .5rem; bottom: .5rem; width: min(22rem, 70%); overflow: auto;
  background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; display: flex; flex-direction: column; gap: .5rem; }
.panel h3 { font-size: 1.05rem; padding-right: 2.5rem; }
.panel .close { position: absolute; top: .4rem; right: .4rem; }
/* The lists' headings are small labels, as close to their list as a line is to the next. */
.panel h4 { font-size: 13px; font-weight: 600; color: var(--muted); margin-bottom: -.4rem; }
.panel li { margin: .25rem 0; }
.panel q { display: block; font-style: italic; color: var(--muted); }
a { color: var(--accent); text-decoration: underline; overflow-wrap: anywhere; }
/* The overlays' chips (spans) are lower than the toggles (buttons): centred, their labels line up. */
.legend { display: flex; flex-wrap: wrap; gap: .35rem .5rem; align-items: center; }
.legend button { display: inline-flex; align-items: center; gap: .4rem; }
.legend button[aria-pressed=false] { text-decoration: line-through; opacity: .75; }
.legend .static { display: inline-flex; align-items: center; gap: .4rem; padding: 2px 8px; }
.swatch { display: inline-block; width: 1rem; height: 1rem; border: 1px solid var(--line); border-radius: 2px; forced-color-adjust: none; }
.swatch.dashed { border: 1.5px dashed var(--fg); }
.swatch.hatched { background-image: repeating-linear-gradient(45deg, var(--bg) 0 1.5px, transparent 1.5px 4px) !important; }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
.identified { display: flex; flex-wrap: wrap; gap: .1rem 1rem; color: var(--muted); font-size: 13px; }
.attribution { font-size: 12px; color: var(--muted); }
details summary { cursor: pointer; font-weight: 600; }
.table-wrap { max-height: 22rem; overflow: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 3px 6px; }
.fallback img { display: block !important; visibility: visible !important; width: 100%; height: auto; }
@media (pointer: coarse) { ${TAP} }
/* A narrow map (a phone): the stage takes Indonesia's shape (about 2.7:1 in the map's projection,
   plus the 16 px the home view leaves on every side), so the home view fills its width; the zoom
   buttons leave the map for a row under it (every corner of so tight a box is land); the toolbar
   wraps and nothing is wider than the element. */
@container (max-width: 640px) {
  .stage { height: var(--peta-cerdas-map-height, calc((100cqw - 32px) / 2.6 + 32px)); min-height: 100px; }
  .zoom { position: static; flex-direction: row; justify-content: flex-end; gap: .5rem; margin-top: .5rem; }
  .toolbar { gap: .5rem; }
  .field { flex-wrap: wrap; min-width: 0; max-width: 100%; }
  input[type=range] { flex: 1 1 7rem; width: auto; min-width: 0; }
  .search { flex: 1 1 100%; }
  .search input { flex: 1 1 8rem; width: auto; min-width: 0; }
  select { max-width: 100%; min-width: 0; }
  .panel { position: relative; inset: auto; width: auto; margin-top: .5rem; }
  ${TAP}
}
/* The rows the map fills in when it has loaded (subtitle, legend, identified, attribution) keep
   the room they will take from the first paint, so nothing below them jumps (CLS): upper bounds
   of their height by the width inside the element (measured in Chromium, either language), the legend's
   for the mode and pillar on the root (data-mode and data-pillar: the attributes' until the map
   answers): the pillar counts' legend is shorter than the cohorts', one pillar's shorter still.
   A narrower bucket comes later and wins. */
.subtitle { min-height: 1.45em; }
#year-value { display: inline-block; min-width: 4ch; }
.legend-box { min-height: 90px; }
.identified { min-height: 62px; }
.attribution { min-height: 1.45em; }
@container (max-width: 940px) { .legend-box { min-height: 130px; } [data-mode=pillar] .legend-box { min-height: 90px; }
  .identified { min-height: 82px; } }
@container (max-width: 740px) { .attribution { min-height: calc(2 * 1.45em); } }
@container (max-width: 650px) { .legend-box { min-height: 168px; } [data-mode=pillar] .legend-box { min-height: 168px; } }
@container (max-width: 600px) { .subtitle { min-height: calc(2 * 1.45em); } .legend-box { min-height: 200px; }
  .identified { min-height: 124px; } }
@container (max-width: 510px) { [data-mode=pillar] .legend-box { min-height: 218px; } .identified { min-height: 144px; } }
@container (max-width: 470px) { .legend-box { min-height: 250px; } }
@container (max-width: 430px) { .legend-box { min-height: 280px; } .identified { min-height: 163px; } }
@container (max-width: 420px) { [data-mode=pillar] .legend-box { min-height: 268px; } }
@container (max-width: 380px) { .attribution { min-height: calc(3 * 1.45em); } }
@container (max-width: 340px) { .legend-box { min-height: 350px; } }
@container (max-width: 330px) { .subtitle { min-height: calc(3 * 1.45em); } }
@container (max-width: 280px) { .identified { min-height: 258px; } }
[data-mode=pillar]:not([data-pillar=count]) .legend-box { min-height: 55px; }
@container (max-width: 940px) { [data-mode=pillar]:not([data-pillar=count]) .legend-box { min-height: 92px; } }
@container (max-width: 650px) { [data-mode=pillar]:not([data-pillar=count]) .legend-box { min-height: 117px; } }
@container (max-width: 510px) { [data-mode=pillar]:not([data-pillar=count]) .legend-box { min-height: 166px; } }
@container (max-width: 400px) { [data-mode=pillar]:not([data-pillar=count]) .legend-box { min-height: 216px; } }
@media (forced-colors: active) {
  .root { --line: CanvasText; --focus: Highlight; }
  .legend button[aria-pressed=true] { border-width: 3px; }
}
@media (prefers-reduced-motion: reduce) { .root * { transition: none !important; animation: none !important; } }
`;

let sharedSheet = null;

/** The one CSSStyleSheet holding CSS, made on first use. */
export function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(CSS);
  }
  return sharedSheet;
}

/** Gives a shadow root the stylesheet (a `<style>` element where adoptedStyleSheets is missing). */
export function adoptStyles(shadow) {
  if ('adoptedStyleSheets' in shadow) {
    shadow.adoptedStyleSheets = [styleSheet()];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    shadow.append(style);
  }
}
