//! The pages before the first heading and the back matter of a Word review: the title page's
//! organisation, title, date, author and approval, the status legend, the abbreviations and the
//! revision history, and the dates and years written in them.

use super::*;

impl Import<'_> {
    /// The meeting for `report.yaml`: its date from the decisions' section or the title page,
    /// and who attended.
    pub(super) fn meeting(&self, front: &Front) -> Option<MeetingOut> {
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
    pub(super) fn front(&mut self, elements: &[Element]) -> Front {
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

    pub(super) fn abbreviations(&mut self, elements: &[Element]) {
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

    pub(super) fn revision_history(&mut self, elements: &[Element]) {
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
}

/// What the pages before the first heading say.
#[derive(Default)]
pub(super) struct Front {
    pub(super) organisation: Option<String>,
    pub(super) title: Option<String>,
    pub(super) subtitle: Option<String>,
    pub(super) date: Option<String>,
    pub(super) year: Option<i32>,
    pub(super) author: Option<String>,
    pub(super) author_role: Option<String>,
    pub(super) legend: Vec<(&'static str, String)>,
    /// The approval and the meeting's date, when the title page states them.
    pub(super) approval: decisions::Approval,
}

/// The status legend a front-matter table gives: rows of a status (shading or word) and text.
pub(super) fn legend(table: &Table) -> Vec<(&'static str, String)> {
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
pub(super) fn labelled<'t>(text: &'t str, names: &[&str]) -> Option<&'t str> {
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
pub(super) fn without_year(title: &str, year: i32) -> String {
    let trimmed = title.trim();
    match trimmed.strip_suffix(&year.to_string()) {
        Some(rest) if rest.ends_with(' ') && !rest.trim().is_empty() => rest.trim_end().to_string(),
        _ => trimmed.to_string(),
    }
}

/// The first year (1990–2099) named in `text`.
pub(super) fn find_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1990..2100).contains(y))
}
