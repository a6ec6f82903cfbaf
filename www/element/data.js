// The data the map shows: the folder named by the `src` attribute or the package's own files,
// each fetched once per page however many maps show it, and a province's level file (its finer
// borders at one level of detail) fetched only once a view of it draws that level.
//
// The package's files are resolved from this module, which lives in `element/` beside
// `peta-cerdas.js`: `../data/<file>`, each named by its own literal
// `new URL('../data/<file>?no-inline', import.meta.url)` (PACKAGED below) so that bundlers emit it.

/**
 * Every file the element fetches from its data folder when no `src` attribute names one. Bundlers
 * (Vite, webpack 5, Rollup with an asset plugin) follow `new URL('<literal file>', import.meta.url)`
 * and emit that file with the build, but not a folder URL or a computed path: so each file has its
 * own literal here. A file the element starts fetching gets a line here (and in stage-www.sh).
 * `?no-inline` keeps Vite from inlining the small ones (its default limit is 4 KB: most province
 * files) into the page's script as data: URLs, which every reader would then download up front;
 * `dataUrl` drops the query where no bundler did.
 */
const PACKAGED = {
  'preview.json': new URL('../data/preview.json?no-inline', import.meta.url),
  'overview.bin': new URL('../data/overview.bin?no-inline', import.meta.url),
  'programme.bin': new URL('../data/programme.bin?no-inline', import.meta.url),
  'members.csv': new URL('../data/members.csv?no-inline', import.meta.url),
  'pillars.csv': new URL('../data/pillars.csv?no-inline', import.meta.url),
  'cohorts.csv': new URL('../data/cohorts.csv?no-inline', import.meta.url),
  'fallback-id.svg': new URL('../data/fallback-id.svg?no-inline', import.meta.url),
  'fallback-en.svg': new URL('../data/fallback-en.svg?no-inline', import.meta.url),
  'table-id.json': new URL('../data/table-id.json?no-inline', import.meta.url),
  'table-en.json': new URL('../data/table-en.json?no-inline', import.meta.url),
  // One per finer level and province: tests/detail.rs checks them against what prepare writes (and rewrites them).
  'detail/1/11.bin': new URL('../data/detail/1/11.bin?no-inline', import.meta.url),
  'detail/1/12.bin': new URL('../data/detail/1/12.bin?no-inline', import.meta.url),
  'detail/1/13.bin': new URL('../data/detail/1/13.bin?no-inline', import.meta.url),
  'detail/1/14.bin': new URL('../data/detail/1/14.bin?no-inline', import.meta.url),
  'detail/1/15.bin': new URL('../data/detail/1/15.bin?no-inline', import.meta.url),
  'detail/1/16.bin': new URL('../data/detail/1/16.bin?no-inline', import.meta.url),
  'detail/1/17.bin': new URL('../data/detail/1/17.bin?no-inline', import.meta.url),
  'detail/1/18.bin': new URL('../data/detail/1/18.bin?no-inline', import.meta.url),
  'detail/1/19.bin': new URL('../data/detail/1/19.bin?no-inline', import.meta.url),
  'detail/1/21.bin': new URL('../data/detail/1/21.bin?no-inline', import.meta.url),
  'detail/1/31.bin': new URL('../data/detail/1/31.bin?no-inline', import.meta.url),
  'detail/1/32.bin': new URL('../data/detail/1/32.bin?no-inline', import.meta.url),
  'detail/1/33.bin': new URL('../data/detail/1/33.bin?no-inline', import.meta.url),
  'detail/1/34.bin': new URL('../data/detail/1/34.bin?no-inline', import.meta.url),
  'detail/1/35.bin': new URL('../data/detail/1/35.bin?no-inline', import.meta.url),
  'detail/1/36.bin': new URL('../data/detail/1/36.bin?no-inline', import.meta.url),
  'detail/1/51.bin': new URL('../data/detail/1/51.bin?no-inline', import.meta.url),
  'detail/1/52.bin': new URL('../data/detail/1/52.bin?no-inline', import.meta.url),
  'detail/1/53.bin': new URL('../data/detail/1/53.bin?no-inline', import.meta.url),
  'detail/1/61.bin': new URL('../data/detail/1/61.bin?no-inline', import.meta.url),
  'detail/1/62.bin': new URL('../data/detail/1/62.bin?no-inline', import.meta.url),
  'detail/1/63.bin': new URL('../data/detail/1/63.bin?no-inline', import.meta.url),
  'detail/1/64.bin': new URL('../data/detail/1/64.bin?no-inline', import.meta.url),
  'detail/1/65.bin': new URL('../data/detail/1/65.bin?no-inline', import.meta.url),
  'detail/1/71.bin': new URL('../data/detail/1/71.bin?no-inline', import.meta.url),
  'detail/1/72.bin': new URL('../data/detail/1/72.bin?no-inline', import.meta.url),
  'detail/1/73.bin': new URL('../data/detail/1/73.bin?no-inline', import.meta.url),
  'detail/1/74.bin': new URL('../data/detail/1/74.bin?no-inline', import.meta.url),
  'detail/1/75.bin': new URL('../data/detail/1/75.bin?no-inline', import.meta.url),
  'detail/1/76.bin': new URL('../data/detail/1/76.bin?no-inline', import.meta.url),
  'detail/1/81.bin': new URL('../data/detail/1/81.bin?no-inline', import.meta.url),
  'detail/1/82.bin': new URL('../data/detail/1/82.bin?no-inline', import.meta.url),
  'detail/1/91.bin': new URL('../data/detail/1/91.bin?no-inline', import.meta.url),
  'detail/1/92.bin': new URL('../data/detail/1/92.bin?no-inline', import.meta.url),
  'detail/1/93.bin': new URL('../data/detail/1/93.bin?no-inline', import.meta.url),
  'detail/1/94.bin': new URL('../data/detail/1/94.bin?no-inline', import.meta.url),
  'detail/1/95.bin': new URL('../data/detail/1/95.bin?no-inline', import.meta.url),
  'detail/1/96.bin': new URL('../data/detail/1/96.bin?no-inline', import.meta.url),
  'detail/2/11.bin': new URL('../data/detail/2/11.bin?no-inline', import.meta.url),
  'detail/2/12.bin': new URL('../data/detail/2/12.bin?no-inline', import.meta.url),
  'detail/2/13.bin': new URL('../data/detail/2/13.bin?no-inline', import.meta.url),
  'detail/2/14.bin': new URL('../data/detail/2/14.bin?no-inline', import.meta.url),
  'detail/2/15.bin': new URL('../data/detail/2/15.bin?no-inline', import.meta.url),
  'detail/2/16.bin': new URL('../data/detail/2/16.bin?no-inline', import.meta.url),
  'detail/2/17.bin': new URL('../data/detail/2/17.bin?no-inline', import.meta.url),
  'detail/2/18.bin': new URL('../data/detail/2/18.bin?no-inline', import.meta.url),
  'detail/2/19.bin': new URL('../data/detail/2/19.bin?no-inline', import.meta.url),
  'detail/2/21.bin': new URL('../data/detail/2/21.bin?no-inline', import.meta.url),
  'detail/2/31.bin': new URL('../data/detail/2/31.bin?no-inline', import.meta.url),
  'detail/2/32.bin': new URL('../data/detail/2/32.bin?no-inline', import.meta.url),
  'detail/2/33.bin': new URL('../data/detail/2/33.bin?no-inline', import.meta.url),
  'detail/2/34.bin': new URL('../data/detail/2/34.bin?no-inline', import.meta.url),
  'detail/2/35.bin': new URL('../data/detail/2/35.bin?no-inline', import.meta.url),
  'detail/2/36.bin': new URL('../data/detail/2/36.bin?no-inline', import.meta.url),
  'detail/2/51.bin': new URL('../data/detail/2/51.bin?no-inline', import.meta.url),
  'detail/2/52.bin': new URL('../data/detail/2/52.bin?no-inline', import.meta.url),
  'detail/2/53.bin': new URL('../data/detail/2/53.bin?no-inline', import.meta.url),
  'detail/2/61.bin': new URL('../data/detail/2/61.bin?no-inline', import.meta.url),
  'detail/2/62.bin': new URL('../data/detail/2/62.bin?no-inline', import.meta.url),
  'detail/2/63.bin': new URL('../data/detail/2/63.bin?no-inline', import.meta.url),
  'detail/2/64.bin': new URL('../data/detail/2/64.bin?no-inline', import.meta.url),
  'detail/2/65.bin': new URL('../data/detail/2/65.bin?no-inline', import.meta.url),
  'detail/2/71.bin': new URL('../data/detail/2/71.bin?no-inline', import.meta.url),
  'detail/2/72.bin': new URL('../data/detail/2/72.bin?no-inline', import.meta.url),
  'detail/2/73.bin': new URL('../data/detail/2/73.bin?no-inline', import.meta.url),
  'detail/2/74.bin': new URL('../data/detail/2/74.bin?no-inline', import.meta.url),
  'detail/2/75.bin': new URL('../data/detail/2/75.bin?no-inline', import.meta.url),
  'detail/2/76.bin': new URL('../data/detail/2/76.bin?no-inline', import.meta.url),
  'detail/2/81.bin': new URL('../data/detail/2/81.bin?no-inline', import.meta.url),
  'detail/2/82.bin': new URL('../data/detail/2/82.bin?no-inline', import.meta.url),
  'detail/2/91.bin': new URL('../data/detail/2/91.bin?no-inline', import.meta.url),
  'detail/2/92.bin': new URL('../data/detail/2/92.bin?no-inline', import.meta.url),
  'detail/2/93.bin': new URL('../data/detail/2/93.bin?no-inline', import.meta.url),
  'detail/2/94.bin': new URL('../data/detail/2/94.bin?no-inline', import.meta.url),
  'detail/2/95.bin': new URL('../data/detail/2/95.bin?no-inline', import.meta.url),
  'detail/2/96.bin': new URL('../data/detail/2/96.bin?no-inline', import.meta.url),
  'detail/3/11.bin': new URL('../data/detail/3/11.bin?no-inline', import.meta.url),
  'detail/3/12.bin': new URL('../data/detail/3/12.bin?no-inline', import.meta.url),
  'detail/3/13.bin': new URL('../data/detail/3/13.bin?no-inline', import.meta.url),
  'detail/3/14.bin': new URL('../data/detail/3/14.bin?no-inline', import.meta.url),
  'detail/3/15.bin': new URL('../data/detail/3/15.bin?no-inline', import.meta.url),
  'detail/3/16.bin': new URL('../data/detail/3/16.bin?no-inline', import.meta.url),
  'detail/3/17.bin': new URL('../data/detail/3/17.bin?no-inline', import.meta.url),
  'detail/3/18.bin': new URL('../data/detail/3/18.bin?no-inline', import.meta.url),
  'detail/3/19.bin': new URL('../data/detail/3/19.bin?no-inline', import.meta.url),
  'detail/3/21.bin': new URL('../data/detail/3/21.bin?no-inline', import.meta.url),
  'detail/3/31.bin': new URL('../data/detail/3/31.bin?no-inline', import.meta.url),
  'detail/3/32.bin': new URL('../data/detail/3/32.bin?no-inline', import.meta.url),
  'detail/3/33.bin': new URL('../data/detail/3/33.bin?no-inline', import.meta.url),
  'detail/3/34.bin': new URL('../data/detail/3/34.bin?no-inline', import.meta.url),
  'detail/3/35.bin': new URL('../data/detail/3/35.bin?no-inline', import.meta.url),
  'detail/3/36.bin': new URL('../data/detail/3/36.bin?no-inline', import.meta.url),
  'detail/3/51.bin': new URL('../data/detail/3/51.bin?no-inline', import.meta.url),
  'detail/3/52.bin': new URL('../data/detail/3/52.bin?no-inline', import.meta.url),
  'detail/3/53.bin': new URL('../data/detail/3/53.bin?no-inline', import.meta.url),
  'detail/3/61.bin': new URL('../data/detail/3/61.bin?no-inline', import.meta.url),
  'detail/3/62.bin': new URL('../data/detail/3/62.bin?no-inline', import.meta.url),
  'detail/3/63.bin': new URL('../data/detail/3/63.bin?no-inline', import.meta.url),
  'detail/3/64.bin': new URL('../data/detail/3/64.bin?no-inline', import.meta.url),
  'detail/3/65.bin': new URL('../data/detail/3/65.bin?no-inline', import.meta.url),
  'detail/3/71.bin': new URL('../data/detail/3/71.bin?no-inline', import.meta.url),
  'detail/3/72.bin': new URL('../data/detail/3/72.bin?no-inline', import.meta.url),
  'detail/3/73.bin': new URL('../data/detail/3/73.bin?no-inline', import.meta.url),
  'detail/3/74.bin': new URL('../data/detail/3/74.bin?no-inline', import.meta.url),
  'detail/3/75.bin': new URL('../data/detail/3/75.bin?no-inline', import.meta.url),
  'detail/3/76.bin': new URL('../data/detail/3/76.bin?no-inline', import.meta.url),
  'detail/3/81.bin': new URL('../data/detail/3/81.bin?no-inline', import.meta.url),
  'detail/3/82.bin': new URL('../data/detail/3/82.bin?no-inline', import.meta.url),
  'detail/3/91.bin': new URL('../data/detail/3/91.bin?no-inline', import.meta.url),
  'detail/3/92.bin': new URL('../data/detail/3/92.bin?no-inline', import.meta.url),
  'detail/3/93.bin': new URL('../data/detail/3/93.bin?no-inline', import.meta.url),
  'detail/3/94.bin': new URL('../data/detail/3/94.bin?no-inline', import.meta.url),
  'detail/3/95.bin': new URL('../data/detail/3/95.bin?no-inline', import.meta.url),
  'detail/3/96.bin': new URL('../data/detail/3/96.bin?no-inline', import.meta.url),
  // One per province with any source texts (00: the citations whose region the source leaves
  // open), and all.bin with every province's for the table: tests/detail.rs checks them against
  // what pack-programme writes (and rewrites them).
  'sources/00.00.bin': new URL('../data/sources/00.00.bin?no-inline', import.meta.url),
  'sources/11.14.bin': new URL('../data/sources/11.14.bin?no-inline', import.meta.url),
  'sources/11.71.bin': new URL('../data/sources/11.71.bin?no-inline', import.meta.url),
  'sources/11.72.bin': new URL('../data/sources/11.72.bin?no-inline', import.meta.url),
  'sources/12.01.bin': new URL('../data/sources/12.01.bin?no-inline', import.meta.url),
  'sources/12.02.bin': new URL('../data/sources/12.02.bin?no-inline', import.meta.url),
  'sources/12.03.bin': new URL('../data/sources/12.03.bin?no-inline', import.meta.url),
  'sources/12.05.bin': new URL('../data/sources/12.05.bin?no-inline', import.meta.url),
  'sources/12.06.bin': new URL('../data/sources/12.06.bin?no-inline', import.meta.url),
  'sources/12.07.bin': new URL('../data/sources/12.07.bin?no-inline', import.meta.url),
  'sources/12.08.bin': new URL('../data/sources/12.08.bin?no-inline', import.meta.url),
  'sources/12.09.bin': new URL('../data/sources/12.09.bin?no-inline', import.meta.url),
  'sources/12.11.bin': new URL('../data/sources/12.11.bin?no-inline', import.meta.url),
  'sources/12.12.bin': new URL('../data/sources/12.12.bin?no-inline', import.meta.url),
  'sources/12.15.bin': new URL('../data/sources/12.15.bin?no-inline', import.meta.url),
  'sources/12.16.bin': new URL('../data/sources/12.16.bin?no-inline', import.meta.url),
  'sources/12.17.bin': new URL('../data/sources/12.17.bin?no-inline', import.meta.url),
  'sources/12.71.bin': new URL('../data/sources/12.71.bin?no-inline', import.meta.url),
  'sources/12.72.bin': new URL('../data/sources/12.72.bin?no-inline', import.meta.url),
  'sources/12.73.bin': new URL('../data/sources/12.73.bin?no-inline', import.meta.url),
  'sources/12.75.bin': new URL('../data/sources/12.75.bin?no-inline', import.meta.url),
  'sources/12.76.bin': new URL('../data/sources/12.76.bin?no-inline', import.meta.url),
  'sources/13.02.bin': new URL('../data/sources/13.02.bin?no-inline', import.meta.url),
  'sources/13.05.bin': new URL('../data/sources/13.05.bin?no-inline', import.meta.url),
  'sources/13.06.bin': new URL('../data/sources/13.06.bin?no-inline', import.meta.url),
  'sources/13.11.bin': new URL('../data/sources/13.11.bin?no-inline', import.meta.url),
  'sources/13.71.bin': new URL('../data/sources/13.71.bin?no-inline', import.meta.url),
  'sources/13.72.bin': new URL('../data/sources/13.72.bin?no-inline', import.meta.url),
  'sources/13.73.bin': new URL('../data/sources/13.73.bin?no-inline', import.meta.url),
  'sources/13.75.bin': new URL('../data/sources/13.75.bin?no-inline', import.meta.url),
  'sources/13.76.bin': new URL('../data/sources/13.76.bin?no-inline', import.meta.url),
  'sources/13.77.bin': new URL('../data/sources/13.77.bin?no-inline', import.meta.url),
  'sources/14.04.bin': new URL('../data/sources/14.04.bin?no-inline', import.meta.url),
  'sources/14.05.bin': new URL('../data/sources/14.05.bin?no-inline', import.meta.url),
  'sources/14.08.bin': new URL('../data/sources/14.08.bin?no-inline', import.meta.url),
  'sources/14.71.bin': new URL('../data/sources/14.71.bin?no-inline', import.meta.url),
  'sources/14.72.bin': new URL('../data/sources/14.72.bin?no-inline', import.meta.url),
  'sources/15.03.bin': new URL('../data/sources/15.03.bin?no-inline', import.meta.url),
  'sources/15.04.bin': new URL('../data/sources/15.04.bin?no-inline', import.meta.url),
  'sources/15.05.bin': new URL('../data/sources/15.05.bin?no-inline', import.meta.url),
  'sources/15.71.bin': new URL('../data/sources/15.71.bin?no-inline', import.meta.url),
  'sources/16.01.bin': new URL('../data/sources/16.01.bin?no-inline', import.meta.url),
  'sources/16.02.bin': new URL('../data/sources/16.02.bin?no-inline', import.meta.url),
  'sources/16.03.bin': new URL('../data/sources/16.03.bin?no-inline', import.meta.url),
  'sources/16.06.bin': new URL('../data/sources/16.06.bin?no-inline', import.meta.url),
  'sources/16.07.bin': new URL('../data/sources/16.07.bin?no-inline', import.meta.url),
  'sources/16.71.bin': new URL('../data/sources/16.71.bin?no-inline', import.meta.url),
  'sources/17.03.bin': new URL('../data/sources/17.03.bin?no-inline', import.meta.url),
  'sources/17.71.bin': new URL('../data/sources/17.71.bin?no-inline', import.meta.url),
  'sources/18.02.bin': new URL('../data/sources/18.02.bin?no-inline', import.meta.url),
  'sources/18.71.bin': new URL('../data/sources/18.71.bin?no-inline', import.meta.url),
  'sources/18.72.bin': new URL('../data/sources/18.72.bin?no-inline', import.meta.url),
  'sources/19.01.bin': new URL('../data/sources/19.01.bin?no-inline', import.meta.url),
  'sources/19.03.bin': new URL('../data/sources/19.03.bin?no-inline', import.meta.url),
  'sources/19.06.bin': new URL('../data/sources/19.06.bin?no-inline', import.meta.url),
  'sources/19.71.bin': new URL('../data/sources/19.71.bin?no-inline', import.meta.url),
  'sources/21.71.bin': new URL('../data/sources/21.71.bin?no-inline', import.meta.url),
  'sources/21.72.bin': new URL('../data/sources/21.72.bin?no-inline', import.meta.url),
  'sources/32.00.bin': new URL('../data/sources/32.00.bin?no-inline', import.meta.url),
  'sources/32.01.bin': new URL('../data/sources/32.01.bin?no-inline', import.meta.url),
  'sources/32.02.bin': new URL('../data/sources/32.02.bin?no-inline', import.meta.url),
  'sources/32.04.bin': new URL('../data/sources/32.04.bin?no-inline', import.meta.url),
  'sources/32.05.bin': new URL('../data/sources/32.05.bin?no-inline', import.meta.url),
  'sources/32.08.bin': new URL('../data/sources/32.08.bin?no-inline', import.meta.url),
  'sources/32.09.bin': new URL('../data/sources/32.09.bin?no-inline', import.meta.url),
  'sources/32.10.bin': new URL('../data/sources/32.10.bin?no-inline', import.meta.url),
  'sources/32.11.bin': new URL('../data/sources/32.11.bin?no-inline', import.meta.url),
  'sources/32.12.bin': new URL('../data/sources/32.12.bin?no-inline', import.meta.url),
  'sources/32.14.bin': new URL('../data/sources/32.14.bin?no-inline', import.meta.url),
  'sources/32.15.bin': new URL('../data/sources/32.15.bin?no-inline', import.meta.url),
  'sources/32.16.bin': new URL('../data/sources/32.16.bin?no-inline', import.meta.url),
  'sources/32.17.bin': new URL('../data/sources/32.17.bin?no-inline', import.meta.url),
  'sources/32.71.bin': new URL('../data/sources/32.71.bin?no-inline', import.meta.url),
  'sources/32.72.bin': new URL('../data/sources/32.72.bin?no-inline', import.meta.url),
  'sources/32.73.bin': new URL('../data/sources/32.73.bin?no-inline', import.meta.url),
  'sources/32.74.bin': new URL('../data/sources/32.74.bin?no-inline', import.meta.url),
  'sources/32.75.bin': new URL('../data/sources/32.75.bin?no-inline', import.meta.url),
  'sources/32.76.bin': new URL('../data/sources/32.76.bin?no-inline', import.meta.url),
  'sources/32.77.bin': new URL('../data/sources/32.77.bin?no-inline', import.meta.url),
  'sources/32.78.bin': new URL('../data/sources/32.78.bin?no-inline', import.meta.url),
  'sources/32.79.bin': new URL('../data/sources/32.79.bin?no-inline', import.meta.url),
  'sources/33.02.bin': new URL('../data/sources/33.02.bin?no-inline', import.meta.url),
  'sources/33.03.bin': new URL('../data/sources/33.03.bin?no-inline', import.meta.url),
  'sources/33.05.bin': new URL('../data/sources/33.05.bin?no-inline', import.meta.url),
  'sources/33.06.bin': new URL('../data/sources/33.06.bin?no-inline', import.meta.url),
  'sources/33.07.bin': new URL('../data/sources/33.07.bin?no-inline', import.meta.url),
  'sources/33.08.bin': new URL('../data/sources/33.08.bin?no-inline', import.meta.url),
  'sources/33.09.bin': new URL('../data/sources/33.09.bin?no-inline', import.meta.url),
  'sources/33.10.bin': new URL('../data/sources/33.10.bin?no-inline', import.meta.url),
  'sources/33.11.bin': new URL('../data/sources/33.11.bin?no-inline', import.meta.url),
  'sources/33.12.bin': new URL('../data/sources/33.12.bin?no-inline', import.meta.url),
  'sources/33.13.bin': new URL('../data/sources/33.13.bin?no-inline', import.meta.url),
  'sources/33.14.bin': new URL('../data/sources/33.14.bin?no-inline', import.meta.url),
  'sources/33.15.bin': new URL('../data/sources/33.15.bin?no-inline', import.meta.url),
  'sources/33.16.bin': new URL('../data/sources/33.16.bin?no-inline', import.meta.url),
  'sources/33.17.bin': new URL('../data/sources/33.17.bin?no-inline', import.meta.url),
  'sources/33.18.bin': new URL('../data/sources/33.18.bin?no-inline', import.meta.url),
  'sources/33.19.bin': new URL('../data/sources/33.19.bin?no-inline', import.meta.url),
  'sources/33.20.bin': new URL('../data/sources/33.20.bin?no-inline', import.meta.url),
  'sources/33.21.bin': new URL('../data/sources/33.21.bin?no-inline', import.meta.url),
  'sources/33.22.bin': new URL('../data/sources/33.22.bin?no-inline', import.meta.url),
  'sources/33.23.bin': new URL('../data/sources/33.23.bin?no-inline', import.meta.url),
  'sources/33.24.bin': new URL('../data/sources/33.24.bin?no-inline', import.meta.url),
  'sources/33.25.bin': new URL('../data/sources/33.25.bin?no-inline', import.meta.url),
  'sources/33.26.bin': new URL('../data/sources/33.26.bin?no-inline', import.meta.url),
  'sources/33.27.bin': new URL('../data/sources/33.27.bin?no-inline', import.meta.url),
  'sources/33.28.bin': new URL('../data/sources/33.28.bin?no-inline', import.meta.url),
  'sources/33.71.bin': new URL('../data/sources/33.71.bin?no-inline', import.meta.url),
  'sources/33.72.bin': new URL('../data/sources/33.72.bin?no-inline', import.meta.url),
  'sources/33.74.bin': new URL('../data/sources/33.74.bin?no-inline', import.meta.url),
  'sources/33.75.bin': new URL('../data/sources/33.75.bin?no-inline', import.meta.url),
  'sources/33.76.bin': new URL('../data/sources/33.76.bin?no-inline', import.meta.url),
  'sources/34.00.bin': new URL('../data/sources/34.00.bin?no-inline', import.meta.url),
  'sources/34.01.bin': new URL('../data/sources/34.01.bin?no-inline', import.meta.url),
  'sources/34.02.bin': new URL('../data/sources/34.02.bin?no-inline', import.meta.url),
  'sources/34.03.bin': new URL('../data/sources/34.03.bin?no-inline', import.meta.url),
  'sources/34.04.bin': new URL('../data/sources/34.04.bin?no-inline', import.meta.url),
  'sources/34.71.bin': new URL('../data/sources/34.71.bin?no-inline', import.meta.url),
  'sources/35.02.bin': new URL('../data/sources/35.02.bin?no-inline', import.meta.url),
  'sources/35.03.bin': new URL('../data/sources/35.03.bin?no-inline', import.meta.url),
  'sources/35.05.bin': new URL('../data/sources/35.05.bin?no-inline', import.meta.url),
  'sources/35.07.bin': new URL('../data/sources/35.07.bin?no-inline', import.meta.url),
  'sources/35.08.bin': new URL('../data/sources/35.08.bin?no-inline', import.meta.url),
  'sources/35.09.bin': new URL('../data/sources/35.09.bin?no-inline', import.meta.url),
  'sources/35.10.bin': new URL('../data/sources/35.10.bin?no-inline', import.meta.url),
  'sources/35.12.bin': new URL('../data/sources/35.12.bin?no-inline', import.meta.url),
  'sources/35.13.bin': new URL('../data/sources/35.13.bin?no-inline', import.meta.url),
  'sources/35.14.bin': new URL('../data/sources/35.14.bin?no-inline', import.meta.url),
  'sources/35.15.bin': new URL('../data/sources/35.15.bin?no-inline', import.meta.url),
  'sources/35.16.bin': new URL('../data/sources/35.16.bin?no-inline', import.meta.url),
  'sources/35.17.bin': new URL('../data/sources/35.17.bin?no-inline', import.meta.url),
  'sources/35.18.bin': new URL('../data/sources/35.18.bin?no-inline', import.meta.url),
  'sources/35.20.bin': new URL('../data/sources/35.20.bin?no-inline', import.meta.url),
  'sources/35.22.bin': new URL('../data/sources/35.22.bin?no-inline', import.meta.url),
  'sources/35.23.bin': new URL('../data/sources/35.23.bin?no-inline', import.meta.url),
  'sources/35.24.bin': new URL('../data/sources/35.24.bin?no-inline', import.meta.url),
  'sources/35.25.bin': new URL('../data/sources/35.25.bin?no-inline', import.meta.url),
  'sources/35.27.bin': new URL('../data/sources/35.27.bin?no-inline', import.meta.url),
  'sources/35.29.bin': new URL('../data/sources/35.29.bin?no-inline', import.meta.url),
  'sources/35.71.bin': new URL('../data/sources/35.71.bin?no-inline', import.meta.url),
  'sources/35.72.bin': new URL('../data/sources/35.72.bin?no-inline', import.meta.url),
  'sources/35.73.bin': new URL('../data/sources/35.73.bin?no-inline', import.meta.url),
  'sources/35.74.bin': new URL('../data/sources/35.74.bin?no-inline', import.meta.url),
  'sources/35.75.bin': new URL('../data/sources/35.75.bin?no-inline', import.meta.url),
  'sources/35.76.bin': new URL('../data/sources/35.76.bin?no-inline', import.meta.url),
  'sources/35.77.bin': new URL('../data/sources/35.77.bin?no-inline', import.meta.url),
  'sources/35.78.bin': new URL('../data/sources/35.78.bin?no-inline', import.meta.url),
  'sources/35.79.bin': new URL('../data/sources/35.79.bin?no-inline', import.meta.url),
  'sources/36.03.bin': new URL('../data/sources/36.03.bin?no-inline', import.meta.url),
  'sources/36.04.bin': new URL('../data/sources/36.04.bin?no-inline', import.meta.url),
  'sources/36.71.bin': new URL('../data/sources/36.71.bin?no-inline', import.meta.url),
  'sources/36.72.bin': new URL('../data/sources/36.72.bin?no-inline', import.meta.url),
  'sources/36.73.bin': new URL('../data/sources/36.73.bin?no-inline', import.meta.url),
  'sources/36.74.bin': new URL('../data/sources/36.74.bin?no-inline', import.meta.url),
  'sources/51.01.bin': new URL('../data/sources/51.01.bin?no-inline', import.meta.url),
  'sources/51.02.bin': new URL('../data/sources/51.02.bin?no-inline', import.meta.url),
  'sources/51.03.bin': new URL('../data/sources/51.03.bin?no-inline', import.meta.url),
  'sources/51.04.bin': new URL('../data/sources/51.04.bin?no-inline', import.meta.url),
  'sources/51.06.bin': new URL('../data/sources/51.06.bin?no-inline', import.meta.url),
  'sources/51.07.bin': new URL('../data/sources/51.07.bin?no-inline', import.meta.url),
  'sources/51.08.bin': new URL('../data/sources/51.08.bin?no-inline', import.meta.url),
  'sources/51.71.bin': new URL('../data/sources/51.71.bin?no-inline', import.meta.url),
  'sources/52.01.bin': new URL('../data/sources/52.01.bin?no-inline', import.meta.url),
  'sources/52.02.bin': new URL('../data/sources/52.02.bin?no-inline', import.meta.url),
  'sources/52.03.bin': new URL('../data/sources/52.03.bin?no-inline', import.meta.url),
  'sources/52.04.bin': new URL('../data/sources/52.04.bin?no-inline', import.meta.url),
  'sources/52.07.bin': new URL('../data/sources/52.07.bin?no-inline', import.meta.url),
  'sources/52.71.bin': new URL('../data/sources/52.71.bin?no-inline', import.meta.url),
  'sources/53.09.bin': new URL('../data/sources/53.09.bin?no-inline', import.meta.url),
  'sources/53.10.bin': new URL('../data/sources/53.10.bin?no-inline', import.meta.url),
  'sources/53.11.bin': new URL('../data/sources/53.11.bin?no-inline', import.meta.url),
  'sources/53.15.bin': new URL('../data/sources/53.15.bin?no-inline', import.meta.url),
  'sources/53.19.bin': new URL('../data/sources/53.19.bin?no-inline', import.meta.url),
  'sources/53.71.bin': new URL('../data/sources/53.71.bin?no-inline', import.meta.url),
  'sources/61.04.bin': new URL('../data/sources/61.04.bin?no-inline', import.meta.url),
  'sources/61.71.bin': new URL('../data/sources/61.71.bin?no-inline', import.meta.url),
  'sources/61.72.bin': new URL('../data/sources/61.72.bin?no-inline', import.meta.url),
  'sources/62.02.bin': new URL('../data/sources/62.02.bin?no-inline', import.meta.url),
  'sources/62.04.bin': new URL('../data/sources/62.04.bin?no-inline', import.meta.url),
  'sources/62.06.bin': new URL('../data/sources/62.06.bin?no-inline', import.meta.url),
  'sources/62.71.bin': new URL('../data/sources/62.71.bin?no-inline', import.meta.url),
  'sources/63.03.bin': new URL('../data/sources/63.03.bin?no-inline', import.meta.url),
  'sources/63.06.bin': new URL('../data/sources/63.06.bin?no-inline', import.meta.url),
  'sources/63.09.bin': new URL('../data/sources/63.09.bin?no-inline', import.meta.url),
  'sources/63.10.bin': new URL('../data/sources/63.10.bin?no-inline', import.meta.url),
  'sources/63.71.bin': new URL('../data/sources/63.71.bin?no-inline', import.meta.url),
  'sources/63.72.bin': new URL('../data/sources/63.72.bin?no-inline', import.meta.url),
  'sources/64.01.bin': new URL('../data/sources/64.01.bin?no-inline', import.meta.url),
  'sources/64.02.bin': new URL('../data/sources/64.02.bin?no-inline', import.meta.url),
  'sources/64.07.bin': new URL('../data/sources/64.07.bin?no-inline', import.meta.url),
  'sources/64.08.bin': new URL('../data/sources/64.08.bin?no-inline', import.meta.url),
  'sources/64.09.bin': new URL('../data/sources/64.09.bin?no-inline', import.meta.url),
  'sources/64.71.bin': new URL('../data/sources/64.71.bin?no-inline', import.meta.url),
  'sources/64.72.bin': new URL('../data/sources/64.72.bin?no-inline', import.meta.url),
  'sources/64.74.bin': new URL('../data/sources/64.74.bin?no-inline', import.meta.url),
  'sources/65.03.bin': new URL('../data/sources/65.03.bin?no-inline', import.meta.url),
  'sources/71.02.bin': new URL('../data/sources/71.02.bin?no-inline', import.meta.url),
  'sources/71.06.bin': new URL('../data/sources/71.06.bin?no-inline', import.meta.url),
  'sources/71.71.bin': new URL('../data/sources/71.71.bin?no-inline', import.meta.url),
  'sources/71.72.bin': new URL('../data/sources/71.72.bin?no-inline', import.meta.url),
  'sources/71.73.bin': new URL('../data/sources/71.73.bin?no-inline', import.meta.url),
  'sources/71.74.bin': new URL('../data/sources/71.74.bin?no-inline', import.meta.url),
  'sources/72.01.bin': new URL('../data/sources/72.01.bin?no-inline', import.meta.url),
  'sources/72.06.bin': new URL('../data/sources/72.06.bin?no-inline', import.meta.url),
  'sources/72.71.bin': new URL('../data/sources/72.71.bin?no-inline', import.meta.url),
  'sources/73.09.bin': new URL('../data/sources/73.09.bin?no-inline', import.meta.url),
  'sources/73.17.bin': new URL('../data/sources/73.17.bin?no-inline', import.meta.url),
  'sources/73.22.bin': new URL('../data/sources/73.22.bin?no-inline', import.meta.url),
  'sources/73.24.bin': new URL('../data/sources/73.24.bin?no-inline', import.meta.url),
  'sources/73.71.bin': new URL('../data/sources/73.71.bin?no-inline', import.meta.url),
  'sources/73.72.bin': new URL('../data/sources/73.72.bin?no-inline', import.meta.url),
  'sources/73.73.bin': new URL('../data/sources/73.73.bin?no-inline', import.meta.url),
  'sources/74.04.bin': new URL('../data/sources/74.04.bin?no-inline', import.meta.url),
  'sources/74.05.bin': new URL('../data/sources/74.05.bin?no-inline', import.meta.url),
  'sources/74.07.bin': new URL('../data/sources/74.07.bin?no-inline', import.meta.url),
  'sources/74.72.bin': new URL('../data/sources/74.72.bin?no-inline', import.meta.url),
  'sources/75.03.bin': new URL('../data/sources/75.03.bin?no-inline', import.meta.url),
  'sources/75.71.bin': new URL('../data/sources/75.71.bin?no-inline', import.meta.url),
  'sources/81.71.bin': new URL('../data/sources/81.71.bin?no-inline', import.meta.url),
  'sources/82.02.bin': new URL('../data/sources/82.02.bin?no-inline', import.meta.url),
  'sources/82.03.bin': new URL('../data/sources/82.03.bin?no-inline', import.meta.url),
  'sources/82.06.bin': new URL('../data/sources/82.06.bin?no-inline', import.meta.url),
  'sources/82.07.bin': new URL('../data/sources/82.07.bin?no-inline', import.meta.url),
  'sources/91.03.bin': new URL('../data/sources/91.03.bin?no-inline', import.meta.url),
  'sources/91.71.bin': new URL('../data/sources/91.71.bin?no-inline', import.meta.url),
  'sources/93.02.bin': new URL('../data/sources/93.02.bin?no-inline', import.meta.url),
  'sources/94.04.bin': new URL('../data/sources/94.04.bin?no-inline', import.meta.url),
  'sources/96.03.bin': new URL('../data/sources/96.03.bin?no-inline', import.meta.url),
  'sources/all.bin': new URL('../data/sources/all.bin?no-inline', import.meta.url),
};

/**
 * The URL of the data file `name`: in the folder `base` (from the `src` attribute), or, with no
 * base, the packaged file (wherever a bundler put it).
 */
export function dataUrl(base, name) {
  if (base) return new URL(name, base).href;
  const packaged = PACKAGED[name];
  if (!packaged) throw new Error(`${name} is not one of the packaged data files`);
  if (packaged.protocol === 'data:') return packaged.href;
  const url = new URL(packaged);
  url.searchParams.delete('no-inline');
  return url.href;
}

const fetched = new Map();

/** A data file the server would not give: `status` is the HTTP status. */
class HttpError extends Error {
  constructor(url, status) {
    super(`${url}: HTTP ${status}`);
    this.status = status;
  }
}

/** Statuses that say the file is not there: asking again at once gets the same answer. */
const NOT_THERE = [404, 410];

/** A `data:` URL's bytes (a bundler inlines small files so); decoded here, as a CSP may forbid fetching one. */
function decodeDataUrl(url) {
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  if (/;base64$/i.test(meta)) return Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(payload));
}

function parseJson(url, text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    const name = url.startsWith('data:') ? 'an inlined file' : url;
    throw new Error(`${name}: not JSON (${error.message})`, { cause: error });
  }
}

/**
 * Fetches a data file once per page however many maps show it: `kind` `bytes` answers a
 * Uint8Array, `text` a string, `json` the parsed value (one object, which readers leave as it
 * is). A failed request is forgotten, so a later call tries again, unless the server said the
 * file is not there (404, 410): that answer stands, so the map's start that follows a preview
 * whose `preview.json` is missing hears it without asking again.
 */
export function fetchOnce(url, kind) {
  const key = `${kind}:${url}`;
  if (!fetched.has(key)) {
    const request = url.startsWith('data:')
      ? Promise.resolve().then(() => {
          const bytes = decodeDataUrl(url);
          return kind === 'bytes' ? bytes : new TextDecoder().decode(bytes);
        })
      : fetch(url, { credentials: 'same-origin' }).then((response) => {
          if (!response.ok) throw new HttpError(url, response.status);
          return kind === 'bytes' ? response.arrayBuffer().then((b) => new Uint8Array(b)) : response.text();
        });
    const answer = kind === 'json' ? request.then((text) => parseJson(url, text)) : request;
    answer.catch((error) => {
      if (!NOT_THERE.includes(error.status)) fetched.delete(key);
    });
    fetched.set(key, answer);
  }
  return fetched.get(key);
}

/**
 * Where the programme facts come from, relative to the document: the CSV files of the folder the
 * `programme` attribute names (`{csv: URL}`), else the compiled `programme.bin` of the data folder
 * (`{packed: URL}` for the `src` folder, `{packed: null}` for the packaged file). A folder that does
 * not parse is `null`: the packaged files.
 */
export function programmeSource(element, documentBase) {
  if (element.hasAttribute('programme')) return { csv: dataBase(element.getAttribute('programme'), documentBase) };
  return { packed: dataBase(element.getAttribute('src'), documentBase) };
}

/**
 * The data folder named by the `src` attribute (relative to the document; always ends in `/`), or
 * `null` without one or when it does not parse: then {@link dataUrl} answers the packaged files.
 */
export function dataBase(src, documentBase) {
  try {
    return src ? new URL(src.endsWith('/') ? src : `${src}/`, documentBase) : null;
  } catch {
    return null;
  }
}

/**
 * The level files (`detail/<level>/<province>.bin`, one province's borders at one finer level),
 * fetched after a draw whose view wants finer borders than the overview has: those of the level
 * the view draws, of the provinces in view not loaded yet, each once per page. A coarser level
 * (or the overview) keeps drawing meanwhile, a slight zoom fetches no level-2 file, and a visitor
 * who never zooms downloads none.
 */
export class DetailLoader {
  #core;
  #loaded;
  #failed;
  #source = null;

  /** `core` (a MapCore); `loaded()` after each file is in, `failed(error)` when one cannot be had. */
  constructor(core, { loaded, failed }) {
    this.#core = core;
    this.#loaded = loaded;
    this.#failed = failed;
  }

  /** A start loaded the overview from `base`; `current()` is false once another start began. */
  reset(base, current) {
    this.#source = { base, current, requested: new Set() };
  }

  /** After each draw: fetches the files the view wants that were not asked for yet. */
  drawn() {
    const source = this.#source;
    if (!source || !source.current()) return;
    for (const name of this.#core.detailWanted()) {
      if (source.requested.has(name)) continue;
      // Asked for once per start: a file that failed is reported once, not again at every draw.
      source.requested.add(name);
      this.#core.loadDetail(source.base, name, source.current).then(
        (loaded) => loaded && this.#loaded(),
        // The overview keeps working; say what is missing without blanking the map.
        (error) => this.#core.dead || this.#failed(error),
      );
    }
  }
}
