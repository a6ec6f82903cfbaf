// The three browser engines, all from Debian packages (scripts/setup.sh installs them), each behind
// its own W3C driver which this module starts on a free port and stops again; WebdriverIO, one
// client for all three, talks to it:
//   chromium  /usr/bin/chromium + chromedriver (chromium-driver), WebDriver BiDi
//   firefox   /usr/bin/firefox-esr + geckodriver (crates.io, `cargo install`), WebDriver BiDi
//   webkit    MiniBrowser (libwebkit2gtk-4.1-0) + WebKitWebDriver (webkit2gtk-driver), W3C WebDriver
//             (classic: no BiDi in WebKitGTK's driver yet); MiniBrowser needs a display, so the
//             driver runs under xvfb-run.
// Nothing is downloaded: WebdriverIO is given the driver's address, so it never looks for a browser.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { remote } from 'webdriverio';

/** The window every engine opens: the map's layout and the screenshots are then comparable. */
export const WINDOW = { width: 1200, height: 900 };

const GECKODRIVER = [
  process.env.GECKODRIVER,
  path.join(os.homedir(), '.cargo/bin/geckodriver'),
  '/usr/local/bin/geckodriver',
]
  .filter(Boolean)
  .find((file) => fs.existsSync(file));

const MINIBROWSER = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
]
  .concat(process.env.MINIBROWSER ? [process.env.MINIBROWSER] : [])
  .find((file) => fs.existsSync(file));

export const ENGINES = {
  chromium: {
    label: 'Chromium',
    binary: '/usr/bin/chromium',
    driver: (port) => ['/usr/bin/chromedriver', [`--port=${port}`]],
    capabilities: {
      browserName: 'chrome',
      webSocketUrl: true,
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          `--window-size=${WINDOW.width},${WINDOW.height}`,
        ],
      },
    },
  },
  firefox: {
    label: 'Firefox ESR',
    binary: '/usr/bin/firefox-esr',
    driver: (port) => [GECKODRIVER, ['--port', String(port), '--binary', '/usr/bin/firefox-esr']],
    capabilities: {
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', `--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
        prefs: {
          // No update checks, telemetry or remote settings: the tests make no foreign request.
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.reportingpolicy.firstRun': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    },
  },
  webkit: {
    label: 'WebKitGTK',
    binary: MINIBROWSER,
    display: true,
    driver: (port) => ['/usr/bin/WebKitWebDriver', [`--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    },
  },
};

/** Why `name` cannot run here (a missing binary), or null. */
export function missing(name) {
  const engine = ENGINES[name];
  if (!engine) return `unknown engine ${name}`;
  const [driver] = engine.driver(0);
  if (!engine.binary || !fs.existsSync(engine.binary))
    return `${engine.label}: no browser binary (run scripts/setup.sh)`;
  if (!driver || !fs.existsSync(driver)) return `${engine.label}: no driver binary (run scripts/setup.sh)`;
  if (engine.display && !hasCommand('xvfb-run')) return `${engine.label}: xvfb-run is missing (run scripts/setup.sh)`;
  return null;
}

function hasCommand(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function freePort() {
  const server = net.createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

async function waitForDriver(port, child, log, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the driver exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`the driver did not answer on port ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts `name`'s driver and a session in it. Answers {browser, engine, bidi, version, close()}.
 * The driver runs in its own process group, which close() ends (with the browser it started).
 */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const why = missing(name);
  if (why) throw new Error(why);
  const port = await freePort();
  let [command, args] = engine.driver(port);
  if (engine.display) {
    args = ['-a', '-s', `-screen 0 ${WINDOW.width + 80}x${WINDOW.height + 200}x24`, command, ...args];
    command = 'xvfb-run';
  }
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stopDriver = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  let browser;
  try {
    await waitForDriver(port, child, () => output);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      connectionRetryTimeout: 60_000,
      connectionRetryCount: 1,
      capabilities: structuredClone(engine.capabilities),
    });
    await browser.setWindowSize(WINDOW.width, WINDOW.height).catch(() => {});
  } catch (error) {
    stopDriver();
    throw new Error(`${engine.label}: could not start a session: ${error.message}\n${output}`, { cause: error });
  }
  const caps = browser.capabilities;
  return {
    name,
    engine,
    browser,
    bidi: Boolean(browser.isBidi),
    version: `${caps.browserName} ${caps.browserVersion ?? caps.version ?? ''}`.trim(),
    async close() {
      await browser.deleteSession().catch(() => {});
      stopDriver();
      await new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // gone
          }
          ok();
        }, 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          ok();
        });
      });
    },
  };
}
