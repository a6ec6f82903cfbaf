// The iframe target (embed.html): the map's height from the address, and its own height told to
// the parent, so the host page can size the iframe (embed-resize.js does that on the host side).

/** The heights, in CSS px, that `?height=` may ask of the map; the address is anyone's to write. */
const MAP_HEIGHT = { min: 200, max: 2000 };

// `embed.html?height=480#year=…`: the query, as the hash is the map's state (sync-hash). Set
// through the CSSOM, which a strict style-src allows where a style attribute is blocked.
const height = new URLSearchParams(location.search).get('height');
if (height !== null) {
  const px = Number(height);
  if (Number.isInteger(px) && px >= MAP_HEIGHT.min && px <= MAP_HEIGHT.max) {
    document.querySelector('peta-cerdas').style.setProperty('--peta-cerdas-map-height', `${px}px`);
  } else {
    console.warn(
      `embed.html: ?height=${height} is not a whole number of CSS px from ${MAP_HEIGHT.min} to ${MAP_HEIGHT.max}; the default height is kept`,
    );
  }
}

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
