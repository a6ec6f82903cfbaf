#!/usr/bin/env bash
# Puts everything the pages need under www/data/ (git-ignored): the boundary assets, the
# programme facts, and the pre-rendered fallback (SVG + table) for browsers without WebAssembly.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=target/release/peta-cerdas
out=www/data
mkdir -p "$out"
# atlas.bin only for the browser benchmark (benches/browser); the element fetches the overview (the
# regions, whose coarsest borders are the preview's paths) and then, as a view draws them, the
# provinces' level files (detail/<level>/<province>.bin).
cp data/build/overview.bin data/build/atlas.bin "$out/"
rm -rf "$out/detail" && cp -r data/build/detail "$out/detail"
cp data/programme/members.csv data/programme/pillars.csv data/programme/cohorts.csv "$out/"
# The packaged programme, compiled: the page decodes it instead of parsing the CSV files, and
# fetches its sources when they show: a panel its region's (sources/<holder>.bin, e.g. 35.20.bin),
# the table and a CSV export all of them (sources/all.bin). An older build's single sources.bin goes.
rm -f "$out/sources.bin"
"$CLI" pack-programme -o "$out"
# The first paint: the home view with every cohort year's colours (www/element/preview.js), whose
# paths the interactive map reads as its coarsest level (src/asset/paths.rs).
"$CLI" preview -o "$out/preview.json"
for lang in id en; do
  "$CLI" render --lang "$lang" --width 1200 --height 640 -o "$out/fallback-$lang.svg"
  "$CLI" table --lang "$lang" -o "$out/table-$lang.json"
done
echo "stage-www: $(find "$out" -type f | wc -l) files in $out"
