// An engine-neutral page: everything a flow does goes through five W3C WebDriver primitives that
// Chromium, Firefox ESR and WebKitGTK all implement: navigate, execute script (inside the page,
// reaching into the open shadow root), pointer and key actions, and a screenshot. No shadow-root
// commands, no engine's own log API: what the page reports comes from probe.js.
import assert from 'node:assert/strict';

export { assert };

/** W3C WebDriver key codes. */
export const KEY = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Shift: '\uE008',
  Control: '\uE009',
  Home: '\uE011',
  End: '\uE010',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

export class EnginePage {
  /** `session` from startEngine, `server` from tests/e2e/server.mjs. */
  constructor(session, server) {
    this.session = session;
    this.browser = session.browser;
    this.server = server;
  }

  get engine() {
    return this.session.name;
  }

  /** Loads `path` (on the test server) afresh: via about:blank, so a change of hash alone reloads too. */
  async goto(path) {
    await this.browser.url('about:blank');
    await this.browser.url(/^https?:/.test(path) ? path : this.server.url(path));
  }

  /** Runs `fn(...args)` in the page and answers its (awaited) result. */
  eval(fn, ...args) {
    return this.browser.execute(fn, ...args);
  }

  /** Polls `fn` (node side, may await the page) until it answers truthy; fails with `message`. */
  async until(fn, message, timeout = 8000) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await fn();
        if (last) return last;
      } catch (error) {
        last = error;
      }
      if (Date.now() > end) {
        const was = last instanceof Error ? last.message : JSON.stringify(last);
        throw new Error(`${this.engine}: ${message} (last: ${was}; state: ${await this.describe()})`);
      }
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  /** One line on the element's state, for failure messages. */
  describe(host = 'peta-cerdas') {
    return this.eval((host) => {
      const el = document.querySelector(host);
      const root = el && el.shadowRoot && el.shadowRoot.getElementById('root');
      const message = el && el.shadowRoot && el.shadowRoot.getElementById('message');
      return `${el ? 'element' : 'no element'}, data-state=${root && root.dataset.state}, message=${JSON.stringify(
        message && message.textContent,
      )}, url=${location.href}`;
    }, host).catch((error) => `page gone (${error.message})`);
  }

  /**
   * Waits until `#root` of the element has `data-state=state`. A map shows its prerendered preview
   * until a reader reaches for it, so waiting for `ready` or `fallback` first starts the
   * interactive map with `load()`.
   */
  async waitState(state, { host = 'peta-cerdas', timeout = 20_000 } = {}) {
    if (state === 'ready' || state === 'fallback') await this.startMaps(host);
    return this.until(
      () =>
        this.eval(
          (host, state) => {
            const el = document.querySelector(host);
            const root = el && el.shadowRoot && el.shadowRoot.getElementById('root');
            return Boolean(root && root.dataset.state === state);
          },
          host,
          state,
        ),
      `${host} reaches data-state=${state}`,
      timeout,
    );
  }

  /** Starts the interactive map of every element `host`, as a reader's intent would. */
  async startMaps(host = 'peta-cerdas') {
    await this.until(
      () => this.eval((host) => Boolean(document.querySelector(host)?.load), host),
      `${host} is defined`,
    );
    await this.eval((host) => document.querySelectorAll(host).forEach((el) => el.load().catch(() => {})), host);
  }

  waitReady(options) {
    return this.waitState('ready', options);
  }

  /** The element events recorded by probe.js, optionally of one type. */
  async events(type) {
    const all = await this.eval(() => (window.__pc ? window.__pc.events : []));
    return type ? all.filter((e) => e.type === type) : all;
  }

  clearEvents() {
    return this.eval(() => {
      window.__pc.events.length = 0;
    });
  }

  /** Waits for an event of `type` whose detail passes `predicate` (run in node). */
  waitEvent(type, predicate = () => true, timeout = 8000) {
    return this.until(
      async () => (await this.events(type)).find((e) => predicate(e.detail)),
      `a ${type} event matching ${predicate}`,
      timeout,
    );
  }

  /** What the page reported that no flow expects: script errors and CSP violations. */
  problems() {
    return this.eval(() => (window.__pc ? { errors: window.__pc.errors, violations: window.__pc.violations } : null));
  }

  /** Lets the element draw: `count` animation frames. */
  frames(count = 2) {
    return this.eval(
      (count) =>
        new Promise((done) => {
          const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : done(true));
          step(count);
        }),
      count,
    );
  }

  /** Text of a shadow part, whitespace collapsed ('' when absent). */
  text(id, host = 'peta-cerdas') {
    return this.eval(
      (host, id) => {
        const node = document.querySelector(host).shadowRoot.getElementById(id);
        return node ? node.textContent.replace(/\s+/g, ' ').trim() : '';
      },
      host,
      id,
    );
  }

  /** Whether a shadow part is rendered (not hidden, has a box). */
  visible(id, host = 'peta-cerdas') {
    return this.eval(
      (host, id) => {
        const node = document.querySelector(host).shadowRoot.getElementById(id);
        if (!node || node.closest('[hidden]')) return false;
        const box = node.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
      },
      host,
      id,
    );
  }

  waitVisible(id, visible = true, host = 'peta-cerdas') {
    return this.until(
      async () => (await this.visible(id, host)) === visible,
      `#${id} ${visible ? 'shows' : 'hides'}`,
      5000,
    );
  }

  /** An attribute of a shadow part. */
  attr(id, name, host = 'peta-cerdas') {
    return this.eval(
      (host, id, name) => document.querySelector(host).shadowRoot.getElementById(id).getAttribute(name),
      host,
      id,
      name,
    );
  }

  /** Focuses a shadow part (the map canvas, the slider, the search box). */
  focus(id, host = 'peta-cerdas') {
    return this.eval(
      (host, id) => {
        const node = document.querySelector(host).shadowRoot.getElementById(id);
        node.focus();
        return node.getRootNode().activeElement === node;
      },
      host,
      id,
    );
  }

  /** Calls a method of the element and answers its result. */
  call(method, args = [], host = 'peta-cerdas') {
    return this.eval((host, method, args) => document.querySelector(host)[method](...args), host, method, args);
  }

  /**
   * Where (lon, lat) is in the viewport, rounded to whole CSS pixels (W3C pointer actions take
   * integers), scrolled into view first.
   */
  async pointOf(lon, lat, host = 'peta-cerdas') {
    return this.eval(
      (host, lon, lat) => {
        const el = document.querySelector(host);
        const canvas = el.shadowRoot.getElementById('map');
        canvas.scrollIntoView({ block: 'center' });
        const box = canvas.getBoundingClientRect();
        const p = el.toScreen(lon, lat);
        return { x: Math.round(box.left + p.x), y: Math.round(box.top + p.y), box: box.toJSON() };
      },
      host,
      lon,
      lat,
    );
  }

  /** The centre of a shadow part in the viewport. */
  async centreOf(id, host = 'peta-cerdas') {
    return this.eval(
      (host, id) => {
        const node = document.querySelector(host).shadowRoot.getElementById(id);
        const box = node.getBoundingClientRect();
        return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
      },
      host,
      id,
    );
  }

  #mouse() {
    return this.browser.action('pointer', { parameters: { pointerType: 'mouse' } });
  }

  /** Moves the mouse to (x, y) in the viewport, from a point `from` pixels up-left, in two steps. */
  async hover(x, y, from = 4) {
    await this.#mouse()
      .move({ x: Math.max(0, x - from), y: Math.max(0, y - from), origin: 'viewport', duration: 0 })
      .move({ x, y, origin: 'viewport', duration: 50 })
      .perform();
  }

  async click(x, y) {
    await this.#mouse()
      .move({ x, y, origin: 'viewport', duration: 0 })
      .down({ button: 0 })
      .pause(30)
      .up({ button: 0 })
      .perform();
  }

  /** Presses each key in turn; `modifiers` are held around every one of them. */
  async press(keys, modifiers = []) {
    const action = this.browser.action('key');
    for (const key of [].concat(keys)) {
      for (const m of modifiers) action.down(m);
      action.down(key).up(key);
      for (const m of [...modifiers].reverse()) action.up(m);
    }
    await action.perform();
  }

  /** Types `text` into whatever has focus. */
  async type(text) {
    await this.press([...text]);
  }

  /** A wheel turn over (x, y); `modifiers` held (Ctrl for zoom). Throws where the engine has no wheel input. */
  async wheel(x, y, deltaY, modifiers = []) {
    if (modifiers.length) {
      const keys = this.browser.action('key');
      for (const m of modifiers) keys.down(m);
      const wheel = this.browser.action('wheel').scroll({ x, y, deltaX: 0, deltaY, origin: 'viewport', duration: 50 });
      const release = this.browser.action('key');
      for (const m of modifiers) release.up(m);
      await this.browser.actions([keys, wheel]);
      await this.browser.actions([release]);
      return;
    }
    await this.browser.action('wheel').scroll({ x, y, deltaX: 0, deltaY, origin: 'viewport', duration: 50 }).perform();
  }

  /** Saves a screenshot of the viewport as PNG. */
  screenshot(file) {
    return this.browser.saveScreenshot(file);
  }

  /**
   * What the screen shows inside a shadow part, from a screenshot decoded in the page: the
   * luminance (0 black .. 1 white) of its pixels, its border left out, as `{median, min, max}`.
   * Native controls paint parts that no style or script can read; a screenshot sees them.
   */
  async luminanceOf(id, host = 'peta-cerdas') {
    const png = await this.browser.takeScreenshot();
    return this.eval(
      async (png, host, id) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const box = document.querySelector(host).shadowRoot.getElementById(id).getBoundingClientRect();
        const scale = img.naturalWidth / document.documentElement.clientWidth;
        const inset = 4;
        const [x, y] = [Math.round((box.left + inset) * scale), Math.round((box.top + inset) * scale)];
        const [width, height] = [
          Math.round((box.width - 2 * inset) * scale),
          Math.round((box.height - 2 * inset) * scale),
        ];
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [width, height];
        const context = canvas.getContext('2d');
        context.drawImage(img, x, y, width, height, 0, 0, width, height);
        const { data } = context.getImageData(0, 0, width, height);
        const values = [];
        for (let i = 0; i < data.length; i += 4) {
          values.push((0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) / 255);
        }
        values.sort((a, b) => a - b);
        return { median: values[values.length >> 1], min: values[0], max: values[values.length - 1] };
      },
      png,
      host,
      id,
    );
  }

  /** Counts the canvas's pixels that are not its commonest colour (the sea), and its colours. */
  landPixels(host = 'peta-cerdas') {
    return this.eval((host) => {
      const canvas = document.querySelector(host).shadowRoot.getElementById('map');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const counts = new Map();
      for (let i = 0; i < data.length; i += 16) {
        const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      const sea = Math.max(...counts.values());
      // Colours covering at least 0.05% of the samples: the fills, not anti-aliasing.
      const fills = [...counts.values()].filter((n) => n >= data.length / 16 / 2000).length;
      return { total: data.length / 16, land: data.length / 16 - sea, colours: counts.size, fills };
    }, host);
  }

  /** The hash as URLSearchParams. */
  async hash() {
    return new URLSearchParams((await this.eval(() => location.hash)).replace(/^#/, ''));
  }
}
