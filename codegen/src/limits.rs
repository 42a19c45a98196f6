//! Limits that make every recursion over user input terminate, on any input, with a located
//! error instead of a stack overflow or an endless loop (PRODUCT.md §8: no panic on any
//! input). The JSON reader has its own nesting limit (`json::MAX_DEPTH`); file sizes are
//! bounded by [`crate::fsaccess::MAX_FILE_BYTES`].

/// The deepest nesting of schemas or type expressions a frontend lowers (inline objects,
/// items, members, utility types), counted across hoisted types. Real protocols nest a
/// handful of levels; every level costs a few stack frames, and this bound keeps the
/// deepest input well inside a 2 MiB thread stack in a debug build.
pub const MAX_DEPTH: usize = 96;

/// The most TypeScript brackets (`{`, `(`, `[`, `<`) open at once that the TypeScript
/// frontend gives to its parser; deeper sources are refused before parsing (oxc's parser
/// recurses once per level).
pub const MAX_TS_NESTING: usize = 256;

/// Type-evaluation steps the TypeScript frontend may take: this many, plus
/// [`TS_FUEL_PER_BYTE`] per byte of source. A step is one object type or type expression
/// evaluated; real packages use a few per byte, a type that doubles at every level
/// (`type A = B & B; type B = C & C; ...`) runs out and is reported.
pub const TS_FUEL_BASE: usize = 200_000;

/// See [`TS_FUEL_BASE`].
pub const TS_FUEL_PER_BYTE: usize = 50;
