//! The tables of a Word review: status tables (each row's status from a word, a symbol or the
//! cell's shading), tables of recommendations, and the rest as Markdown tables.

use super::text::Draft;
use super::*;

impl Import<'_> {
    /// A table as a status table, a list of recommendations, or else a Markdown table.
    pub(super) fn table(&mut self, table: &Table, section: &str) -> Option<BlockOut> {
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

    pub(super) fn status_table(
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
    pub(super) fn row_status(
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
}

/// "Ändring ↑ Förbättrad (gul → grön)" and the like: the markers our Word edition adds.
pub(super) fn is_change_marker(text: &str) -> bool {
    text.starts_with(['↑', '↓', '▲', '▼', '+', '→'])
        || text.starts_with("Försenad")
        || text.starts_with("Ny ")
}

/// A status cell's first line after its status, split where a marker starts.
pub(super) fn split_markers(text: &str) -> Vec<String> {
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

/// A table no status or recommendation column was found in, as a Markdown table.
pub(super) fn markdown_table(table: &Table) -> String {
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
