//! The subcommands: each wires the pipeline stages together and reports to the user.

pub mod all;
pub mod build;
pub mod check;
pub mod diff;
pub mod history;
pub mod new;
pub mod schema;
pub mod serve;
