// For host pages: sizes each iframe showing embed.html to the height the map posts.
// Only messages from one of the page's own iframes are used, and only a number is read.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'peta-cerdas:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.max(200, Math.min(data.height, 4000))}px`;
  }
});
