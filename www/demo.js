// The demo page: fills the copy-ready snippets with this server's address.
const base = new URL('./', location.href);
const element = `<script type="module" src="${new URL('peta-cerdas.js', base)}"></script>
<peta-cerdas lang="id" style="--peta-cerdas-map-height: 560px"></peta-cerdas>`;
const iframe = `<iframe src="${new URL('embed.html#year=2024', base)}" title="Peta Gerakan Menuju Kota Cerdas"
  style="width: 100%; height: 820px; border: 0" loading="lazy"></iframe>
<script src="${new URL('embed-resize.js', base)}"></script>`;
document.getElementById('snippet-element').textContent = element;
document.getElementById('snippet-iframe').textContent = iframe;

const status = document.getElementById('copy-status');
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy).textContent;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Kode disalin.';
    } catch {
      status.textContent = 'Salin tidak diizinkan peramban; pilih teks kode dan salin manual.';
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
    await map.ready;
    const report = map.loadIndicator(await file.text());
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
