//! Limits that make every recursion over user input terminate, on any input, with a located
//! error instead of a stack overflow or an endless loop (PRODUCT.md §8: no panic on any
//! input). The JSON reader has its own nesting limit (`json::MAX_DEPTH`); file sizes are
//! bounded by [`crate::fsaccess::MAX_FILE_BYTES`].

/// The deepest nesting of schemas or type expressions a frontend lowers (inline objects,
/// items, members, utility types), counted across hoisted types. Real protocols nest a
/// handful of levels; every level costs a few stack frames, and this bound keeps the
/// deepest input well inside a 2 MiB thread stack in a debug build.
pub const MAX_DEPTH: usize = 96;

/// Type-evaluation steps the TypeScript frontend may take: this many, plus
/// [`TS_FUEL_PER_BYTE`] per byte of source. A step is one object type or type expression
/// evaluated; the seed packages use one step per 50 bytes (Spindle's 19 kB: 300 steps), so
/// this is a margin of hundreds; a type that doubles at every level (`type A = B & B;
/// type B = C & C; ...`) runs out and is reported.
pub const TS_FUEL_BASE: usize = 100_000;

/// See [`TS_FUEL_BASE`].
pub const TS_FUEL_PER_BYTE: usize = 4;
