// Downloads from the element's toolbar: the data table as CSV (the core's tableCsv(): UTF-8 with
// a BOM, every year with its confidence, every source URL), the current view as PNG (the canvas)
// and as SVG (the core's toSVG()). A Blob, an object URL and a short-lived `<a download>`: no
// innerHTML, nothing a strict CSP forbids.

/** The kinds of download, with their MIME types. */
export const DOWNLOAD_TYPES = {
  csv: 'text/csv;charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml;charset=utf-8',
};

/** The file name of a download: `peta-cerdas-2024-id.csv`. */
export function downloadName(year, lang, kind) {
  const y = Number.isInteger(year) ? `-${year}` : '';
  const l = lang === 'en' || lang === 'id' ? `-${lang}` : '';
  return `peta-cerdas${y}${l}.${kind}`;
}

/** The current view or table of `core` (a MapCore) drawn on `canvas` as a Blob of `kind`, or null. */
export async function exportBlob(kind, core, canvas) {
  if (kind === 'csv') {
    const text = await core.tableCsv();
    return text ? new Blob([text], { type: DOWNLOAD_TYPES.csv }) : null;
  }
  if (kind === 'svg') {
    const text = core.toSVG();
    return text ? new Blob([text], { type: DOWNLOAD_TYPES.svg }) : null;
  }
  if (kind === 'png') {
    core.render();
    return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
  }
  return null;
}

/** Saves `blob` as `name` through a temporary `<a download>` appended to `parent`. */
export function saveBlob(blob, name, parent) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  parent.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to have started reading it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
