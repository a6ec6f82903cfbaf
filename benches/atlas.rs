//! Native benchmarks of the hot paths: decoding the assets, locating points,
//! building a scene and rendering it to SVG. `make bench` runs them before the browser
//! benchmark, which reads criterion's estimates from target/criterion/ into its report.
//!
//! The assets come from data/build/ (`make data`). Synthetic finer layers (every region cut
//! into many parts by examples/split_regions.rs, prepared by benches/browser/data.mjs) are
//! benchmarked too when target/bench-data/<layer>/atlas.bin exists. Measurement times are short so the whole run
//! stays within about two minutes on two shared cores.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use geo::{BoundingRect, InteriorPoint};
use peta_cerdas::asset::{paths, Overview};
use peta_cerdas::atlas::Atlas;
use peta_cerdas::programme::Programme;
use peta_cerdas::render::svg;
use peta_cerdas::scene::{Scene, SceneInput};
use peta_cerdas::style::{Colouring, Lang, Mode, PillarFocus, Theme};
use peta_cerdas::view::Viewport;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Java at a zoom where the finer levels of detail are drawn, as in the browser benchmark.
const JAVA_CAMERA: [f64; 3] = [110.0, -7.3, 8.0];
/// Random points drawn from Indonesia's bounding box (mostly sea), plus points on land.
const BBOX_POINTS: usize = 8192;
const LAND_POINTS_PER_REGION: usize = 4;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e} (run `make data` first)", path.display()))
}

fn programme() -> Programme {
    let text = |name: &str| String::from_utf8(read(&root().join("data/programme").join(name))).expect("UTF-8 CSV");
    Programme::from_csv(&text("members.csv"), &text("pillars.csv"), &text("cohorts.csv")).expect("programme data")
}

/// A small deterministic generator (xorshift64*), so every run locates the same points.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn in_range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.next_f64()
    }
}

/// A country-wide mix: random points in the atlas's bounding box, and for every region its
/// interior point plus random points in its bounding box that fall inside it.
fn sample_points(atlas: &Atlas) -> Vec<[f64; 2]> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let bounds = atlas.bounds();
    let mut points: Vec<[f64; 2]> = (0..BBOX_POINTS)
        .map(|_| [rng.in_range(bounds.min().x, bounds.max().x), rng.in_range(bounds.min().y, bounds.max().y)])
        .collect();
    for (index, shape) in atlas.finest().iter().enumerate() {
        if let Some(point) = shape.interior_point() {
            points.push([point.x(), point.y()]);
        }
        let Some(rect) = shape.bounding_rect() else { continue };
        let mut found = 0;
        for _ in 0..200 {
            let point = [rng.in_range(rect.min().x, rect.max().x), rng.in_range(rect.min().y, rect.max().y)];
            if atlas.locate(point[0], point[1]) == Some(index) {
                points.push(point);
                found += 1;
                if found + 1 == LAND_POINTS_PER_REGION {
                    break;
                }
            }
        }
    }
    // Interleave land and sea so branch prediction sees the real mix.
    let mut order: Vec<(u64, [f64; 2])> = points.into_iter().map(|p| ((rng.next_f64() * 1e18) as u64, p)).collect();
    order.sort_unstable_by_key(|&(key, _)| key);
    order.into_iter().map(|(_, p)| p).collect()
}

fn scene_input<'a>(
    atlas: &'a Atlas,
    programme: &'a Programme,
    viewport: Viewport,
    hidden: &'a [peta_cerdas::style::Class],
) -> SceneInput<'a> {
    SceneInput {
        atlas,
        programme,
        colouring: Colouring { mode: Mode::Cohort, pillar: PillarFocus::Count, year: programme.latest_year() },
        theme: Theme::Light,
        lang: Lang::Id,
        viewport,
        hidden,
        selected: None,
        hovered: None,
        indicator: None,
        as_of: None,
    }
}

/// The real assets plus any synthetic layers prepared under target/bench-data/.
fn layers() -> Vec<(String, PathBuf)> {
    let mut layers = vec![("real".to_owned(), root().join("data/build"))];
    let synthetic = root().join("target/bench-data");
    if let Ok(entries) = std::fs::read_dir(&synthetic) {
        let mut found: Vec<(String, PathBuf)> = entries
            .flatten()
            .filter(|entry| entry.path().join("atlas.bin").exists())
            .map(|entry| (entry.file_name().to_string_lossy().into_owned(), entry.path()))
            .collect();
        found.sort();
        layers.extend(found);
    }
    layers
}

fn benches(c: &mut Criterion) {
    let programme = programme();
    let hidden: Vec<peta_cerdas::style::Class> = Vec::new();
    for (layer, folder) in layers() {
        let atlas_bytes = read(&folder.join("atlas.bin"));
        let overview_bytes = read(&folder.join("overview.bin"));
        let atlas = Atlas::from_bytes(&atlas_bytes).expect("a valid asset");
        // The preview's paths of the coarsest level, which a page's map reads with the overview.
        let (_, grid, paths) = paths::write_paths(&atlas.levels()[0].shapes).expect("a grid");
        let paths = paths.join("\n");

        let mut load = c.benchmark_group(format!("load/{layer}"));
        load.sampling_mode(SamplingMode::Flat);
        load.throughput(Throughput::Bytes((overview_bytes.len() + paths.len()) as u64));
        load.bench_function("overview", |b| {
            b.iter(|| {
                let overview = Overview::from_bytes(black_box(&overview_bytes)).unwrap();
                Atlas::from_overview(overview, paths::read_paths(black_box(&paths), &grid).unwrap()).unwrap()
            })
        });
        load.throughput(Throughput::Bytes(atlas_bytes.len() as u64));
        load.bench_function("atlas", |b| b.iter(|| Atlas::from_bytes(black_box(&atlas_bytes)).unwrap()));
        load.finish();

        let points = sample_points(&atlas);
        let mut locate = c.benchmark_group(format!("locate/{layer}"));
        locate.sampling_mode(SamplingMode::Flat);
        // Criterion reports the time per call of the whole loop; the report divides by the
        // element count (written next to the estimates as `points`).
        locate.throughput(Throughput::Elements(points.len() as u64));
        locate.bench_with_input(BenchmarkId::new("mixed", points.len()), &points, |b, points| {
            b.iter(|| points.iter().filter_map(|&[lon, lat]| atlas.locate(black_box(lon), black_box(lat))).count())
        });
        locate.finish();

        let country = Viewport::fit(atlas.bounds(), 1200.0, 800.0, 16.0);
        let [lon, lat, zoom] = JAVA_CAMERA;
        let java = country.with_camera(lon, lat, zoom);
        let mut scene = c.benchmark_group(format!("scene/{layer}"));
        scene.sampling_mode(SamplingMode::Flat);
        scene.bench_function("country-1200x800", |b| {
            b.iter(|| Scene::build(black_box(scene_input(&atlas, &programme, country, &hidden))))
        });
        scene.bench_function("java-1200x800", |b| {
            b.iter(|| Scene::build(black_box(scene_input(&atlas, &programme, java, &hidden))))
        });
        scene.finish();

        let built = Scene::build(scene_input(&atlas, &programme, country, &hidden));
        let mut render = c.benchmark_group(format!("svg/{layer}"));
        render.sampling_mode(SamplingMode::Flat);
        render.bench_function("country-1200x800", |b| {
            b.iter(|| svg::render(black_box(&built), &atlas, &programme, programme.latest_year()).len())
        });
        render.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1200))
        .without_plots()
}

criterion_group! {
    name = atlas;
    config = config();
    targets = benches
}
criterion_main!(atlas);
