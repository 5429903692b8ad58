//! The subcommands: each wires the pipeline stages together and reports to the user.

pub mod build;
pub mod check;
