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
