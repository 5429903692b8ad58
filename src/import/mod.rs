//! Input formats other than ledgen's own YAML folders: a review written in Word
//! (`ledgen import FILE.docx`) becomes a year folder, `report.yaml` and a section file per
//! top-level heading, written by the same typed writer `ledgen new` uses. [`docx`] reads the
//! package, [`classify`] tells headings, status tables and recommendations apart; this module
//! puts them together. Nothing here touches the disk: the command writes the files.

pub mod classify;
mod decisions;
pub mod docx;
mod gap;
mod incidents;

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

/// What the pages before the first heading say.
#[derive(Default)]
struct Front {
    organisation: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    date: Option<String>,
    year: Option<i32>,
    author: Option<String>,
    author_role: Option<String>,
    legend: Vec<(&'static str, String)>,
    /// The approval and the meeting's date, when the title page states them.
    approval: decisions::Approval,
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

    /// The meeting for `report.yaml`: its date from the decisions' section or the title page,
    /// and who attended.
    fn meeting(&self, front: &Front) -> Option<MeetingOut> {
        let mut meeting = self.meeting.as_ref().and_then(decisions::Meeting::out);
        let date = &front.approval.meeting_date;
        match &mut meeting {
            Some(m) if m.date.is_none() => m.date.clone_from(date),
            None if date.is_some() => {
                meeting = Some(MeetingOut { date: date.clone(), attendees: Vec::new() });
            }
            _ => {}
        }
        meeting
    }

    /// The title page and what follows it up to the first heading.
    fn front(&mut self, elements: &[Element]) -> Front {
        let mut front = Front::default();
        let mut others = Vec::new();
        for element in elements {
            match element {
                Element::Paragraph(p) if p.in_contents || p.role == Role::Contents => {}
                Element::Paragraph(p) => {
                    let text = p.plain();
                    if text.is_empty() {
                        continue;
                    }
                    match p.role {
                        Role::Title if front.title.is_none() => front.title = Some(text),
                        Role::Subtitle if front.subtitle.is_none() => front.subtitle = Some(text),
                        _ if p.style == "Organisation" => front.organisation = Some(text),
                        _ => others.push(text),
                    }
                }
                Element::Table(table) => {
                    let legend = legend(table);
                    if !legend.is_empty() && front.legend.is_empty() {
                        front.legend = legend;
                    }
                }
            }
        }
        for text in &others {
            if front.approval.read(text) {
                continue;
            }
            if let Some(value) = labelled(text, &["datum", "date"]) {
                front.date = front.date.take().or_else(|| find_date(value));
            } else if let Some(value) =
                labelled(text, &["sammanställd av", "författare", "upprättad av", "av"])
            {
                let (author, role) = match value.split_once(", ") {
                    Some((a, r)) => (a.to_string(), Some(r.to_string())),
                    None => (value.to_string(), None),
                };
                front.author = Some(author);
                front.author_role = role;
            }
        }
        front.date = front.date.take().or_else(|| others.iter().find_map(|t| find_date(t)));
        front.title = front.title.take().or_else(|| self.doc.title.clone());
        if front.organisation.is_none() {
            front.organisation = others
                .iter()
                .find(|t| {
                    t.chars().count() < 80
                        && !t.chars().any(|c| c.is_ascii_digit())
                        && !t.contains(':')
                        && Some(*t) != front.title.as_ref()
                })
                .cloned()
                .or_else(|| self.doc.company.clone());
        }
        if front.author.is_none() {
            front.author = self.doc.creator.clone();
        }
        let named_year =
            [&front.title, &front.subtitle].into_iter().flatten().find_map(|t| find_year(t));
        front.year = named_year.or_else(|| front.date.as_deref().and_then(find_year));
        if front.date.is_none()
            && let Some(created) = &self.doc.created
            && find_date(created).is_some()
        {
            front.date = Some(created.clone());
        }
        front
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

    fn blocks(&mut self, elements: &[Element], section: &str) -> Vec<BlockOut> {
        let mut blocks = Blocks::default();
        for (i, element) in elements.iter().enumerate() {
            match element {
                Element::Paragraph(p) => self.paragraph(&mut blocks, p),
                Element::Table(table) => {
                    blocks.close(self);
                    blocks.flush();
                    // The counts before a GAP analysis: the analysis draws them itself.
                    let gap_next = elements[i + 1..]
                        .iter()
                        .find_map(|e| match e {
                            Element::Table(t) => Some(gap::is_gap(t)),
                            Element::Paragraph(_) => None,
                        })
                        .unwrap_or(false);
                    if gap_next && gap::is_counts(table) {
                        continue;
                    }
                    // The counts of incidents before their table: the categories and months.
                    let records_next = elements[i + 1..].iter().any(|e| match e {
                        Element::Table(t) => incidents::is_records(t),
                        Element::Paragraph(_) => false,
                    });
                    if records_next && incidents::read_counts(table, &mut blocks.counts) {
                        // The sentence before them is the summary the block writes itself.
                        incidents::drop_summary(&mut blocks.out);
                        continue;
                    }
                    let block = if gap::is_gap(table) {
                        Some(self.gap_table(table))
                    } else if incidents::is_records(table) {
                        Some(self.incidents(table, std::mem::take(&mut blocks.counts)))
                    } else {
                        self.table(table, section)
                    };
                    blocks.out.extend(block);
                }
            }
        }
        blocks.close(self);
        blocks.flush();
        blocks.out
    }

    fn paragraph(&mut self, blocks: &mut Blocks, p: &Para) {
        if p.in_contents || p.role == Role::Contents {
            return;
        }
        let plain = p.plain();
        if let Some(id) = recommendation_heading(&plain) {
            blocks.close(self);
            blocks.flush_text();
            blocks.rec = Some(Draft { id, ..Draft::default() });
            return;
        }
        let mut text = markdown(p);
        if matches!(classify::role(self.doc, p), Role::Heading(_)) {
            text = format!("**{}**", crate::markdown::escape_markdown(&heading_text(&plain)));
        }
        for &index in &p.images {
            if let Some(image) = self.image(index) {
                text = if text.is_empty() { image } else { format!("{text}\n\n{image}") };
            }
        }
        if text.is_empty() {
            return;
        }
        if let Some((field, value)) = label(&plain, &text) {
            if blocks.rec.is_none() {
                let Some((last, _)) = blocks.text.pop() else {
                    blocks.push(text, p.list.is_some());
                    return;
                };
                blocks.flush_text();
                blocks.rec = Some(Draft { text: vec![last], ..Draft::default() });
            }
            let draft = blocks.rec.as_mut().expect("a recommendation");
            match field {
                Field::How => draft.how = Some(value),
                Field::Who => draft.who = Some(value),
                Field::Priority => draft.priority = Some(value),
            }
            return;
        }
        if let Some(draft) = &mut blocks.rec {
            if draft.how.is_none() && draft.who.is_none() && draft.priority.is_none() {
                draft.text.push(text);
                return;
            }
            blocks.close(self);
        }
        // Recommendations before this text are ended when the text is (it may yet become the
        // next recommendation's, when a "Hur:" line follows it).
        let text = match p.list {
            Some((ordered, level)) => {
                format!("{}{} {text}", "  ".repeat(level), if ordered { "1." } else { "-" })
            }
            None => text,
        };
        blocks.push(text, p.list.is_some());
    }

    /// The Markdown of image `index`, extracted into `bilder/`; `None` for one a report cannot
    /// show (a remark says so).
    fn image(&mut self, index: usize) -> Option<String> {
        let image = &self.doc.images[index];
        let extension = image.name.rsplit('.').next().unwrap_or_default().to_lowercase();
        if !["png", "jpg", "jpeg", "gif", "svg"].contains(&extension.as_str()) {
            self.remark_here(tr!("import-image-format", name = image.name.as_str()));
            return None;
        }
        if image.bytes.len() > MAX_IMAGE_BYTES {
            self.remark_here(tr!("import-image-too-large", name = image.name.as_str()));
            return None;
        }
        let name = match self.images.iter().find(|(_, i)| *i == index) {
            Some((name, _)) => name.clone(),
            None => {
                let stem =
                    crate::model::slug_or(image.name.rsplit_once('.').map_or("", |s| s.0), "bild");
                let name = format!("{}.{extension}", self.unique(stem, 40));
                self.images.push((name.clone(), index));
                name
            }
        };
        let alt = match &image.alt {
            Some(alt) => crate::markdown::escape_markdown(alt),
            None => {
                self.remark_here(tr!("import-image-no-alt", name = name.as_str()));
                ALT_PLACEHOLDER.to_string()
            }
        };
        Some(format!("![{alt}](bilder/{name})"))
    }

    /// A table as a status table, a list of recommendations, or else a Markdown table.
    fn table(&mut self, table: &Table, section: &str) -> Option<BlockOut> {
        let (head, first) = header(table);
        if table.rows.len() <= first && head.iter().all(String::is_empty) {
            return None;
        }
        if let Some(column) = status_column(&head) {
            return Some(self.status_table(table, &head, first, column, section));
        }
        let lower: Vec<String> =
            head.iter().map(|h| h.to_lowercase().trim_end_matches(':').to_string()).collect();
        let find = |names: &[&str]| lower.iter().position(|h| names.contains(&h.as_str()));
        if let (Some(how), who, priority) =
            (find(&["hur"]), find(&["vem", "ansvarig"]), find(&["prioritet", "prio"]))
            && (who.is_some() || priority.is_some())
        {
            let text = (0..head.len()).find(|i| {
                Some(*i) != who
                    && Some(*i) != priority
                    && *i != how
                    && !matches!(lower[*i].as_str(), "nr" | "#" | "id")
            })?;
            let mut recs = Vec::new();
            for row in &table.rows[first..] {
                let cell = |i: Option<usize>| {
                    i.and_then(|i| row.get(i)).map(cell_markdown).filter(|t| !t.is_empty())
                };
                let Some(body) = cell(Some(text)) else { continue };
                let draft = Draft {
                    text: vec![body],
                    how: cell(Some(how)),
                    who: cell(who),
                    priority: cell(priority),
                    id: None,
                };
                recs.push(self.recommendation(draft));
            }
            return Some(BlockOut { recommendations: Some(recs), ..BlockOut::default() });
        }
        self.remark_here(tr!("import-table-unclassified", columns = head.join(", ")));
        Some(BlockOut { text: Some(markdown_table(table)), ..BlockOut::default() })
    }

    fn status_table(
        &mut self,
        table: &Table,
        head: &[String],
        first: usize,
        column: usize,
        section: &str,
    ) -> BlockOut {
        let columns: Vec<String> = head
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != column)
            .map(
                |(i, h)| {
                    if h.is_empty() { tr!("import-column", number = i + 1) } else { h.clone() }
                },
            )
            .collect();
        let mut rows = Vec::new();
        for (n, row) in table.rows[first..].iter().enumerate() {
            if row.iter().all(|c| c.plain().is_empty()) {
                continue;
            }
            let mut cells: Vec<String> = row
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != column)
                .map(|(_, c)| cell_markdown(c))
                .collect();
            if cells.len() > columns.len() {
                let rest = cells.split_off(columns.len().max(1) - 1);
                cells.push(rest.join(" "));
            }
            cells.resize(columns.len(), String::new());
            let key = row
                .iter()
                .enumerate()
                .find(|(i, _)| *i != column)
                .map(|(_, c)| c.plain())
                .unwrap_or_default();
            let place = tr!("import-place-row", section = self.place.as_str(), row = key.as_str());
            let (status, status_text, intern, sekretess) = match row.get(column) {
                Some(cell) => self.row_status(cell, &place),
                None => (Status::NotAssessed, None, false, None),
            };
            let stem = crate::model::slug_or(
                &format!("{section}-{key}"),
                &format!("{section}-rad-{}", n + 1),
            );
            let id = self.unique(stem, 48);
            rows.push(RowOut {
                id,
                cells,
                status: status.keyword(),
                status_text,
                follows: None,
                owner: None,
                due: None,
                intern,
                sekretess,
            });
        }
        self.rows += rows.len();
        let status_column = Some(head[column].clone()).filter(|h| h != "Status");
        BlockOut {
            table: Some(TableOut { columns: FlowSeq(columns), status_column, rows }),
            ..BlockOut::default()
        }
    }

    /// A status cell's status, from its word or symbol, else its shading; the rest of the cell
    /// is the status text. Our own Word edition's markers ("Intern · 18 kap. 8 § OSL", "↑
    /// Förbättrad") are read as what they say.
    fn row_status(
        &mut self,
        cell: &docx::Cell,
        place: &str,
    ) -> (Status, Option<String>, bool, Option<String>) {
        let mut paragraphs: Vec<String> =
            cell.paragraphs.iter().map(markdown).filter(|t| !t.is_empty()).collect();
        let first_plain =
            cell.paragraphs.iter().map(Para::plain).find(|t| !t.is_empty()).unwrap_or_default();
        let from_text = classify::status_of_text(&first_plain);
        let from_fill = cell.fill.and_then(classify::status_of_fill);
        let (mut intern, mut sekretess) = (false, None);
        if let Some((_, used)) = from_text {
            let rest =
                first_plain[used..].trim_start_matches([' ', '.', ':', ',', '-', '–']).to_string();
            let mut kept = Vec::new();
            for marker in split_markers(&rest) {
                if let Some(detail) = marker.strip_prefix("Intern") {
                    intern = true;
                    sekretess = detail.trim_start_matches([' ', '·']).trim().to_string().into();
                    sekretess = sekretess.filter(|s: &String| !s.is_empty());
                } else if !is_change_marker(&marker) {
                    kept.push(marker);
                }
            }
            let rest = kept.join(" ");
            if paragraphs.is_empty() {
                paragraphs.push(String::new());
            }
            paragraphs[0] = crate::markdown::escape_markdown(rest.trim());
            paragraphs.retain(|p| !p.is_empty());
        }
        let status = match (from_text.map(|s| s.0), from_fill) {
            (Some(text), Some(fill)) if text != fill => {
                self.remark(
                    place.to_string(),
                    tr!("import-status-disagrees", word = text.keyword(), fill = fill.keyword()),
                );
                text
            }
            (Some(status), _) | (None, Some(status)) => status,
            (None, None) => {
                self.remark(place.to_string(), tr!("import-no-status"));
                paragraphs.insert(0, STATUS_TO_REVIEW.to_string());
                Status::NotAssessed
            }
        };
        let text = paragraphs.join("\n\n");
        (status, Some(text).filter(|t| !t.is_empty()), intern, sekretess)
    }

    fn recommendation(&mut self, draft: Draft) -> RecommendationOut {
        self.recommendations += 1;
        let number = self.recommendations;
        let id = match draft.id {
            Some(id) if !self.ids.contains(&id) => {
                self.ids.insert(id.clone());
                id
            }
            _ => self.unique(format!("rek-{}-{number:02}", self.year), 48),
        };
        let priority = draft.priority.as_deref().and_then(|p| {
            let p = p.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            match p.split_whitespace().next().unwrap_or_default() {
                "hög" | "high" => Some("hög"),
                "medel" | "mellan" | "medium" => Some("medel"),
                "låg" | "low" => Some("låg"),
                _ => None,
            }
        });
        if draft.priority.is_some() && priority.is_none() {
            let said = draft.priority.clone().unwrap_or_default();
            self.remark_here(tr!(
                "import-unknown-priority",
                id = id.as_str(),
                priority = said.as_str()
            ));
        }
        RecommendationOut {
            id,
            text: draft.text.join("\n\n"),
            how: draft.how,
            who: draft.who,
            priority,
            follows: None,
            decision: None,
            owner: None,
            due: None,
            decision_note: None,
            intern: false,
            sekretess: None,
        }
    }

    fn abbreviations(&mut self, elements: &[Element]) {
        for element in elements {
            match element {
                Element::Table(table) => {
                    for row in &table.rows {
                        let (Some(term), Some(meaning)) = (row.first(), row.get(1)) else {
                            continue;
                        };
                        let (term, meaning) = (term.plain(), cell_markdown(meaning));
                        let heading = ["förkortning", "term", "begrepp", "abbreviation"];
                        if term.is_empty() || heading.contains(&term.to_lowercase().as_str()) {
                            continue;
                        }
                        self.abbreviations.push(AbbreviationOut { term, meaning });
                    }
                }
                Element::Paragraph(p) => {
                    let text = p.plain();
                    let split = [" – ", " - ", ": ", " "]
                        .iter()
                        .find_map(|sep| text.split_once(sep))
                        .filter(|(term, _)| !term.is_empty() && term.chars().count() <= 20);
                    if let Some((term, meaning)) = split {
                        let meaning = crate::markdown::escape_markdown(meaning.trim());
                        self.abbreviations
                            .push(AbbreviationOut { term: term.trim().into(), meaning });
                    }
                }
            }
        }
    }

    fn revision_history(&mut self, elements: &[Element]) {
        let mut notes = Vec::new();
        for element in elements {
            let table = match element {
                Element::Table(table) => table,
                Element::Paragraph(p) => {
                    let text = markdown(p);
                    if !text.is_empty() && !p.in_contents {
                        notes.push(text);
                    }
                    continue;
                }
            };
            for row in &table.rows {
                let texts: Vec<String> = row.iter().map(docx::Cell::plain).collect();
                // The date's own cell, not a description that names a date.
                let Some(at) =
                    texts.iter().position(|t| t.chars().count() <= 25 && find_date(t).is_some())
                else {
                    continue;
                };
                let Some(date) = find_date(&texts[at]) else { continue };
                let others: Vec<usize> =
                    (0..texts.len()).filter(|&i| i != at && !texts[i].is_empty()).collect();
                let Some(&longest) = others.iter().max_by_key(|&&i| texts[i].chars().count())
                else {
                    continue;
                };
                let author = others.iter().find(|&&i| i != longest).map(|&i| texts[i].clone());
                self.revisions.push(RevisionOut {
                    date,
                    author,
                    description: cell_markdown(&row[longest]),
                });
            }
        }
        if !notes.is_empty() {
            self.revision_note = Some(notes.join("\n\n"));
        }
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

/// A recommendation being read.
#[derive(Default)]
struct Draft {
    id: Option<String>,
    text: Vec<String>,
    how: Option<String>,
    who: Option<String>,
    priority: Option<String>,
}

/// The blocks of a part as they are read: the text so far, the recommendations so far, and
/// the recommendation being read.
#[derive(Default)]
struct Blocks {
    out: Vec<BlockOut>,
    /// Markdown chunks, each with whether it is a list item.
    text: Vec<(String, bool)>,
    recs: Vec<RecommendationOut>,
    rec: Option<Draft>,
    /// The counts of incidents read before their table.
    counts: incidents::Counts,
}

impl Blocks {
    fn push(&mut self, text: String, list: bool) {
        self.text.push((text, list));
    }

    /// Ends the recommendations and the text read so far, in order.
    fn flush(&mut self) {
        self.flush_recommendations();
        self.flush_text();
    }

    /// Ends the text read so far, after the recommendations before it; with no text, the
    /// recommendations go on in one list.
    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        self.flush_recommendations();
        let mut out = String::new();
        let mut last_list = false;
        for (chunk, list) in std::mem::take(&mut self.text) {
            if !out.is_empty() {
                out.push_str(if list && last_list { "\n" } else { "\n\n" });
            }
            out.push_str(&chunk);
            last_list = list;
        }
        out.push('\n');
        self.out.push(BlockOut { text: Some(out), ..BlockOut::default() });
    }

    fn flush_recommendations(&mut self) {
        if !self.recs.is_empty() {
            let recs = std::mem::take(&mut self.recs);
            self.out.push(BlockOut { recommendations: Some(recs), ..BlockOut::default() });
        }
    }

    /// Ends the recommendation being read.
    fn close(&mut self, import: &mut Import<'_>) {
        if let Some(draft) = self.rec.take() {
            if draft.text.is_empty() {
                import.remark_here(tr!("import-recommendation-without-text"));
                return;
            }
            if !self.text.is_empty() {
                self.flush_text();
            }
            let rec = import.recommendation(draft);
            self.recs.push(rec);
        }
    }
}

#[derive(Clone, Copy)]
enum Field {
    How,
    Who,
    Priority,
}

/// A "Hur:", "Vem:" or "Prioritet:" line: the field, and the Markdown after its label.
fn label(plain: &str, markdown: &str) -> Option<(Field, String)> {
    const LABELS: [(&str, Field); 5] = [
        ("hur", Field::How),
        ("vem", Field::Who),
        ("ansvarig", Field::Who),
        ("prioritet", Field::Priority),
        ("prio", Field::Priority),
    ];
    let lower = plain.to_lowercase();
    let (word, field) = LABELS.iter().find(|(w, _)| lower.starts_with(&format!("{w}:")))?;
    let length = word.chars().count() + 1;
    // The label may be bold in the Markdown: "**Hur:** text".
    let value = markdown
        .strip_prefix("**")
        .and_then(|rest| {
            let end = rest.char_indices().nth(length).map(|(i, _)| i)?;
            rest[end..].strip_prefix("**")
        })
        .unwrap_or_else(|| {
            let end = markdown.char_indices().nth(length).map_or(markdown.len(), |(i, _)| i);
            &markdown[end..]
        });
    let value = value.trim();
    (!value.is_empty()).then(|| (*field, value.to_string()))
}

/// "Rekommendation 3" (and our own Word edition's "Rekommendation 3 · rek-2023-03"): `Some`
/// with the id it names, if any.
fn recommendation_heading(plain: &str) -> Option<Option<String>> {
    let rest = plain.strip_prefix("Rekommendation ")?;
    let (number, id) = match rest.split_once(" · ") {
        Some((number, id)) => (number, Some(id.trim().to_string())),
        None => (rest, None),
    };
    number.trim_end_matches(['.', ':']).chars().all(|c| c.is_ascii_digit()).then_some(id)
}

fn is_recommendation_heading(element: &Element) -> bool {
    matches!(element, Element::Paragraph(p) if recommendation_heading(&p.plain()).is_some())
}

/// "Ändring ↑ Förbättrad (gul → grön)" and the like: the markers our Word edition adds.
fn is_change_marker(text: &str) -> bool {
    text.starts_with(['↑', '↓', '▲', '▼', '+', '→'])
        || text.starts_with("Försenad")
        || text.starts_with("Ny ")
}

/// A status cell's first line after its status, split where a marker starts.
fn split_markers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let starts =
            word.starts_with(['↑', '↓', '▲', '▼']) || word == "Intern" || word == "Försenad";
        match out.last_mut() {
            Some(last) if !starts => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
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

/// The status legend a front-matter table gives: rows of a status (shading or word) and text.
fn legend(table: &Table) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for row in &table.rows {
        let (Some(status_cell), Some(text)) = (row.first(), row.get(1)) else { return Vec::new() };
        let status = classify::status_of_text(&status_cell.plain())
            .map(|s| s.0)
            .or_else(|| status_cell.fill.and_then(classify::status_of_fill));
        let Some(status) = status else { return Vec::new() };
        if !out.iter().any(|(k, _)| *k == status.keyword()) {
            out.push((status.keyword(), cell_markdown(text)));
        }
    }
    out
}

/// "Datum: 2023-08-25" → "2023-08-25" for the labels `names`.
fn labelled<'t>(text: &'t str, names: &[&str]) -> Option<&'t str> {
    let (label, value) = text.split_once(':')?;
    names.contains(&label.trim().to_lowercase().as_str()).then(|| value.trim())
}

/// The first date in `text`: `2023-08-25`, or `25 augusti 2023`.
pub fn find_date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        let window = &chars[start..chars.len().min(start + 10)];
        let digit = |i: usize| window.get(i).is_some_and(char::is_ascii_digit);
        let shaped = window.len() == 10
            && (0..10).all(|i| if i == 4 || i == 7 { window[i] == '-' } else { digit(i) })
            && (start == 0 || !chars[start - 1].is_ascii_digit())
            && chars.get(start + 10).is_none_or(|c| !c.is_ascii_digit());
        let candidate: String = window.iter().collect();
        if shaped && chrono::NaiveDate::parse_from_str(&candidate, "%Y-%m-%d").is_ok() {
            return Some(candidate);
        }
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    for window in words.windows(3) {
        let (Ok(day), Some(month), Ok(year)) = (
            window[0].parse::<u32>(),
            MONTHS.iter().position(|m| *m == window[1]),
            window[2].parse::<i32>(),
        ) else {
            continue;
        };
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(year, month as u32 + 1, day) {
            return Some(date.format("%Y-%m-%d").to_string());
        }
    }
    None
}

/// A title without the year at its end ("… informationssäkerhet 2023"): ledgen adds the year
/// to the title wherever it shows it.
fn without_year(title: &str, year: i32) -> String {
    let trimmed = title.trim();
    match trimmed.strip_suffix(&year.to_string()) {
        Some(rest) if rest.ends_with(' ') && !rest.trim().is_empty() => rest.trim_end().to_string(),
        _ => trimmed.to_string(),
    }
}

/// The first year (1990–2099) named in `text`.
fn find_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1990..2100).contains(y))
}

/// A table no status or recommendation column was found in, as a Markdown table.
fn markdown_table(table: &Table) -> String {
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let mut cells: Vec<String> =
            row.iter().map(|c| crate::markdown::escape_markdown(&c.plain())).collect();
        cells.resize(width, String::new());
        out.push(line(cells));
        if i == 0 {
            out.push(line(vec!["---".to_string(); width]));
        }
    }
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
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
