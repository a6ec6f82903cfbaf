#!/usr/bin/env bash
# Stages the npm package `peta-cerdas` from npm/ and the built www/ into target/npm and packs it
# into target/npm-pack/. Run after `make build` (the Makefile's `package` target does both).
set -euo pipefail
cd "$(dirname "$0")/.."
stage=target/npm
out=target/npm-pack
rm -rf "$stage" && mkdir -p "$stage/pkg" "$stage/data" "$stage/element" "$stage/dist" "$out"
cp npm/package.json npm/peta-cerdas.d.ts npm/contract.d.ts npm/embed-resize.d.ts npm/README.md npm/DATA-LICENCES.md "$stage/"
cp www/peta-cerdas.js www/embed-resize.js "$stage/"
cp www/element/*.js "$stage/element/"
cp www/dist/peta-cerdas.js www/dist/peta-cerdas-extras.js "$stage/dist/"
cp www/pkg/peta_cerdas.js www/pkg/peta_cerdas_bg.wasm www/pkg/peta_cerdas_csv.js www/pkg/peta_cerdas_csv_bg.wasm \
  www/pkg/peta_cerdas_reports.js www/pkg/peta_cerdas_reports_bg.wasm "$stage/pkg/"
# Every staged data file but atlas.bin, which only the benchmark reads.
cp -r www/data/. "$stage/data/"
rm -f "$stage/data/atlas.bin"
# The package version follows the crate's.
version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
node -e 'const fs=require("fs");const p=JSON.parse(fs.readFileSync(process.argv[1]));p.version=process.argv[2];fs.writeFileSync(process.argv[1],JSON.stringify(p,null,2)+"\n")' "$stage/package.json" "$version"
tarball=$(cd "$stage" && npm pack --silent --pack-destination "../npm-pack")
echo "package: $out/$tarball ($(du -k "$out/$tarball" | cut -f1) KB)"
