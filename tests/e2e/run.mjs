// The browser tests of the element (docs/element.md), in headless Debian Chromium:
// `node tests/e2e/run.mjs [name-filter …]`. Prints `ok - name` / `not ok - name`, a summary,
// and exits non-zero on any failure (screenshots of failures land in target/e2e/).
import { runTests } from './lib.mjs';
import './map.test.mjs';
import './a11y.test.mjs';
import './embedding.test.mjs';
import './package.test.mjs';
import './counts.test.mjs';
import './downloads.test.mjs';
import './participation.test.mjs';
import './builder.test.mjs';
import './preview.test.mjs';
import './layout.test.mjs';
import './programme.test.mjs';
import './soak.mjs';

const ok = await runTests(process.argv.slice(2));
process.exit(ok ? 0 : 1);
