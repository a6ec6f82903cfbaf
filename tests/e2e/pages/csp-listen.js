// Records Content-Security-Policy violations; an external file, since the page allows no inline script.
window.__violations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.__violations.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      source: event.sourceFile,
      sample: event.sample,
    });
  },
  true,
);
