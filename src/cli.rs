//! The peta-cerdas command line: prepare the data, and ask the atlas and programme questions.

use clap::{Parser, Subcommand};
use flate2::{write::GzEncoder, Compression};
use geo::MapCoordsInPlace;
use peta_cerdas::atlas::Atlas;
use peta_cerdas::indicator::Indicator;
use peta_cerdas::map::MapState;
use peta_cerdas::names::NameIndex;
use peta_cerdas::prepare::{self, sha256_hex, CodeList, Manifest};
use peta_cerdas::programme::{self, Programme};
use peta_cerdas::region::RegionCode;
use peta_cerdas::render::{preview, svg};
use peta_cerdas::scene::{Scene, SceneInput};
use peta_cerdas::stats::Stats;
use peta_cerdas::style::{Colouring, Lang, Mode, PillarFocus, ThemeChoice};
use peta_cerdas::view::Viewport;
use std::collections::BTreeSet;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const ASSET_FILE: &str = "atlas.bin";
/// The coarsest level alone, for a page's first paint.
const OVERVIEW_FILE: &str = "overview.bin";

#[derive(Parser)]
#[command(name = "peta-cerdas", version, about = "Indonesia's smart-city programme on a map")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate boundary GeoJSON and write the compact asset (default source: data/boundaries.json).
    Prepare {
        /// Boundary GeoJSON; overrides PETA_BOUNDARIES and the manifest's default.
        #[arg(long)]
        boundaries: Option<PathBuf>,
        #[arg(long, default_value = "data/build")]
        out: PathBuf,
        #[arg(long, default_value = "data/boundaries.json")]
        manifest: PathBuf,
    },
    /// Print `CODE<TAB>NAME` of the kabupaten/kota at a point, or `-` where there is none.
    Locate {
        /// Longitude in degrees.
        #[arg(allow_hyphen_values = true)]
        lon: Option<String>,
        /// Latitude in degrees (negative south of the equator).
        #[arg(allow_hyphen_values = true)]
        lat: Option<String>,
        /// Read `LON LAT` lines on stdin and answer one line each.
        #[arg(long, conflicts_with_all = ["lon", "lat"])]
        batch: bool,
        #[arg(long, default_value = "data/build/atlas.bin")]
        asset: PathBuf,
    },
    /// Print programme figures as JSON: regions, cohorts (official and identified), members, pillars.
    Stats {
        /// The year members and pillars are counted as of (default: the latest cohort).
        #[arg(long)]
        year: Option<String>,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write the choropleth of one view as a standalone SVG.
    Render {
        #[arg(long)]
        year: Option<String>,
        #[arg(long, default_value = "cohort")]
        mode: String,
        /// In pillar mode: count, or one of governance, branding, economy, living, society, environment.
        #[arg(long, default_value = "count")]
        pillar: String,
        #[arg(long, default_value = "id")]
        lang: String,
        #[arg(long, default_value = "light")]
        theme: String,
        #[arg(long, default_value_t = 1200.0)]
        width: f64,
        #[arg(long, default_value_t = 800.0)]
        height: f64,
        /// Select (outline) this region, by Kemendagri code.
        #[arg(long)]
        region: Option<String>,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write the prerendered first paint (`preview.json`): the home view's borders with the
    /// colours and control texts of every cohort year, theme and language (derived from the
    /// boundary data, so never commit the output).
    Preview {
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write the programme, checked, into a folder as `programme.bin` (the facts, what the page
    /// loads instead of parsing the three CSV files) and `sources/<holder>.bin` (their source
    /// links, notes and quotes: `sources/35.20.bin` a region's, `sources/32.00.bin` a pilot
    /// province's own, `sources/00.00.bin` the citations whose region the source leaves open;
    /// a panel fetches its region's, the table and a CSV export `sources/all.bin`).
    PackProgramme {
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// Folder holding members.csv, pillars.csv and cohorts.csv.
        #[arg(long, default_value = "data/programme")]
        programme: PathBuf,
    },
    /// Write the members by a year as JSON rows (the map's text equivalent, for pages without WebAssembly).
    Table {
        #[arg(long)]
        year: Option<String>,
        #[arg(long, default_value = "id")]
        lang: String,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write one level of the prepared asset as GeoJSON (for benchmarks against other stacks;
    /// derived from the boundary data, so never commit the output).
    ExportGeojson {
        /// Level of detail, 0 = coarsest; default the finest.
        #[arg(long)]
        level: Option<usize>,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[arg(long, default_value = "data/build/atlas.bin")]
        asset: PathBuf,
    },
    /// Validate an indicator CSV (a code or name column and a value) against the 514 regions, or a
    /// programme folder (members.csv, pillars.csv, cohorts.csv), naming every row it cannot use.
    Check {
        file: PathBuf,
        #[arg(long, default_value = "data/build/atlas.bin")]
        asset: PathBuf,
    },
}

#[derive(clap::Args)]
struct DataArgs {
    #[arg(long, default_value = "data/build/atlas.bin")]
    asset: PathBuf,
    /// Folder holding members.csv, pillars.csv and cohorts.csv.
    #[arg(long, default_value = "data/programme")]
    programme: PathBuf,
}

impl DataArgs {
    fn load(&self) -> Result<(Atlas, Programme), String> {
        Ok((load_atlas(&self.asset)?, load_programme(&self.programme)?))
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Prepare { boundaries, out, manifest } => run_prepare(boundaries, &out, &manifest),
        Command::Locate { lon, lat, batch, asset } => run_locate(lon, lat, batch, &asset),
        Command::Stats { year, data } => run_stats(year.as_deref(), &data),
        Command::Render { year, mode, pillar, lang, theme, width, height, region, output, data } => {
            let view = RenderArgs { year, mode, pillar, lang, theme, width, height, region };
            run_render(&view, &output, &data)
        }
        Command::Preview { output, data } => run_preview(&output, &data),
        Command::PackProgramme { output, programme } => run_pack_programme(&output, &programme),
        Command::Table { year, lang, output, data } => run_table(year.as_deref(), &lang, &output, &data),
        Command::ExportGeojson { level, output, asset } => run_export(level, &output, &asset),
        Command::Check { file, asset } => run_check(&file, &asset),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("peta-cerdas: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_prepare(boundaries: Option<PathBuf>, out: &Path, manifest_path: &Path) -> Result<ExitCode, String> {
    let manifest = Manifest::load(manifest_path).map_err(|e| e.to_string())?;
    let default = manifest.default_source().map_err(|e| e.to_string())?;
    let path = boundaries
        .or_else(|| std::env::var_os("PETA_BOUNDARIES").map(PathBuf::from))
        .unwrap_or_else(|| default.path.clone());
    let bytes = std::fs::read(&path).map_err(|e| {
        format!(
            "cannot read boundaries {}: {e}\n  (set PETA_BOUNDARIES or --boundaries; download: {})",
            path.display(),
            default.download
        )
    })?;
    let checksum = sha256_hex(&bytes);
    let attribution = match manifest.source_with_checksum(&checksum) {
        Some(source) => {
            eprintln!("source: {} ({}), sha256 verified", source.id, source.licence);
            source.attribution.clone()
        }
        None if path == default.path => {
            return Err(format!(
                "{} has sha256 {checksum}, but the manifest expects {}; the file changed",
                path.display(),
                default.sha256
            ))
        }
        None => {
            eprintln!("source: {} is not in the manifest (sha256 {checksum}); credit it yourself", path.display());
            format!("Batas wilayah: {}", path.file_name().unwrap_or_default().to_string_lossy())
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let codes = CodeList::from_csv(&read(&manifest.code_list.regencies)?, &read(&manifest.code_list.provinces)?)
        .map_err(|e| e.to_string())?;
    let (asset, report) =
        prepare::prepare(&text, &codes, &attribution).map_err(|e| format!("{}: {e}", path.display()))?;
    let encoded = asset.to_bytes();
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let target = out.join(ASSET_FILE);
    prepare::write_atomically(&target, &encoded).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    let overview = asset.overview().to_bytes();
    let overview_target = out.join(OVERVIEW_FILE);
    prepare::write_atomically(&overview_target, &overview)
        .map_err(|e| format!("cannot write {}: {e}", overview_target.display()))?;
    // One file per province and finer level: pages fetch only the level a zoom draws of the
    // provinces it shows.
    let mut detail_gzipped: std::collections::BTreeMap<u8, Vec<usize>> = Default::default();
    let mut written = BTreeSet::new();
    for detail in asset.details() {
        let target = out.join(peta_cerdas::asset::detail_file(detail.province, detail.level));
        let bytes = detail.to_bytes();
        std::fs::create_dir_all(target.parent().unwrap_or(out))
            .and_then(|()| prepare::write_atomically(&target, &bytes))
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        detail_gzipped.entry(detail.level).or_default().push(gzipped_len(&bytes));
        written.insert(target);
    }
    // Files of another build's layout would be staged and packaged with these: the folder is
    // prepare's alone. Cleared after writing, not before, so that a prepare running at the same
    // time (same files) loses nothing.
    let detail_dir = out.join("detail");
    remove_others(&detail_dir, &written).map_err(|e| format!("cannot clear {}: {e}", detail_dir.display()))?;

    println!("features      {} regions ({} non-region features skipped)", report.features, report.skipped.len());
    for skipped in &report.skipped {
        println!("  skipped     {skipped}");
    }
    println!("source        {} vertices; {} rings rewound to RFC 7946", report.source_vertices, report.rewound_rings);
    println!("repaired      {} invalid polygons", report.repaired.len());
    for repaired in &report.repaired {
        println!("  repaired    {repaired}");
    }
    for (level, (tolerance, vertices, arcs)) in report.levels.iter().enumerate() {
        println!("level {level}       tolerance {tolerance}°: {vertices} vertices in {arcs} arcs");
    }
    println!(
        "asset         {} bytes raw, {} bytes gzipped -> {}",
        encoded.len(),
        gzipped_len(&encoded),
        target.display()
    );
    println!(
        "overview      {} bytes raw, {} bytes gzipped -> {}",
        overview.len(),
        gzipped_len(&overview),
        overview_target.display()
    );
    for (level, mut sizes) in detail_gzipped {
        sizes.sort_unstable();
        println!(
            "detail {level}      {} province files, bytes gzipped: {} in all, min {} median {} max {} -> {}",
            sizes.len(),
            sizes.iter().sum::<usize>(),
            sizes[0],
            (sizes[(sizes.len() - 1) / 2] + sizes[sizes.len() / 2]) / 2,
            sizes[sizes.len() - 1],
            out.join("detail").join(level.to_string()).display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Removes every `.bin` file under `dir` that is not in `keep`, and the folders left empty; a
/// concurrent prepare's `.partial` files stay.
fn remove_others(dir: &Path, keep: &BTreeSet<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            remove_others(&path, keep)?;
            // Not empty when it holds files to keep.
            let _ = std::fs::remove_dir(&path);
        } else if path.extension().is_some_and(|ext| ext == "bin") && !keep.contains(&path) {
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
    }
    Ok(())
}

fn gzipped_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn load_atlas(path: &Path) -> Result<Atlas, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read the asset {}: {e} (run `peta-cerdas prepare` first)", path.display()))?;
    Atlas::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses a coordinate and checks its range, naming it in the message.
fn parse_coordinate(text: &str, what: &str, limit: f64) -> Result<f64, String> {
    let value: f64 = text.trim().parse().map_err(|_| format!("{what} {text:?} is not a number"))?;
    if !value.is_finite() || value.abs() > limit {
        return Err(format!("{what} {text} is outside -{limit}..{limit} degrees"));
    }
    Ok(value)
}

fn answer(atlas: &Atlas, lon: f64, lat: f64) -> String {
    match atlas.locate(lon, lat) {
        Some(index) => {
            let region = &atlas.regions()[index];
            format!("{}\t{}", region.code, region.name)
        }
        None => "-".to_owned(),
    }
}

fn run_locate(lon: Option<String>, lat: Option<String>, batch: bool, asset: &Path) -> Result<ExitCode, String> {
    if !batch {
        let (Some(lon), Some(lat)) = (lon, lat) else {
            return Err("locate needs LON LAT, or --batch to read them from stdin".into());
        };
        let lon = parse_coordinate(&lon, "longitude", 180.0)?;
        let lat = parse_coordinate(&lat, "latitude", 90.0)?;
        println!("{}", answer(&load_atlas(asset)?, lon, lat));
        return Ok(ExitCode::SUCCESS);
    }
    let atlas = load_atlas(asset)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut bad_lines = 0usize;
    for (number, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line.map_err(|e| format!("reading stdin: {e}"))?;
        let mut fields = line.split_whitespace();
        let parsed = match (fields.next(), fields.next(), fields.next()) {
            (Some(lon), Some(lat), None) => parse_coordinate(lon, "longitude", 180.0)
                .and_then(|lon| Ok((lon, parse_coordinate(lat, "latitude", 90.0)?))),
            _ => Err(format!("expected `LON LAT`, found {line:?}")),
        };
        let reply = match parsed {
            Ok((lon, lat)) => answer(&atlas, lon, lat),
            Err(why) => {
                bad_lines += 1;
                eprintln!("peta-cerdas: line {}: {why}", number + 1);
                "-".to_owned()
            }
        };
        writeln!(out, "{reply}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if bad_lines == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn load_programme(folder: &Path) -> Result<Programme, String> {
    let read = |name: &str| {
        let path = folder.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    Programme::from_csv(&read("members.csv")?, &read("pillars.csv")?, &read("cohorts.csv")?)
        .map_err(|e| format!("{}: {e}", folder.display()))
}

/// Checks a site's own programme folder before it is published: every row the parser refuses,
/// and every member whose code is not a kabupaten/kota of the boundary data.
fn run_check_programme(folder: &Path, asset: &Path) -> Result<ExitCode, String> {
    let atlas = load_atlas(asset)?;
    let read = |name: &str| {
        let path = folder.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let (members, pillars, cohorts) = (read("members.csv")?, read("pillars.csv")?, read("cohorts.csv")?);
    let (problems, summary) = match Programme::check_csv(&members, &pillars, &cohorts) {
        Err(problems) => (problems.iter().map(ToString::to_string).collect(), String::new()),
        Ok(programme) => {
            let unknown: Vec<String> = programme
                .memberships()
                .iter()
                .filter(|m| atlas.index_of(m.code).is_none())
                .map(|m| format!("members.csv: {} ({}) is not a kabupaten/kota of the boundary data", m.code, m.name))
                .collect();
            let summary = format!(
                ", {} memberships in {} cohorts ({}-{})",
                programme.memberships().len(),
                programme.cohorts().len(),
                programme.cohort_years()[0],
                programme.latest_year()
            );
            (unknown, summary)
        }
    };
    for problem in &problems {
        println!("{}/{problem}", folder.display());
    }
    let summary = format!("{}: {} problems{summary}", folder.display(), problems.len());
    if problems.is_empty() {
        println!("{summary}");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{summary}");
        Ok(ExitCode::FAILURE)
    }
}

/// A cohort year of the programme; the latest when not given.
fn cohort_year(programme: &Programme, year: Option<&str>) -> Result<u16, String> {
    let Some(text) = year else {
        return Ok(programme.latest_year());
    };
    let years = programme.cohort_years();
    let year: u16 = text.trim().parse().map_err(|_| format!("year {text:?} is not a year"))?;
    match (years.first(), years.last()) {
        (Some(&first), Some(&last)) if (first..=last).contains(&year) => Ok(year),
        _ => Err(format!("year {year} is outside the programme ({}-{})", years[0], years[years.len() - 1])),
    }
}

fn run_stats(year: Option<&str>, data: &DataArgs) -> Result<ExitCode, String> {
    let (atlas, programme) = data.load()?;
    let year = cohort_year(&programme, year)?;
    let stats = Stats::new(atlas.regions().len(), &programme, year);
    println!("{}", serde_json::to_string(&stats).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}

struct RenderArgs {
    year: Option<String>,
    mode: String,
    pillar: String,
    lang: String,
    theme: String,
    width: f64,
    height: f64,
    region: Option<String>,
}

fn run_render(view: &RenderArgs, output: &Path, data: &DataArgs) -> Result<ExitCode, String> {
    let mode: Mode = view.mode.parse().map_err(|e| format!("{e}"))?;
    let pillar: PillarFocus = view.pillar.parse().map_err(|e| format!("{e}"))?;
    let lang: Lang = view.lang.parse().map_err(|e| format!("{e}"))?;
    let theme = view.theme.parse::<ThemeChoice>().map_err(|e| format!("{e}"))?.resolve(false);
    for (what, size) in [("width", view.width), ("height", view.height)] {
        if !(size.is_finite() && (100.0..=8192.0).contains(&size)) {
            return Err(format!("{what} {size} is outside 100..8192 pixels"));
        }
    }
    let (atlas, programme) = data.load()?;
    let year = cohort_year(&programme, view.year.as_deref())?;
    let selected = match &view.region {
        Some(text) => {
            let code: RegionCode = text.parse().map_err(|e| format!("{e}"))?;
            Some(atlas.index_of(code).ok_or_else(|| format!("no region has the code {code}"))?)
        }
        None => None,
    };
    let scene = Scene::build(SceneInput {
        atlas: &atlas,
        programme: &programme,
        colouring: Colouring { mode, pillar, year },
        theme,
        lang,
        viewport: Viewport::fit(atlas.bounds(), view.width, view.height, 24.0),
        hidden: &[],
        selected,
        hovered: None,
        indicator: None,
        as_of: None,
    });
    let text = svg::render(&scene, &atlas, &programme, year);
    prepare::write_atomically(output, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    eprintln!("{}: {} regions drawn, {} bytes", output.display(), scene.visible.len(), text.len());
    Ok(ExitCode::SUCCESS)
}

fn run_preview(output: &Path, data: &DataArgs) -> Result<ExitCode, String> {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let text = |name: &str| String::from_utf8(read(&data.programme.join(name))?).map_err(|e| format!("{name}: {e}"));
    let mut map = MapState::new();
    map.load_atlas(&read(&data.asset)?).map_err(|e| format!("{}: {e}", data.asset.display()))?;
    map.load_programme(&text("members.csv")?, &text("pillars.csv")?, &text("cohorts.csv")?)
        .map_err(|e| format!("{}: {e}", data.programme.display()))?;
    let preview = preview::preview(&mut map).map_err(|e| e.to_string())?;
    let text = serde_json::to_string(&preview).map_err(|e| e.to_string())?;
    prepare::write_atomically(output, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    eprintln!("{}: {} regions, {} bytes", output.display(), preview.paths.len(), text.len());
    Ok(ExitCode::SUCCESS)
}

fn run_pack_programme(output: &Path, folder: &Path) -> Result<ExitCode, String> {
    let programme = load_programme(folder)?;
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::create_dir_all(path.parent().unwrap_or(output))
            .and_then(|()| prepare::write_atomically(path, bytes))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let facts = programme.to_bytes();
    let path = output.join(programme::PACKED_FILE);
    write(&path, &facts)?;
    eprintln!("{}: {} bytes, {} gzipped", path.display(), facts.len(), gzipped_len(&facts));
    let mut written = BTreeSet::new();
    let mut gzipped = Vec::new();
    for (holder, bytes) in programme.sources_files() {
        let path = output.join(programme::sources_file(holder));
        write(&path, &bytes)?;
        gzipped.push((gzipped_len(&bytes), holder));
        written.insert(path);
    }
    let all = programme.all_sources();
    let path = output.join(programme::ALL_SOURCES_FILE);
    write(&path, &all)?;
    eprintln!("{}: {} bytes, {} gzipped", path.display(), all.len(), gzipped_len(&all));
    written.insert(path);
    // The file of a holder that has no texts any more would be staged with these: the folder is
    // this command's alone.
    let sources = output.join("sources");
    std::fs::create_dir_all(&sources)
        .and_then(|()| remove_others(&sources, &written))
        .map_err(|e| format!("cannot clear {}: {e}", sources.display()))?;
    gzipped.sort_unstable();
    if let (Some(smallest), Some(largest)) = (gzipped.first(), gzipped.last()) {
        eprintln!(
            "{}: {} holders' files, bytes gzipped: {} in all, min {} ({}.bin), max {} ({}.bin)",
            sources.display(),
            gzipped.len(),
            gzipped.iter().map(|(bytes, _)| bytes).sum::<usize>(),
            smallest.0,
            smallest.1,
            largest.0,
            largest.1,
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_table(year: Option<&str>, lang: &str, output: &Path, data: &DataArgs) -> Result<ExitCode, String> {
    let lang: Lang = lang.parse().map_err(|e| format!("{e}"))?;
    let (atlas, programme) = data.load()?;
    let year = cohort_year(&programme, year)?;
    let rows = peta_cerdas::table::table_rows(atlas.regions(), &programme, year, lang);
    let text = serde_json::to_string(&rows).map_err(|e| e.to_string())?;
    prepare::write_atomically(output, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    eprintln!("{}: {} members by {year}", output.display(), rows.len());
    Ok(ExitCode::SUCCESS)
}

fn run_export(level: Option<usize>, output: &Path, asset: &Path) -> Result<ExitCode, String> {
    let atlas = load_atlas(asset)?;
    let levels = atlas.levels().len();
    let level = level.unwrap_or(levels - 1);
    let shapes =
        &atlas.levels().get(level).ok_or_else(|| format!("level {level} does not exist (0..{levels})"))?.shapes;
    let decimals = (-atlas.levels()[level].tolerance.log10()).ceil() as i32 + 1;
    let features = atlas
        .regions()
        .iter()
        .zip(shapes)
        .map(|(region, shape)| {
            let mut properties = geojson::JsonObject::new();
            properties.insert("code".into(), region.code.to_string().into());
            properties.insert("name".into(), region.name.clone().into());
            // As many decimals as the quantization grid has, so peers get no padded file.
            let mut shape = shape.clone();
            shape.map_coords_in_place(|c| geo::Coord { x: round_to(c.x, decimals), y: round_to(c.y, decimals) });
            geojson::Feature {
                geometry: Some(geojson::Geometry::new(geojson::GeometryValue::from(&shape))),
                properties: Some(properties),
                ..Default::default()
            }
        })
        .collect();
    let collection = geojson::FeatureCollection { features, bbox: None, foreign_members: None };
    let text = collection.to_string();
    prepare::write_atomically(output, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    eprintln!("{}: level {level}, {} features, {} bytes", output.display(), atlas.regions().len(), text.len());
    Ok(ExitCode::SUCCESS)
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

fn run_check(file: &Path, asset: &Path) -> Result<ExitCode, String> {
    if file.is_dir() {
        return run_check_programme(file, asset);
    }
    let atlas = load_atlas(asset)?;
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("{}: not UTF-8 (byte {}); save it as CSV UTF-8", file.display(), e.utf8_error().valid_up_to())
    })?;
    let names = NameIndex::new(atlas.regions());
    let indicator =
        Indicator::from_csv(&text, atlas.regions(), &names).map_err(|e| format!("{}: {e}", file.display()))?;
    for problem in &indicator.problems {
        println!("{}: {problem}", file.display());
    }
    let summary = format!(
        "{}: {} rows, {} regions with a value, {} of {} regions without, {} problem rows",
        file.display(),
        indicator.rows,
        indicator.matched(),
        atlas.regions().len() - indicator.matched(),
        atlas.regions().len(),
        indicator.problems.len()
    );
    if indicator.problems.is_empty() {
        println!("{summary}");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{summary}");
        Ok(ExitCode::FAILURE)
    }
}
