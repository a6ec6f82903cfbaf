// A strict TypeScript consumer of the packed package: every attribute, event, method and property
// of <peta-cerdas> as npm/README.md documents them. tests/bundlers/run.mjs compiles it with
// `tsc --strict --noEmit` against the installed tarball's peta-cerdas.d.ts (resolution "bundler"
// and "nodenext"), and checks that each member the types declare is used here.
import 'peta-cerdas';
import { PetaCerdasElement } from 'peta-cerdas';
import type {
  ErrorDetail,
  IndicatorReport,
  PetaCerdasLang,
  PetaCerdasMode,
  PetaCerdasPillar,
  PetaCerdasStats,
  PetaCerdasTheme,
  RegionCode,
  RegionRef,
  RegionSelectDetail,
  YearChangeDetail,
} from 'peta-cerdas';

// The tag name is typed: createElement and querySelector answer the element's class.
const map: PetaCerdasElement = document.createElement('peta-cerdas');
const onPage: PetaCerdasElement | null = document.querySelector('peta-cerdas');
const defined: CustomElementConstructor | undefined = customElements.get('peta-cerdas');
const observed: readonly string[] = PetaCerdasElement.observedAttributes;

// Attributes: the values each one takes.
const mode: PetaCerdasMode = 'pillar';
const pillar: PetaCerdasPillar = 'economy';
const lang: PetaCerdasLang = 'en';
const theme: PetaCerdasTheme = 'auto';
const region: RegionCode = '35.20';
map.setAttribute('year', String(2021));
map.setAttribute('mode', mode);
map.setAttribute('pillar', pillar);
map.setAttribute('lang', lang);
map.setAttribute('theme', theme);
map.setAttribute('region', region);
map.setAttribute('src', '/peta-cerdas/data/');
map.setAttribute('indicator', '/data/layanan-digital.csv');
map.setAttribute('programme', '/data/program-kota-cerdas/');
map.setAttribute('as-of', '2025-06-30');
map.setAttribute('loading', 'eager');
map.toggleAttribute('sync-hash', true);
map.style.setProperty('--peta-cerdas-map-height', '560px');

// Events: the detail of each is typed by its name.
map.addEventListener('preview', (event) => {
  const detail: Record<string, never> = event.detail;
  console.log('preview', detail);
});
map.addEventListener('ready', (event) => {
  const detail: Record<string, never> = event.detail;
  console.log('ready', detail, event.target === map);
});
map.addEventListener('region-select', (event) => {
  const detail: RegionSelectDetail = event.detail;
  const code: RegionCode | null = detail.code;
  const name: string | null = detail.name;
  const province: string | null = detail.province;
  console.log(code ?? 'cleared', name?.toUpperCase(), province);
});
map.addEventListener('year-change', (event) => {
  const detail: YearChangeDetail = event.detail;
  console.log(detail.year.toFixed(0));
});
const onError = (event: CustomEvent<ErrorDetail>): void => console.warn(event.detail.message);
map.addEventListener('error', onError);
map.removeEventListener('error', onError);
// Any other event type still takes a plain listener.
map.addEventListener('click', (event: Event) => console.log(event.type));

async function use(): Promise<void> {
  document.body.append(map);
  await map.load();
  await map.ready;
  const here: RegionRef | null = map.regionAt(111.33, -7.65);
  if (here) console.log(here.code, here.name, here.province);
  const point = map.toScreen(111.33, -7.65);
  if (point) console.log(point.x + point.y);
  const report: IndicatorReport = await map.loadIndicator('kode;nama;nilai\n35.20;;12,5\n;Kota Bukittinggi;7\n');
  const problems: string[] = report.problems;
  console.log(report.label, report.rows, report.matched, problems.join('\n'));
  map.clearIndicator();
  const selected: boolean = map.select('35.20');
  const cleared: boolean = map.select(null);
  const stats: PetaCerdasStats | null = await map.stats();
  if (stats) {
    const members: number = stats.membersAsOfYear;
    const identified: number[] = stats.cohorts.map((c) => c.identified);
    console.log(stats.regions, stats.year, members, identified, stats.pillars);
  }
  const csv: string | null = await map.toCSV();
  const svg: string | null = map.toSVG();
  const png: Blob = await map.toPNG();
  const bytes: number = map.memoryBytes;
  console.log(selected, cleared, csv?.length, svg?.length, png.size, bytes, onPage, defined, observed);
}

void use();
