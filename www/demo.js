// The demo page: the embed builder (choices → a live preview and copy-ready snippets with this
// server's address) and "your own data". Text goes in through textContent and value only.
const base = new URL('./', location.href);
const $ = (id) => document.getElementById(id);
const field = {
  year: $('builder-year'),
  mode: $('builder-mode'),
  pillar: $('builder-pillar'),
  lang: $('builder-lang'),
  theme: $('builder-theme'),
  height: $('builder-height'),
};
const FIRST_YEAR = 2017;
const LAST_YEAR = 2024;
for (let year = LAST_YEAR; year >= FIRST_YEAR; year--) {
  const option = document.createElement('option');
  option.value = option.textContent = String(year);
  field.year.append(option);
}

/** The builder's choices, normalised. */
function choices() {
  const height = Math.min(1200, Math.max(240, Math.round(Number(field.height.value) || 560)));
  const mode = field.mode.value === 'pillar' ? 'pillar' : 'cohort';
  return {
    year: field.year.value,
    mode,
    pillar: mode === 'pillar' ? field.pillar.value : null,
    lang: field.lang.value === 'en' ? 'en' : 'id',
    theme: field.theme.value,
    height,
  };
}

/** The element's attributes for the choices `c`, in snippet order. */
function attributes(c) {
  const attrs = [
    ['year', c.year],
    ['mode', c.mode],
  ];
  if (c.pillar) attrs.push(['pillar', c.pillar]);
  attrs.push(['lang', c.lang]);
  if (c.theme !== 'auto') attrs.push(['theme', c.theme]);
  return attrs;
}

/** What embed.html shows besides the map (toolbar, legend, attribution) in a 700 px column. */
const IFRAME_EXTRA_PX = 580;

function snippets(c) {
  const attrs = attributes(c)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  // The height goes in the site's stylesheet: a strict CSP (style-src 'self') blocks a style attribute.
  const element = `<script type="module" src="${new URL('dist/peta-cerdas.js', base)}"></script>
<peta-cerdas${attrs}></peta-cerdas>
<!-- The map's height, in your site's stylesheet (a strict CSP blocks style attributes):
peta-cerdas { --peta-cerdas-map-height: ${c.height}px; } -->`;
  const hash = new URLSearchParams(attributes(c)).toString();
  const title = c.lang === 'en' ? "Map of Indonesia's Smart City Movement" : 'Peta Gerakan Menuju Kota Cerdas';
  // The frame's height shows all of embed.html in a column of 700 px or wider (npm/README.md);
  // embed-resize.js, where the site allows scripts, then fits it to what the page reports.
  const iframe = `<iframe class="peta-cerdas" src="${new URL(`embed.html?height=${c.height}#${hash}`, base)}"
  title="${title}" height="${c.height + IFRAME_EXTRA_PX}" loading="lazy"></iframe>
<script src="${new URL('embed-resize.js', base)}"></script>
<!-- In your site's stylesheet (a strict CSP blocks style attributes):
iframe.peta-cerdas { width: 100%; border: 0; } -->`;
  return { element, iframe };
}

// The preview is made when the builder is first opened: a visitor who never opens it loads one map.
let preview = null;
function update() {
  const c = choices();
  field.pillar.disabled = c.mode !== 'pillar';
  const { element, iframe } = snippets(c);
  $('snippet-element').value = element;
  $('snippet-iframe').value = iframe;
  if (!preview) return;
  for (const name of ['year', 'mode', 'pillar', 'lang', 'theme']) {
    const value = attributes(c).find(([n]) => n === name)?.[1];
    if (value === undefined) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
  }
  // CSSOM, not a style attribute: allowed under a strict style-src.
  preview.style.setProperty('--peta-cerdas-map-height', `${c.height}px`);
}
$('builder-form').addEventListener('input', update);
$('builder-form').addEventListener('change', update);
$('builder-form').addEventListener('submit', (event) => event.preventDefault());
$('builder').addEventListener('toggle', () => {
  if (!$('builder').open || preview) return;
  preview = document.createElement('peta-cerdas');
  preview.id = 'builder-preview';
  update();
  $('builder-preview-box').append(preview);
});
update();

const status = $('copy-status');
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const box = $(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = 'Kode disalin.';
    } catch {
      // No clipboard access: select the code so that Ctrl+C (⌘C) copies it.
      box.focus();
      box.select();
      status.textContent = 'Salin tidak diizinkan peramban; kode sudah dipilih, tekan Ctrl+C (⌘C) untuk menyalin.';
    }
  });
}

// "Your own data": the CSV is read locally and handed to the element; problems are listed as text.
const map = document.querySelector('peta-cerdas');
const fileInput = document.getElementById('indicator-file');
const indicatorStatus = document.getElementById('indicator-status');
const problemList = document.getElementById('indicator-problems');
fileInput.addEventListener('change', async () => {
  const file = fileInput.files[0];
  if (!file) return;
  problemList.replaceChildren();
  try {
    await map.load();
    const report = await map.loadIndicator(await file.text());
    indicatorStatus.textContent = `${report.label}: ${report.matched} kabupaten/kota cocok dari ${report.rows} baris; ${report.problems.length} baris bermasalah.`;
    for (const problem of report.problems.slice(0, 50)) {
      const item = document.createElement('li');
      item.textContent = problem;
      problemList.append(item);
    }
  } catch (error) {
    indicatorStatus.textContent = `Berkas tidak dapat dipakai: ${error.message}`;
  }
});
document.getElementById('indicator-clear').addEventListener('click', () => {
  map.clearIndicator();
  fileInput.value = '';
  indicatorStatus.textContent = '';
  problemList.replaceChildren();
});
