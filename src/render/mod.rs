//! Renderers of a Scene that need no browser.

pub mod preview;
pub mod svg;
