#!/usr/bin/env bash
# Installs what fuzzing needs (make fuzz), idempotently and pinned. Not part of make test:
# cargo-fuzz needs a nightly toolchain and takes minutes to compile on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.1
log() { printf 'setup-fuzz: %s\n' "$*" >&2; }

if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (cargo fuzz needs -Z flags)"
  rustup toolchain install nightly --profile minimal
fi

if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes)"
  cargo install --locked --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
log "fuzzing tools ready"
