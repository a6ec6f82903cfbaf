// Injected by the test server as the first script of every page the engine tests open (a classic
// script from the page's own origin, so a strict CSP allows it and it runs before any module).
// It records, the same way in every engine and without any driver-specific log API:
//   window.__pc.events      the element's events (they bubble and are composed), with detail
//   window.__pc.errors      uncaught exceptions, unhandled rejections and console.error calls
//   window.__pc.violations  Content-Security-Policy violations the document reports
(() => {
  const pc = { events: [], errors: [], violations: [] };
  window.__pc = pc;
  const fromElement = (event) => {
    const target = event.composedPath()[0];
    return target && target.localName === 'peta-cerdas' ? target : null;
  };
  for (const type of ['preview', 'ready', 'region-select', 'year-change', 'error']) {
    window.addEventListener(
      type,
      (event) => {
        const target = fromElement(event);
        if (!target) return;
        let detail;
        try {
          detail = JSON.parse(JSON.stringify(event.detail ?? null));
        } catch {
          detail = String(event.detail);
        }
        pc.events.push({ type, id: target.id || null, detail, at: performance.now() });
      },
      true,
    );
  }
  window.addEventListener('error', (event) => {
    // The element's own `error` CustomEvent bubbles here too; only script errors count.
    if (!(event instanceof ErrorEvent)) return;
    pc.errors.push(`uncaught: ${event.message} (${event.filename}:${event.lineno})`);
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    pc.errors.push(`unhandled rejection: ${reason && reason.stack ? reason.stack : reason}`);
  });
  const consoleError = console.error;
  console.error = function (...args) {
    pc.errors.push(`console.error: ${args.map((a) => (a && a.message) || String(a)).join(' ')}`);
    return consoleError.apply(this, args);
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    pc.violations.push(`${event.effectiveDirective || event.violatedDirective} ${event.blockedURI}`);
  });
})();
