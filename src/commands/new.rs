//! `ledgen new YEAR`: scaffold next year's content from an earlier year.
//!
//! The new year keeps the sections, tables and texts; its report date moves on a year; every
//! recommendation of the source year becomes a row of the follow-up table (`follows:` set,
//! status `ej bedömd`); open rows (gul, röd) are kept with their status text marked for review;
//! the list of recommendations is left empty, ready to fill. The files are written to a new
//! folder, which appears only when complete; an existing year is never overwritten.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDate};

use crate::cli::NewArgs;
use crate::diff::recommendations;
use crate::model::{
    Appendix, Block, BlockKind, Markdown, Part, Recommendation, Report, SectionKind, Status,
    StatusRow, load_report, load_with_history, years,
};

/// Title of the follow-up part created when the source year has none.
const FOLLOW_UP_TITLE: &str = "Tidigare rekommendationer från ISAM";
/// Prefix of the status text of open rows carried into the new year.
const REVIEW_MARK: &str = "**Att granska:**";

/// Runs `ledgen new`.
pub fn run(args: &NewArgs) -> Result<()> {
    let target = args.content.join(args.year.to_string());
    if target.exists() {
        bail!("`{}` already exists; ledgen new never overwrites a year", target.display());
    }
    let available = years(&args.content);
    let from = match args.from {
        Some(year) if available.contains(&year) => year,
        Some(year) => {
            bail!("no report for {year} under `{}` to start from", args.content.display())
        }
        None => match available.iter().rev().find(|y| **y < args.year) {
            Some(year) => *year,
            None if available.is_empty() => bail!(
                "there is no earlier review under `{}` to start {} from\nhint: for your first \
                 review, run `ledgen init FOLDER --organisation NAME`: it makes a year to fill in; \
                 if your reviews are in another folder, name it with `--content FOLDER`",
                args.content.display(),
                args.year
            ),
            None => bail!(
                "no year before {} under `{}` to start from; use --from YEAR to start from a \
                 later one",
                args.year,
                args.content.display()
            ),
        },
    };
    let source = load_report(&args.content.join(from.to_string()))?.report;
    let files = scaffold(&source, args.year);

    // Write everything into a hidden sibling folder, then rename it into place.
    let staging = tempfile::Builder::new()
        .prefix(".ledgen-new-")
        .tempdir_in(&args.content)
        .with_context(|| format!("failed to create a folder in `{}`", args.content.display()))?;
    for (name, text) in &files {
        let path = staging.path().join(name);
        // Point editors at the schemas, where the repository layout puts them.
        let schema =
            if name == "report.yaml" { "report.schema.json" } else { "section.schema.json" };
        let text = format!("{}\n{text}", super::schema::modeline(schema, 2));
        fs::write(&path, text).with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    if let Some(templates) = Some(source.dir.join("templates")).filter(|d| d.is_dir()) {
        copy_dir(&templates, &staging.path().join("templates"))?;
    }
    let staged = staging.keep();
    fs::rename(&staged, &target)
        .with_context(|| format!("failed to create `{}`", target.display()))?;

    // The scaffold must pass the same checks as any report.
    let loaded = load_with_history(&target)?;
    let rows = loaded.loaded.report.status_rows().len();
    println!(
        "Created `{}` from {from}: {} files, {rows} status rows, {} recommendations to follow up",
        target.display(),
        files.len(),
        recommendations(&source).len()
    );
    println!(
        "Next: edit the files, then `ledgen check {}` and `ledgen build {}`",
        args.year, args.year
    );
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// The new year's files, by name.
pub fn scaffold(source: &Report, year: i32) -> Vec<(String, String)> {
    let meta = &source.meta;
    let old_date = meta.date.value.0;
    let date = NaiveDate::from_ymd_opt(year, old_date.month(), old_date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, old_date.month(), 28))
        .unwrap_or(old_date);
    let recs = recommendations(source);
    let mut used_ids: Vec<String> =
        source.status_rows().iter().map(|(_, r)| r.id.value.clone()).collect();
    let follow_rows: Vec<String> = recs
        .iter()
        .map(|rec| {
            let mut id = format!("uppf-{}", rec.id.value);
            while used_ids.contains(&id) {
                id.push_str("-2");
            }
            used_ids.push(id.clone());
            follow_up_row(&id, rec)
        })
        .collect();

    let mut sections: Vec<String> = source.sections.iter().map(|s| s.name.clone()).collect();
    let mut files = Vec::new();
    let has_follow_up_table = source.status_rows().iter().any(|(_, r)| r.follows.is_some());
    let mut placed = has_follow_up_table || follow_rows.is_empty();
    for section in &source.sections {
        let mut y = Yaml::default();
        let extra = if !placed && section.kind == SectionKind::Revisions {
            placed = true;
            Some(follow_up_part(&follow_rows))
        } else {
            None
        };
        y.part(0, &section.part, &follow_rows, extra.as_deref(), true);
        files.push((format!("{}.yaml", section.name), y.out));
    }
    if !placed {
        // No revisions section to put the follow-up table in: add one.
        let mut y = Yaml::default();
        let _ = writeln!(y.out, "title: Resultat från tidigare revisioner");
        y.out.push_str("parts:\n");
        y.out.push_str(&indent(&follow_up_part(&follow_rows), 2));
        let position = source
            .sections
            .iter()
            .position(|s| s.kind == SectionKind::Recommendations)
            .unwrap_or(sections.len());
        sections.insert(position, "revisions".into());
        files.push(("revisions.yaml".into(), y.out));
    }

    let mut r = Yaml::default();
    r.key(0, "organisation", &meta.organisation);
    if let Some(unit) = &meta.unit {
        r.key(0, "unit", unit);
    }
    r.key(0, "title", &meta.title);
    if let Some(subtitle) = &meta.subtitle {
        r.key(0, "subtitle", &subtitle.replace(&meta.year.value.to_string(), &year.to_string()));
    }
    let _ = writeln!(r.out, "year: {year}");
    let _ = writeln!(r.out, "date: {}", date.format("%Y-%m-%d"));
    if let Some(author) = &meta.author {
        r.key(0, "author", author);
    }
    if let Some(role) = &meta.author_role {
        r.key(0, "author_role", role);
    }
    let _ = writeln!(r.out, "language: {}", meta.language.tag());
    r.out.push_str("sections:\n");
    for name in &sections {
        let _ = writeln!(r.out, "  - {name}");
    }
    if !meta.status_legend.is_empty() {
        r.out.push_str("status_legend:\n");
        for (status, text) in &meta.status_legend {
            r.key(2, status.keyword(), &text.text);
        }
    }
    if !meta.abbreviations.is_empty() {
        r.out.push_str("abbreviations:\n");
        for a in &meta.abbreviations {
            r.item_key(2, "term", &a.term);
            r.key(4, "meaning", &a.meaning);
        }
    }
    r.out.push_str("revision_history:\n");
    r.item_key(2, "date", &date.format("%Y-%m-%d").to_string());
    if let Some(author) = &meta.author {
        r.key(4, "author", author);
    }
    r.key(
        4,
        "description",
        &format!("Utkast skapat från ledningens genomgång {}.", meta.year.value),
    );
    let mut files_out = vec![("report.yaml".to_string(), r.out)];
    files_out.extend(files);
    files_out
}

fn follow_up_row(id: &str, rec: &Recommendation) -> String {
    let mut y = Yaml::default();
    y.item_key(0, "id", id);
    y.out.push_str("  cells:\n");
    y.item_text(4, &rec.text.text);
    let _ = writeln!(y.out, "  status: {}", Status::NotAssessed.keyword());
    y.key(2, "status_text", "");
    let _ = writeln!(y.out, "  follows: {}", rec.id.value);
    y.out
}

fn follow_up_part(rows: &[String]) -> String {
    let mut y = Yaml::default();
    y.item_key(0, "title", FOLLOW_UP_TITLE);
    y.out.push_str("  content:\n    - table:\n        columns: [Rekommendation]\n");
    y.out.push_str("        status_column: Status\n        rows:\n");
    for row in rows {
        y.out.push_str(&indent(row, 10));
    }
    y.out
}

fn indent(text: &str, n: usize) -> String {
    text.lines()
        .map(|l| if l.is_empty() { "\n".to_string() } else { format!("{}{l}\n", " ".repeat(n)) })
        .collect()
}

/// A small YAML writer for the content format; scalars are quoted by serde-saphyr.
#[derive(Default)]
struct Yaml {
    out: String,
}

impl Yaml {
    /// `key: value` at `indent`, a block scalar for multi-line text.
    fn key(&mut self, indent: usize, key: &str, value: &str) {
        let pad = " ".repeat(indent);
        if value.contains('\n') {
            let _ = write!(self.out, "{pad}{key}: ");
            self.block(indent + 2, value);
        } else {
            let _ = writeln!(self.out, "{pad}{key}: {}", scalar(value));
        }
    }

    /// `- key: value`: the first key of a list item whose dash is at `indent`.
    fn item_key(&mut self, indent: usize, key: &str, value: &str) {
        let pad = " ".repeat(indent);
        if value.contains('\n') {
            let _ = write!(self.out, "{pad}- {key}: ");
            self.block(indent + 4, value);
        } else {
            let _ = writeln!(self.out, "{pad}- {key}: {}", scalar(value));
        }
    }

    /// `- value`: a list item holding text.
    fn item_text(&mut self, indent: usize, value: &str) {
        let pad = " ".repeat(indent);
        if value.contains('\n') {
            let _ = write!(self.out, "{pad}- ");
            self.block(indent + 2, value);
        } else {
            let _ = writeln!(self.out, "{pad}- {}", scalar(value));
        }
    }

    /// A literal block scalar; the header keeps trailing newlines exactly.
    fn block(&mut self, indent: usize, value: &str) {
        let chomp = if value.ends_with("\n\n") {
            "+"
        } else if value.ends_with('\n') {
            ""
        } else {
            "-"
        };
        let lead = if value.starts_with(' ') { "2" } else { "" };
        let _ = writeln!(self.out, "|{lead}{chomp}");
        let pad = " ".repeat(indent);
        for line in value.trim_end_matches('\n').split('\n') {
            if line.is_empty() {
                self.out.push('\n');
            } else {
                let _ = writeln!(self.out, "{pad}{line}");
            }
        }
        if chomp == "+" {
            for _ in 0..value.len() - value.trim_end_matches('\n').len() - 1 {
                self.out.push('\n');
            }
        }
    }

    fn markdown(&mut self, indent: usize, key: &str, value: &Markdown) {
        self.key(indent, key, &value.text);
    }

    fn part(
        &mut self,
        at: usize,
        part: &Part,
        follow_rows: &[String],
        extra: Option<&str>,
        top: bool,
    ) {
        if top {
            self.key(at, "title", &part.title);
        } else {
            self.item_key(at, "title", &part.title);
        }
        let inner = if top { at } else { at + 2 };
        let pad_inner = " ".repeat(inner);
        if !part.content.is_empty() {
            let _ = writeln!(self.out, "{pad_inner}content:");
            for block in &part.content {
                self.block_entry(inner + 2, block, follow_rows);
            }
        }
        if !part.parts.is_empty() || extra.is_some() {
            let _ = writeln!(self.out, "{pad_inner}parts:");
            for sub in &part.parts {
                self.part(inner + 2, sub, follow_rows, None, false);
            }
            if let Some(extra) = extra {
                self.out.push_str(&indent(extra, inner + 2));
            }
        }
    }

    fn block_entry(&mut self, at: usize, block: &Block, follow_rows: &[String]) {
        let indent = at;
        let pad = " ".repeat(indent);
        match &block.kind {
            BlockKind::Text(text) => self.item_key(indent, "text", &text.text),
            BlockKind::Table(table) => {
                let _ = writeln!(self.out, "{pad}- table:");
                let inner = " ".repeat(indent + 4);
                let columns: Vec<String> = table.columns.value.iter().map(|c| scalar(c)).collect();
                let _ = writeln!(self.out, "{inner}columns: [{}]", columns.join(", "));
                if let Some(heading) = &table.status_column {
                    self.key(indent + 4, "status_column", heading);
                }
                let follows_table = table.rows.iter().any(|r| r.follows.is_some());
                if follows_table {
                    if follow_rows.is_empty() {
                        let _ = writeln!(self.out, "{inner}rows: []");
                    } else {
                        let _ = writeln!(self.out, "{inner}rows:");
                        for row in follow_rows {
                            self.out.push_str(&self::indent(row, at + 6));
                        }
                    }
                } else if table.rows.is_empty() {
                    let _ = writeln!(self.out, "{inner}rows: []");
                } else {
                    let _ = writeln!(self.out, "{inner}rows:");
                    for row in &table.rows {
                        self.row(indent + 6, row);
                    }
                }
            }
            BlockKind::Recommendations(_) => {
                let _ = writeln!(self.out, "{pad}- recommendations: []");
            }
            // Each year has its own incidents; the categories carry over.
            BlockKind::Incidents(incidents) => {
                let _ = writeln!(self.out, "{pad}- incidents:");
                if let Some(categories) = &incidents.categories {
                    let list: Vec<String> = categories.iter().map(|c| scalar(c)).collect();
                    let _ = writeln!(self.out, "{pad}    categories: [{}]", list.join(", "));
                }
                let _ = writeln!(self.out, "{pad}    records: []");
            }
            // The GAP analysis is a starting point for next year's: carry it over as it is.
            BlockKind::GapAnalysis(gap) => {
                let _ = writeln!(self.out, "{pad}- gap_analysis:");
                if gap.requirements.is_empty() {
                    let _ = writeln!(self.out, "{pad}    requirements: []");
                } else {
                    let _ = writeln!(self.out, "{pad}    requirements:");
                    for entry in &gap.requirements {
                        self.item_key(indent + 6, "clause", &entry.clause.value);
                        let at = indent + 8;
                        let _ = writeln!(
                            self.out,
                            "{}status: {}",
                            " ".repeat(at),
                            scalar(entry.status.value.keyword())
                        );
                        for (key, text) in [
                            ("current_state", &entry.current_state),
                            ("comment", &entry.comment),
                            ("action", &entry.action),
                        ] {
                            if let Some(text) = text {
                                self.key(at, key, &text.text);
                            }
                        }
                    }
                }
            }
            BlockKind::Appendices(list) => {
                let _ = writeln!(self.out, "{pad}- appendices:");
                for appendix in list {
                    self.appendix(indent + 4, appendix, follow_rows);
                }
            }
        }
        if block.intern {
            let _ = writeln!(self.out, "{pad}  intern: true");
        }
        if let Some(provision) = &block.sekretess {
            self.key(indent + 2, "sekretess", provision);
        }
    }

    fn appendix(&mut self, indent: usize, appendix: &Appendix, follow_rows: &[String]) {
        self.item_key(indent, "id", &appendix.id.value);
        self.key(indent + 2, "title", &appendix.title);
        if !appendix.content.is_empty() {
            let _ = writeln!(self.out, "{}content:", " ".repeat(indent + 2));
            for block in &appendix.content {
                self.block_entry(indent + 4, block, follow_rows);
            }
        }
    }

    fn row(&mut self, indent: usize, row: &StatusRow) {
        self.item_key(indent, "id", &row.id.value);
        let inner = indent + 2;
        let _ = writeln!(self.out, "{}cells:", " ".repeat(inner));
        for cell in &row.cells.value {
            self.item_text(inner + 2, &cell.text);
        }
        let status = row.status.value;
        let _ = writeln!(self.out, "{}status: {}", " ".repeat(inner), scalar(status.keyword()));
        let open = matches!(status, Status::Yellow | Status::Red);
        match (&row.status_text, open) {
            (Some(text), true) => {
                self.key(inner, "status_text", &format!("{REVIEW_MARK} {}", text.text.trim_start()))
            }
            (Some(text), false) => self.markdown(inner, "status_text", text),
            (None, true) => self.key(inner, "status_text", REVIEW_MARK),
            (None, false) => {}
        }
        if let Some(follows) = &row.follows {
            self.key(inner, "follows", &follows.value);
        }
        if row.intern {
            let _ = writeln!(self.out, "{}intern: true", " ".repeat(inner));
        }
        if let Some(provision) = &row.sekretess {
            self.key(inner, "sekretess", provision);
        }
    }
}

/// One single-line YAML scalar, quoted when it needs to be (never folded).
fn scalar(value: &str) -> String {
    let options = serde_saphyr::ser_options! { prefer_block_scalars: false };
    serde_saphyr::to_string_with_options(&value.to_string(), options)
        .map(|s| s.trim_end_matches('\n').to_string())
        .unwrap_or_else(|_| format!("{value:?}"))
}
