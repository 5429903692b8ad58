//! Input formats other than ledgen's own YAML folders: a review written in Word
//! (`ledgen import FILE.docx`) becomes a year folder, `report.yaml` and a section file per
//! top-level heading, written by the same typed writer `ledgen new` uses. [`docx`] reads the
//! package, [`classify`] tells headings, status tables and recommendations apart; this module
//! puts them together into sections and parts, with `front` (the title page and back matter),
//! `text` (paragraphs and recommendations), `tables`, `gap`, `incidents` and `decisions` (the
//! meeting and its decisions) for each kind of content. Nothing here touches the disk: the
//! command writes the files.

pub mod classify;
mod decisions;
pub mod docx;
mod front;
mod gap;
mod incidents;
mod tables;
mod text;

use std::collections::HashSet;

use classify::{Remark, cell_markdown, header, heading_text, markdown, status_column};
use docx::{Document, Element, Para, Role, Table};
use serde_saphyr::FlowSeq;

use crate::model::Status;
use crate::scaffold::written::{
    AbbreviationOut, AppendixOut, BlockOut, Legend, MeetingOut, MetaOut, PartOut,
    RecommendationOut, RevisionOut, RowOut, TableOut, to_yaml,
};
use crate::tr;
use front::without_year;
use text::is_recommendation_heading;

/// The content's own words for what the import could not tell (the report is in Swedish,
/// whatever language ledgen's messages are in), each with the marker `ledgen check` warns of.
const ORGANISATION_PLACEHOLDER: &str = "Att granska: organisationens namn";
const DEFAULT_TITLE: &str = "Ledningens genomgång av informationssäkerhet";
const ALT_PLACEHOLDER: &str = "Att granska: beskriv vad bilden visar";
const STATUS_TO_REVIEW: &str = "**Att granska:** statusen gick inte att läsa ur Word-dokumentet.";

/// Most bytes an image may have to be imported: what a report may show (docs/content-format.md).
const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

/// A review read from a Word document: its year, the files of its year folder (relative to it)
/// and what to check.
#[derive(Debug)]
pub struct Imported {
    pub year: i32,
    pub files: Vec<(String, Vec<u8>)>,
    pub remarks: Vec<Remark>,
    pub sections: usize,
    pub rows: usize,
    pub recommendations: usize,
    pub images: usize,
}

/// Reads the Word document `bytes` as a review of `year` (else the year its title or date
/// names).
pub fn import_docx(bytes: &[u8], year: Option<i32>) -> Result<Imported, String> {
    let doc = docx::read(bytes)?;
    let mut import = Import::new(&doc);
    let first_heading = doc.elements.iter().position(|e| import.heading_level(e).is_some());
    let Some(first_heading) = first_heading else {
        return Err(tr!("import-no-headings"));
    };
    let top = doc.elements.iter().filter_map(|e| import.heading_level(e)).min().unwrap_or(1);
    let front = import.front(&doc.elements[..first_heading]);
    let Some(year) = year.or(front.year) else { return Err(tr!("import-no-year")) };
    import.year = year;
    let date = front.date.clone().unwrap_or_else(|| {
        import.remark(tr!("import-place-title-page"), tr!("import-no-date"));
        format!("{year}-12-31")
    });
    import.sections(&doc.elements[first_heading..], top);
    if import.sections.is_empty() {
        return Err(tr!("import-no-headings"));
    }
    if let Some(meeting) = &import.meeting {
        decisions::apply(&meeting.decided, &mut import.sections);
    }
    let organisation = front.organisation.clone().unwrap_or_else(|| {
        import.remark(tr!("import-place-title-page"), tr!("import-no-organisation"));
        ORGANISATION_PLACEHOLDER.to_string()
    });
    let meta = MetaOut {
        organisation,
        unit: None,
        title: front
            .title
            .as_deref()
            .map_or_else(|| DEFAULT_TITLE.to_string(), |t| without_year(t, year)),
        subtitle: front.subtitle.clone(),
        year,
        date,
        author: front.author.clone(),
        author_role: front.author_role.clone(),
        language: "sv",
        sections: import.sections.iter().map(|(name, _)| name.clone()).collect(),
        status_legend: Legend(front.legend.clone()),
        abbreviations: std::mem::take(&mut import.abbreviations),
        revision_history: std::mem::take(&mut import.revisions),
        revision_note: import.revision_note.take(),
        coverage_table: import.coverage,
        meeting: import.meeting(&front),
        approved_by: front.approval.approved_by.clone(),
        approved_on: front.approval.approved_on.clone(),
        registration_number: front.approval.registration_number.clone(),
        draft: false,
    };
    let modeline = |schema: &str| crate::model::schema_modeline(schema, 2);
    let mut files = vec![(
        "report.yaml".to_string(),
        format!("{}\n{}", modeline("report.schema.json"), yaml(&meta, "report.yaml")?).into_bytes(),
    )];
    for (name, part) in &import.sections {
        let file = format!("{name}.yaml");
        let text = format!("{}\n{}", modeline("section.schema.json"), yaml(part, &file)?);
        files.push((file, text.into_bytes()));
    }
    let images = import.images.len();
    for (name, index) in &import.images {
        files.push((format!("bilder/{name}"), doc.images[*index].bytes.clone()));
    }
    Ok(Imported {
        year,
        files,
        remarks: import.remarks,
        sections: import.sections.len(),
        rows: import.rows,
        recommendations: import.recommendations,
        images,
    })
}

fn yaml<T: serde::Serialize>(value: &T, name: &str) -> Result<String, String> {
    to_yaml(value, name).map_err(|e| format!("{e:#}"))
}

struct Import<'d> {
    doc: &'d Document,
    year: i32,
    sections: Vec<(String, PartOut)>,
    abbreviations: Vec<AbbreviationOut>,
    revisions: Vec<RevisionOut>,
    revision_note: Option<String>,
    remarks: Vec<Remark>,
    /// Ids and names given so far, so that each is unique.
    ids: HashSet<String>,
    /// The images shown so far: their file names in `bilder/` and indices in the document.
    images: Vec<(String, usize)>,
    rows: usize,
    recommendations: usize,
    /// The heading of the section being read, for remarks.
    place: String,
    /// The meeting and its decisions, when the document records them.
    meeting: Option<decisions::Meeting>,
    /// Whether the document has the generated table of 9.3.2's inputs.
    coverage: bool,
}

impl<'d> Import<'d> {
    fn new(doc: &'d Document) -> Self {
        Import {
            doc,
            year: 0,
            sections: Vec::new(),
            abbreviations: Vec::new(),
            revisions: Vec::new(),
            revision_note: None,
            remarks: Vec::new(),
            ids: HashSet::new(),
            images: Vec::new(),
            rows: 0,
            recommendations: 0,
            place: String::new(),
            meeting: None,
            coverage: false,
        }
    }

    fn remark(&mut self, place: String, what: String) {
        self.remarks.push(Remark { place, what });
    }

    fn remark_here(&mut self, what: String) {
        let place = self.place.clone();
        self.remark(place, what);
    }

    fn heading_level(&self, element: &Element) -> Option<usize> {
        match element {
            Element::Paragraph(p) if !p.in_contents && !p.plain().is_empty() => {
                match classify::role(self.doc, p) {
                    Role::Heading(level) => Some(level),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Parts titled "Bilaga 1. …" (as ledgen writes its appendices) become the appendices of
    /// an `appendices` block, and the list of them before ("Bilaga 1: …") is left out: ledgen
    /// numbers and lists the appendices itself.
    fn appendices(&mut self, part: &mut PartOut) {
        let titles: Option<Vec<String>> =
            part.parts.iter().map(|p| appendix_title(&p.title).map(str::to_string)).collect();
        let Some(titles) = titles else { return };
        if titles.is_empty() || part.parts.iter().any(|p| !p.parts.is_empty()) {
            return;
        }
        let listed = |block: &BlockOut| {
            block.text.as_deref().is_some_and(|t| {
                t.split("\n\n").map(str::trim).filter(|l| !l.is_empty()).all(|line| {
                    line.split_once(": ")
                        .is_some_and(|(label, _)| appendix_title(&format!("{label}. x")).is_some())
                })
            })
        };
        part.content.retain(|block| !listed(block));
        let appendices = std::mem::take(&mut part.parts)
            .into_iter()
            .zip(titles)
            .enumerate()
            .map(|(i, (appendix, title))| AppendixOut {
                id: self.unique(format!("bilaga-{}", i + 1), 40),
                title,
                content: appendix.content,
            })
            .collect();
        part.content.push(BlockOut { appendices: Some(appendices), ..BlockOut::default() });
    }

    /// The sections: one per heading of level `top`.
    fn sections(&mut self, elements: &[Element], top: usize) {
        let starts: Vec<usize> = (0..elements.len())
            .filter(|&i| self.heading_level(&elements[i]) == Some(top))
            .collect();
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(elements.len());
            let Element::Paragraph(heading) = &elements[start] else { continue };
            let title = heading_text(&heading.plain());
            self.place = tr!("import-place-section", title = title.as_str());
            let body = &elements[start + 1..end];
            match special(&title) {
                Some(Special::Contents) => {}
                Some(Special::Abbreviations) => self.abbreviations(body),
                Some(Special::Revisions) => self.revision_history(body),
                Some(Special::Generated) => {
                    self.remark_here(tr!("import-generated-section"));
                    // The table of 9.3.2's inputs is made when the report asks for it.
                    self.coverage |= title.to_lowercase().starts_with(COVERAGE_HEADING);
                }
                Some(Special::Decisions) if let Some(meeting) = decisions::read(body) => {
                    self.remark_here(tr!("import-decisions-read"));
                    self.meeting = Some(meeting);
                }
                Some(Special::Decisions) | None => {
                    let name = self.unique(section_name(&title), 40);
                    let mut part = self.part(title, body, top, &name, 1);
                    self.appendices(&mut part);
                    self.sections.push((name, part));
                }
            }
        }
    }

    /// A part titled `title` from `elements`: its content up to its first subheading, then a
    /// part for each subheading (at most three levels in all).
    fn part(
        &mut self,
        title: String,
        elements: &[Element],
        level: usize,
        name: &str,
        depth: usize,
    ) -> PartOut {
        let starts: Vec<usize> = if depth < 3 {
            (0..elements.len())
                .filter(|&i| {
                    self.heading_level(&elements[i]) == Some(level + 1)
                        && !is_recommendation_heading(&elements[i])
                })
                .collect()
        } else {
            Vec::new()
        };
        let first = starts.first().copied().unwrap_or(elements.len());
        let content = self.blocks(&elements[..first], name);
        let mut parts = Vec::new();
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(elements.len());
            let Element::Paragraph(heading) = &elements[start] else { continue };
            let title = heading_text(&heading.plain());
            parts.push(self.part(title, &elements[start + 1..end], level + 1, name, depth + 1));
        }
        PartOut { title, content, parts, covers: None }
    }

    /// `stem`, at most `max` bytes, made unique among the ids and names given so far.
    fn unique(&mut self, stem: String, max: usize) -> String {
        let mut stem = stem;
        if stem.len() > max {
            let cut = stem[..max].rfind('-').unwrap_or(max);
            stem.truncate(cut);
        }
        let mut id = stem.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{stem}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }
}

/// Sections ledgen reads differently from a section of text.
enum Special {
    Contents,
    Abbreviations,
    Revisions,
    Generated,
    /// The management's decisions: read back when they are in tables ledgen knows.
    Decisions,
}

fn special(title: &str) -> Option<Special> {
    let t = title.to_lowercase();
    let t = t.trim();
    if ["innehåll", "innehållsförteckning", "contents", "table of contents"].contains(&t) {
        return Some(Special::Contents);
    }
    if [
        "förkortningar",
        "förkortningar och begrepp",
        "begrepp och förkortningar",
        "ordlista",
        "begreppslista",
        "abbreviations",
    ]
    .contains(&t)
    {
        return Some(Special::Abbreviations);
    }
    if [
        "revisionshistorik",
        "versionshistorik",
        "dokumenthistorik",
        "ändringshistorik",
        "revision history",
    ]
    .contains(&t)
    {
        return Some(Special::Revisions);
    }
    if ["beslut", "ledningens beslut", "beslut vid mötet"].contains(&t) {
        return Some(Special::Decisions);
    }
    if t == "statusöversikt"
        || t == "fastställande"
        || t.starts_with("förändringar sedan föregående år")
        || t.starts_with(COVERAGE_HEADING)
    {
        return Some(Special::Generated);
    }
    None
}

/// How the generated table of 9.3.2's inputs is headed, in lower case.
const COVERAGE_HEADING: &str = "underlag enligt iso/iec 27001";

/// The title of an appendix headed "Bilaga 1. Title" or "Bilaga 1: Title".
fn appendix_title(heading: &str) -> Option<&str> {
    let rest = heading.strip_prefix("Bilaga ")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit()).filter(|n| *n > 0)?;
    let title = rest[digits..].strip_prefix(['.', ':'])?.trim();
    (!title.is_empty()).then_some(title)
}

/// A section's file stem: the standard kind its heading names, else a slug of the heading.
fn section_name(title: &str) -> String {
    const KINDS: [(&str, &str); 16] = [
        ("inledning", "introduction"),
        ("bilagor", "appendices"),
        ("överensstämmelse", "compliance"),
        // The 2023 review's own spelling.
        ("överrensstämmelse", "compliance"),
        ("förändrade förhållanden", "changed-conditions"),
        ("ändrade förhållanden", "changed-conditions"),
        ("resultat från tidigare revision", "revisions"),
        ("sammanfattning", "summary"),
        ("uppföljning", "follow-ups"),
        ("revision", "revisions"),
        ("status gällande förebyggande", "preventive"),
        ("förebyggande", "preventive"),
        ("efterlevnad", "compliance"),
        ("förändrade förutsättningar", "changed-conditions"),
        ("ändrade förutsättningar", "changed-conditions"),
        ("rekommendation", "recommendations"),
    ];
    let lower = title.to_lowercase();
    KINDS
        .iter()
        .find(|(start, _)| lower.starts_with(start))
        .map_or_else(|| crate::model::slug_or(title, "avsnitt"), |(_, kind)| kind.to_string())
}

#[cfg(test)]
mod tests {
    use super::front::{find_date, find_year};
    use super::text::{label, recommendation_heading};
    use super::*;

    #[test]
    fn dates_are_found_as_written() {
        assert_eq!(find_date("Datum: 2023-08-25").as_deref(), Some("2023-08-25"));
        assert_eq!(find_date("Stockholm den 26 september 2024").as_deref(), Some("2024-09-26"));
        assert_eq!(find_date("2023-13-45"), None);
        assert_eq!(find_year("Ledningens rapport 2023"), Some(2023));
        assert_eq!(without_year("Ledningens genomgång 2023", 2023), "Ledningens genomgång");
        assert_eq!(without_year("Genomgång 2023", 2024), "Genomgång 2023");
        assert_eq!(without_year("2023", 2023), "2023");
    }

    #[test]
    fn labels_of_a_recommendation_are_read_plain_or_bold() {
        let (_, value) =
            label("Hur: Förändring av anvisningen", "**Hur:** Förändring av anvisningen").unwrap();
        assert_eq!(value, "Förändring av anvisningen");
        let (_, value) = label("Vem: ISAM", "Vem: ISAM").unwrap();
        assert_eq!(value, "ISAM");
        assert!(label("Hurra", "Hurra").is_none());
        assert_eq!(
            recommendation_heading("Rekommendation 3 · rek-2023-03"),
            Some(Some("rek-2023-03".into()))
        );
        assert_eq!(recommendation_heading("Rekommendation 3"), Some(None));
        assert_eq!(recommendation_heading("Rekommendation till förbättringar"), None);
    }

    #[test]
    fn standard_sections_are_named_by_their_heading() {
        assert_eq!(section_name("Inledning"), "introduction");
        assert_eq!(section_name("Rekommendation till förbättringar"), "recommendations");
        assert_eq!(section_name("Mätning och utvärdering"), "matning-och-utvardering");
    }
}
