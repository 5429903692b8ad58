//! The integration tests, one crate (as ripgrep and mdBook keep theirs), so that Typst is linked
//! once rather than into a test binary per file. Each module tests one stage or one command from
//! the outside: the `ledgen` binary run on real content, or the library's public API.

mod common;

// Load: content read, validated and refused with a clear error.
mod invalid_content;
mod lints;
mod register_import;
mod schema;

// View and render: what each edition says, and that no text becomes code.
mod decisions;
mod escaping;
mod masking;
mod proptest_escaping;
mod proptest_figures;
mod proptest_source_map;
mod public_edition;
mod public_marking;
mod publishing;
mod word;

// Compile and layout: the PDF and HTML of the shipped reports.
mod brand;
mod build_2022;
mod build_2023;
mod layout;
mod output_snapshots;
mod scripts_and_images;
mod slides;

// Write: files on disk, atomically and within bounds.
mod bounded_work;
mod output_files;

// The commands around a build.
mod export;
mod import;
mod init;
mod languages;
mod overview;
mod proptest_http;
mod serve;
mod year_over_year;
