//! The paragraphs of a Word review under a heading: text, images, and recommendations (a
//! paragraph followed by "Hur:", "Vem:" and "Prioritet:" lines, or under a "Rekommendation N"
//! heading); and which of its tables become which blocks.

use super::*;

impl Import<'_> {
    pub(super) fn blocks(&mut self, elements: &[Element], section: &str) -> Vec<BlockOut> {
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

    pub(super) fn paragraph(&mut self, blocks: &mut Blocks, p: &Para) {
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
    pub(super) fn image(&mut self, index: usize) -> Option<String> {
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

    pub(super) fn recommendation(&mut self, draft: Draft) -> RecommendationOut {
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
}

/// A recommendation being read.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) id: Option<String>,
    pub(super) text: Vec<String>,
    pub(super) how: Option<String>,
    pub(super) who: Option<String>,
    pub(super) priority: Option<String>,
}

/// The blocks of a part as they are read: the text so far, the recommendations so far, and
/// the recommendation being read.
#[derive(Default)]
pub(super) struct Blocks {
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
pub(super) enum Field {
    How,
    Who,
    Priority,
}

/// A "Hur:", "Vem:" or "Prioritet:" line: the field, and the Markdown after its label.
pub(super) fn label(plain: &str, markdown: &str) -> Option<(Field, String)> {
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
pub(super) fn recommendation_heading(plain: &str) -> Option<Option<String>> {
    let rest = plain.strip_prefix("Rekommendation ")?;
    let (number, id) = match rest.split_once(" · ") {
        Some((number, id)) => (number, Some(id.trim().to_string())),
        None => (rest, None),
    };
    number.trim_end_matches(['.', ':']).chars().all(|c| c.is_ascii_digit()).then_some(id)
}

pub(super) fn is_recommendation_heading(element: &Element) -> bool {
    matches!(element, Element::Paragraph(p) if recommendation_heading(&p.plain()).is_some())
}
