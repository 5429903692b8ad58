//! Load stage: the typed content model of a review (`content/<year>/*.yaml`), its loading and
//! validation. Nothing here knows about templates or output formats.

mod appendix;
mod block;
mod brand;
mod date;
mod glyphs;
mod lint;
mod load;
pub mod mask;
mod meta;
mod pixels;
mod register;
mod report;
mod schema;
mod section;
mod status;
mod text;
mod validate;
mod yaml;
mod years;
mod yes_no;

pub use appendix::{
    DEFAULT_INCIDENT_CATEGORIES, GapAnalysis, GapEntry, Incident, Incidents, REQUIREMENT_GROUPS,
    REQUIREMENTS, RegisterColumns, Requirement, ReviewInput, requirement,
};
pub(crate) use block::RawBlock;
pub use block::{
    Appendix, Block, BlockKind, LeftOut, LeftOutKind, Recommendation, StatusRow, StatusTable,
};
pub use brand::{Brand, BrandFont, DEFAULT_PRIMARY, Logo, Rgb, find as find_brand};
pub use date::{DateAt, DatePrecision, ReportDate};
pub use glyphs::find_text;
pub use lint::{PLACEHOLDER_MARK, lint, uncovered};
#[cfg(test)]
pub(crate) use load::tests::stated_png;
pub use load::{Loaded, load_report, load_report_with_brand};
pub use mask::{Marker, MaskedPhrase};
pub use meta::{
    Abbreviation, Attendee, GENERATED_SECTIONS, GeneratedPlace, Language, Meeting, Placement,
    ReportMeta, Revision,
};
pub use pixels::{MAX_REPORT_PIXELS, decoded_pixels};
pub use report::{ImageFile, Images, Report};
pub use schema::{schema_modeline, schemas};
pub use section::{
    Part, Place, PlacedBlock, PlacedRecommendation, PlacedRow, Section, SectionKind,
};
pub use status::{Decision, Priority, Status};
pub use text::{Markdown, markdown_parser, plain_words};
pub(crate) use text::{first_words, slug_or};
pub use validate::is_allowed_link;
pub use yaml::Sources;
pub use years::{
    WithHistory, content_years, ignored_year_folders, is_draft, load_with_history,
    load_with_history_and_brand, year_folder, years,
};
