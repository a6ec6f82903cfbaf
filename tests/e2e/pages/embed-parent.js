// Records every message the embedded map posts to its parent.
window.__messages = [];
window.addEventListener('message', (event) => {
  window.__messages.push({
    origin: event.origin,
    data: event.data,
    fromFrame: event.source === document.getElementById('frame').contentWindow,
  });
});
