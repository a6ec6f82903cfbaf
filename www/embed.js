// The iframe target tells its parent how tall it is, so the host page can size the iframe
// (embed-resize.js does that on the host side).
if (window.parent !== window) {
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'peta-cerdas:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}
