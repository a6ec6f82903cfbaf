//! The peta-cerdas command line: prepare the data, and ask the atlas and programme questions.

use clap::{Parser, Subcommand};
use flate2::{write::GzEncoder, Compression};
use peta_cerdas::atlas::Atlas;
use peta_cerdas::prepare::{self, sha256_hex, CodeList, Manifest};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const ASSET_FILE: &str = "atlas.bin";

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Prepare { boundaries, out, manifest } => run_prepare(boundaries, &out, &manifest),
        Command::Locate { lon, lat, batch, asset } => run_locate(lon, lat, batch, &asset),
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
    let (asset, report) = prepare::prepare(&text, &codes, &attribution).map_err(|e| format!("{}: {e}", path.display()))?;
    let encoded = asset.to_bytes();
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let target = out.join(ASSET_FILE);
    prepare::write_atomically(&target, &encoded).map_err(|e| format!("cannot write {}: {e}", target.display()))?;

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
    println!("asset         {} bytes raw, {} bytes gzipped -> {}", encoded.len(), gzipped_len(&encoded), target.display());
    Ok(ExitCode::SUCCESS)
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
