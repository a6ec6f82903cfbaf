#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently and pinned.
# Each step first checks what is already there, because compiling wasm-pack and
# wasm-bindgen-cli takes minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
# The driver of Firefox ESR for the engine tests (tests/engines); Debian has no geckodriver package.
GECKODRIVER_VERSION=0.37.1
log() { printf 'setup: %s\n' "$*" >&2; }

# The compiler rust-toolchain.toml pins (rustup fetches it on first use), with the wasm target and
# the standard library's source, which the wasm build compiles (Makefile, `www/pkg` rule).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed | grep -qx rust-src; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

# The other two engines of tests/engines: Firefox ESR and WebKitGTK (WebKitWebDriver drives
# MiniBrowser from libwebkit2gtk-4.1-0, which needs a display: Xvfb).
if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || ! command -v xvfb-run >/dev/null; then
  log "installing Debian firefox-esr, webkit2gtk-driver and xvfb"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
fi

# By its cargo path: WebdriverIO's npm `geckodriver` wrapper (node_modules/.bin, first on make's
# PATH) answers nothing here, as it would download a binary.
geckodriver="${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver"
if [ "$("$geckodriver" --version 2>/dev/null | awk 'NR==1{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  log "installing geckodriver $GECKODRIVER_VERSION from crates.io (a few minutes)"
  cargo install --locked --force geckodriver --version "$GECKODRIVER_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  cargo install --force wasm-bindgen-cli --version "$bindgen_version"
fi

if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install --locked --force wasm-pack --version "$WASM_PACK_VERSION"
fi

# Node packages (Playwright driver, axe-core, npm binaryen for wasm-opt, the benchmark peers),
# reinstalled only when the lockfile changed.
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
log "tools ready"
