//! The `peta-cerdas` binary. The CLI is native only; WebAssembly builds get an empty main so
//! that `cargo test --target wasm32-unknown-unknown` can build the crate's test targets.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
