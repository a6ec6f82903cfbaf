// embed-resize.js is a script for the page that holds embed.html in an iframe: loaded (or
// imported for its effect) it sizes each such iframe to the height the map posts. It exports nothing.
export {};
