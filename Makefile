# The whole set-up is `make demo` and `make test`; each installs what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
CLI := target/release/peta-cerdas
PORT ?= 8080

.PHONY: setup data build wasm demo test test-native test-wasm test-e2e test-engines test-bundlers test-js lint lint-js bench wasm-size fuzz package clean

setup:
	@bash scripts/setup.sh

$(CLI): $(shell find src -name '*.rs') Cargo.toml Cargo.lock
	cargo build --release --bin peta-cerdas

# The boundary asset is derived from data under its own licence: built here, never committed.
data/build/atlas.bin: $(CLI) data/boundaries.json
	$(CLI) prepare --out data/build

data: data/build/atlas.bin

# Rebuilt only when the Rust sources change; wasm-pack runs wasm-opt (npm binaryen, see setup.sh).
# The standard library is compiled with the crate, so that a panic traps at once instead of
# carrying the code that formats a message nobody reads once the instance is dead (about 12 kB of
# the gzipped wasm; benches/FINDINGS.md), with its `optimize_for_size` feature: smaller sorting and
# formatting, 1.4 kB of the map's gzip, for frames and hit tests the bench measures within their
# goals still. `-Zfmt-debug=none`
# empties every `{:?}` (messages quote input with `quoted::Quoted` instead) and
# `-Zlocation-detail=none` drops the file and line a trap never prints. These are unstable
# flags of the compiler that rust-toolchain.toml pins, hence RUSTC_BOOTSTRAP; a target folder of
# its own, so that their RUSTFLAGS do not make every other cargo command rebuild.
# Three wasm builds of the crate: the CSV reader's (feature `csv`), the reports' (feature
# `reports`) and then the map's, whose cdylib stays in the target folder for `make wasm-size`.
WASM_CARGO_FLAGS = -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
WASM_ENV = RUSTC_BOOTSTRAP=1 RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none'
WASM_PACK = $(WASM_ENV) CARGO_TARGET_DIR=target/wasm-release \
	wasm-pack build --release --target web --out-dir www/pkg --no-typescript --no-pack
www/pkg/peta_cerdas_bg.wasm: $(shell find src -name '*.rs') Cargo.toml Cargo.lock rust-toolchain.toml
	$(WASM_PACK) --out-name peta_cerdas_csv . -- $(WASM_CARGO_FLAGS) --no-default-features --features csv
	$(WASM_PACK) --out-name peta_cerdas_reports . -- $(WASM_CARGO_FLAGS) --no-default-features --features reports
	$(WASM_PACK) . -- $(WASM_CARGO_FLAGS)
	rm -f www/pkg/.gitignore
	node scripts/minify-glue.mjs

wasm: setup www/pkg/peta_cerdas_bg.wasm

# The browser benchmark's build: the map's with `loadAtlas` (feature `atlas`), which its synthetic
# layers and its finest-geometry figures load; a target folder of its own, so that `make
# wasm-size` keeps reading the shipped cdylib.
target/bench-pkg/peta_cerdas_bg.wasm: www/pkg/peta_cerdas_bg.wasm
	$(WASM_ENV) CARGO_TARGET_DIR=target/wasm-bench wasm-pack build --release --target web \
		--out-dir target/bench-pkg --no-typescript --no-pack . -- $(WASM_CARGO_FLAGS) --features atlas
	rm -f target/bench-pkg/.gitignore

# Everything the pages need: the wasm, the boundary assets, the preview, the no-WebAssembly
# fallback, and the element as one module with the preview inside (scripts/bundle-element.mjs).
build: setup data wasm
	bash scripts/stage-www.sh
	node scripts/bundle-element.mjs

# The npm package peta-cerdas as a tarball in target/npm-pack/.
package: build
	bash scripts/package.sh

demo: build
	@echo "peta-cerdas demo on http://127.0.0.1:$(PORT)/"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

# The element, its unit tests, the browser tests and the benchmark pages (eslint.config.js, .prettierrc.json).
lint-js: setup
	eslint www scripts tests/js tests/e2e tests/engines tests/bundlers benches eslint.config.js
	prettier --check 'www/**/*.js' 'scripts/*.mjs' 'tests/{js,e2e,engines,bundlers}/**/*.{js,mjs}' 'benches/**/*.{js,mjs}' eslint.config.js

# The wasm test embeds data/build/overview.bin, so the data comes before clippy sees it.
lint: data lint-js
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --test web --features csv,reports,atlas -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features csv -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features reports -- -D warnings

test-native: data
	cargo test --all-targets

test-wasm: setup data
	# The binding layer in headless Chromium (webdriver.json carries its flags); unit tests run natively.
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		cargo test --target wasm32-unknown-unknown --test web --features csv,reports,atlas

# The element's pure parts (view models, key bindings, gesture maths, the MapHandle wrapper), no
# browser; the wrapper's CSV and report paths run the CSV reader's and the reports' wasm in Node.
test-js: data wasm
	node --test tests/js/

test-e2e: build package
	node tests/e2e/run.mjs

# The core flows in Chromium, Firefox ESR and WebKitGTK through WebdriverIO (tests/engines/README.md).
test-engines: build package
	node tests/engines/run.mjs

# The packed package in a fresh Vite app, a fresh webpack app, a plain page and a CMS page with src,
# publint, attw and a strict TypeScript consumer (tests/bundlers/README.md).
test-bundlers: package
	node tests/bundlers/run.mjs

test: setup data lint test-native test-js test-wasm test-e2e test-engines test-bundlers

# Native (criterion) and browser benchmarks beside their peers; the report goes to the terminal
# and benches/results/latest.json. The synthetic layers (target/bench-data) are made first.
bench: build target/bench-pkg/peta_cerdas_bg.wasm
	nice -n 5 node benches/browser/data.mjs
	nice -n 5 cargo bench --bench atlas
	nice -n 5 node benches/browser/run.mjs

# Lighthouse (mobile preset: simulated Slow 4G, 4× CPU) on index.html and embed.html served
# gzipped: the median of three runs of performance, LCP, TBT, CLS, TTI and bytes, and
# target/audit/latest.json. Not part of `make test` (a few minutes).
audit: build
	CHROME_PATH=/usr/bin/chromium node benches/audit.mjs

# What the wasm is made of, by crate and function (benches/FINDINGS.md).
wasm-size: wasm
	node benches/wasm-size.mjs --json target/wasm-size/report.json

fuzz:
	bash scripts/fuzz-smoke.sh

clean:
	rm -rf data/build www/pkg www/data target/wasm32-unknown-unknown target/wasm-release
