//! Renderers of a Scene that need no browser.

pub mod svg;
