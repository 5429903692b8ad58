//! Year folders written for the user to fill in: the first year of an organisation
//! ([`first_year`], `ledgen init`) and the next year from an earlier one ([`next_year`],
//! `ledgen new`). Both return file names and texts; the commands write them.

pub mod first_year;
pub mod next_year;
pub(crate) mod written;
