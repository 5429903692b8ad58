//! The sections of the Word edition and the blocks under their headings: texts, status
//! tables, recommendations and the generated sections, each as Word tables and paragraphs.

use docx_rs::{Paragraph, Run, Shading, Table, TableCell, TableLayoutType, TableRow, WidthType};

use super::{Out, hex, labelled, plain, status_run, styles, text};
use crate::markdown::docx::{Piece, cell as piece_cell, style};
use crate::view::{
    BlockView, CountRow, MarkerView, PALETTE, RecommendationView, RowView, SectionView, StatusView,
    TableView,
};

/// Shading of a table's header row.
const HEAD_FILL: &str = "EEF1F4";
/// The colour of the "Intern" marker, as in the PDF.
const INTERN_FILL: &str = "5B2A86";

impl Out<'_> {
    /// A section's heading and its blocks.
    pub(crate) fn section(&mut self, section: &SectionView) {
        // A part set on landscape pages is a Word section of its own: the pages before it end
        // with a section break, and so do its own.
        if section.landscape_start {
            self.section_break(false);
        }
        let title = if section.number.is_empty() {
            section.title.clone()
        } else {
            format!("{} {}", section.number, section.title)
        };
        self.heading(section.level, &title, &section.anchor);
        for block in &section.blocks {
            self.block(section, block);
        }
        if section.landscape_end {
            self.section_break(true);
        }
    }

    fn block(&mut self, section: &SectionView, block: &BlockView) {
        let labels = self.view.labels;
        match block {
            BlockView::Withheld { text: sentence } => {
                self.paragraph(text(styles::NOTE, sentence));
            }
            BlockView::Text { markup, leads_in, intern } => {
                if let Some(intern) = intern {
                    self.paragraph(
                        Paragraph::new().style(style::NORMAL).add_run(intern_run(intern)),
                    );
                }
                let mut pieces = self.markup(markup);
                if *leads_in {
                    keep_last_with_next(&mut pieces);
                }
                self.add(pieces);
            }
            BlockView::Table(table) => {
                let table = self.status_table(table);
                self.add(vec![table]);
            }
            BlockView::Recommendations { items } => {
                for item in items {
                    self.recommendation(section.level, item);
                }
            }
            BlockView::AppendixList { items } => {
                for item in items {
                    let link = docx_rs::Hyperlink::new(
                        super::bookmark(&item.anchor),
                        docx_rs::HyperlinkType::Anchor,
                    )
                    .add_run(
                        Run::new()
                            .add_text(format!(
                                "{} {}: {}",
                                labels.appendix, item.number, item.title
                            ))
                            .style(style::HYPERLINK),
                    );
                    self.paragraph(Paragraph::new().style(style::NORMAL).add_hyperlink(link));
                }
            }
            BlockView::Placeholder { text: note } => self.paragraph(text(styles::NOTE, note)),
            BlockView::Changes(changes) => {
                self.paragraph(plain(&changes.summary));
                let rows = changes
                    .counts
                    .iter()
                    .map(|(marker, count)| vec![marker_cell(marker), text_cell(&count.to_string())])
                    .collect();
                let head = [labels.change, labels.count];
                self.add(vec![table(Some(&head), rows, &[3.0, 1.0], self.text_width)]);
                if let Some(withheld) = &changes.withheld {
                    self.paragraph(text(styles::NOTE, withheld));
                }
                if !changes.regressions.is_empty() {
                    self.paragraph(text(style::TEXT_HEADING, labels.regressions));
                    for (label, change) in &changes.regressions {
                        self.paragraph(bullet(&format!("{label} ({change})")));
                    }
                }
                if !changes.not_followed_up.is_empty() {
                    self.paragraph(text(style::TEXT_HEADING, &changes.not_followed_up_heading));
                    for (_, recommendation) in &changes.not_followed_up {
                        self.paragraph(bullet(recommendation));
                    }
                }
            }
            BlockView::StatusOverview { rows, statuses, chart, withheld } => {
                self.chart(chart);
                self.add(vec![counts_table(
                    labels.section,
                    statuses,
                    rows,
                    labels.total,
                    self.text_width,
                )]);
                if let Some(withheld) = withheld {
                    self.paragraph(text(styles::NOTE, withheld));
                }
            }
            BlockView::Incidents(incidents) => {
                self.paragraph(plain(&incidents.summary));
                let pairs = |pairs: &[(String, usize)]| -> Vec<Vec<TableCell>> {
                    pairs
                        .iter()
                        .map(|(l, n)| vec![text_cell(l), text_cell(&n.to_string())])
                        .collect()
                };
                let head = [labels.category, labels.count];
                self.chart(&incidents.category_chart);
                self.add(vec![table(
                    Some(&head),
                    pairs(&incidents.per_category),
                    &[3.0, 1.0],
                    self.text_width,
                )]);
                self.paragraph(plain(""));
                let head = [labels.month, labels.count];
                self.chart(&incidents.month_chart);
                self.add(vec![table(
                    Some(&head),
                    pairs(&incidents.per_month),
                    &[3.0, 1.0],
                    self.text_width,
                )]);
                self.paragraph(plain(""));
                if incidents.records.is_empty() {
                    self.paragraph(text(styles::NOTE, labels.no_incidents));
                } else {
                    let rows = incidents
                        .records
                        .iter()
                        .map(|r| {
                            let mut description = self.markup(&r.description);
                            if let Some(intern) = &r.intern {
                                description.insert(0, run_piece(intern_run(intern)));
                            }
                            let consequence =
                                r.consequence.as_ref().map(|m| self.markup(m)).unwrap_or_default();
                            let actions =
                                r.actions.as_ref().map(|m| self.markup(m)).unwrap_or_default();
                            vec![
                                text_cell(&r.date),
                                text_cell(&r.category),
                                cell(description),
                                cell(consequence),
                                cell(actions),
                                text_cell(r.personal_data),
                                text_cell(r.reported_to_imy),
                            ]
                        })
                        .collect();
                    let head = [
                        labels.date,
                        labels.category,
                        labels.description,
                        labels.consequence,
                        labels.actions,
                        labels.personal_data,
                        labels.reported_to_imy,
                    ];
                    let widths = [1.3, 1.3, 2.5, 2.0, 2.0, 1.0, 1.0];
                    self.add(vec![table(Some(&head), rows, &widths, self.text_width)]);
                }
            }
            BlockView::GapAnalysis(gap) => {
                self.chart(&gap.chart);
                self.add(vec![counts_table(
                    labels.requirement,
                    &gap.statuses,
                    &gap.groups,
                    labels.total,
                    self.text_width,
                )]);
                self.paragraph(text(style::TEXT_HEADING, labels.gap_details));
                let rows = gap
                    .requirements
                    .iter()
                    .map(|r| {
                        let mut optional = |m: &Option<crate::view::Markup>| {
                            m.as_ref().map(|m| self.markup(m)).unwrap_or_default()
                        };
                        let (current, comment, action) =
                            (optional(&r.current_state), optional(&r.comment), optional(&r.action));
                        vec![
                            text_cell(&format!("{} {}", r.clause, r.title)),
                            status_cell(&r.status, Vec::new()),
                            cell(current),
                            cell(comment),
                            cell(action),
                        ]
                    })
                    .collect();
                let head = [
                    labels.requirement,
                    labels.status,
                    labels.current_state,
                    labels.comment,
                    labels.proposed_action,
                ];
                self.add(vec![table(
                    Some(&head),
                    rows,
                    &[2.0, 1.2, 2.0, 2.0, 2.0],
                    self.text_width,
                )]);
            }
            BlockView::Decisions(decisions) => {
                if let Some(date) = &decisions.meeting_date {
                    self.paragraph(labelled(labels.meeting_date, date));
                }
                if !decisions.attendees.is_empty() {
                    self.paragraph(text(style::TEXT_HEADING, labels.attendees));
                    let rows = decisions
                        .attendees
                        .iter()
                        .map(|a| {
                            vec![text_cell(&a.name), text_cell(a.role.as_deref().unwrap_or(""))]
                        })
                        .collect();
                    let head = [labels.name, labels.role];
                    self.add(vec![table(Some(&head), rows, &[2.0, 3.0], self.text_width)]);
                }
                if !decisions.rows.is_empty() {
                    let show_ids = self.view.show_ids;
                    let rows = decisions
                        .rows
                        .iter()
                        .map(|r| {
                            let number = if show_ids {
                                format!("{} {}", r.number, r.id)
                            } else {
                                r.number.to_string()
                            };
                            let mut what = Paragraph::new()
                                .style(style::NORMAL)
                                .add_run(Run::new().add_text(&r.text));
                            if let Some(intern) = &r.intern {
                                what = what
                                    .add_run(Run::new().add_text(" "))
                                    .add_run(intern_run(intern));
                            }
                            let mut decision = vec![match &r.decision {
                                Some(d) => run_piece(Run::new().add_text(d.word).bold()),
                                None => run_piece(Run::new().add_text(labels.no_decision).italic()),
                            }];
                            if let Some(note) = &r.note {
                                decision.extend(self.markup(note));
                            }
                            vec![
                                text_cell(&number),
                                cell(vec![Piece::Paragraph(Box::new(what))]),
                                cell(decision),
                                text_cell(r.owner.as_deref().unwrap_or("")),
                                text_cell(r.due.as_deref().unwrap_or("")),
                            ]
                        })
                        .collect();
                    let head = [
                        labels.export_number,
                        labels.recommendation,
                        labels.decision,
                        labels.owner,
                        labels.due,
                    ];
                    self.add(vec![table(
                        Some(&head),
                        rows,
                        &[0.8, 3.5, 2.0, 1.7, 1.3],
                        self.text_width,
                    )]);
                }
            }
            BlockView::Coverage { rows } => {
                let rows = rows
                    .iter()
                    .map(|row| {
                        let input = text_cell(&format!("{}) {}", row.letter, row.description));
                        let addressed = if row.sections.is_empty() {
                            let missing =
                                StatusView {
                                    slug: "red", word: labels.not_addressed, symbol: "✗"
                                };
                            cell(vec![run_piece(status_run(&missing))])
                        } else {
                            text_cell(&row.sections.join(", "))
                        };
                        vec![input, addressed]
                    })
                    .collect();
                let head = [labels.review_input, labels.addressed_in];
                self.add(vec![table(Some(&head), rows, &[3.0, 2.0], self.text_width)]);
            }
        }
    }

    /// A status table: the text columns, then the status cell shaded in its status's colour,
    /// with the status's symbol and word, what changed, and the row's own status text.
    fn status_table(&mut self, view: &TableView) -> Piece {
        let mut head: Vec<&str> = view.columns.iter().map(String::as_str).collect();
        head.push(&view.status_column);
        let rows = view.rows.iter().map(|row| self.status_row(row)).collect();
        table(Some(&head), rows, &view.widths, self.text_width)
    }

    fn status_row(&mut self, row: &RowView) -> Vec<TableCell> {
        let mut cells: Vec<TableCell> = Vec::new();
        for markup in &row.cells {
            let pieces = self.markup(markup);
            cells.push(cell(pieces));
        }
        let mut marker = Paragraph::new().style(style::NORMAL).add_run(status_run(&row.status));
        for extra in [&row.change, &row.intern, &row.overdue].into_iter().flatten() {
            marker = marker.add_run(Run::new().add_text(" ")).add_run(marker_run(extra));
        }
        let mut pieces = vec![Piece::Paragraph(Box::new(marker))];
        if let Some(status_text) = &row.status_text {
            pieces.extend(self.markup(status_text));
        }
        if let Some(owner_due) = &row.owner_due {
            pieces.push(Piece::Paragraph(Box::new(text(styles::NOTE, owner_due))));
        }
        cells.push(status_cell(&row.status, pieces));
        cells
    }

    /// A recommendation: its heading ("Rekommendation 3"), its text, and "Hur:", "Vem:" and
    /// "Prioritet:" lines, as the reviews written in Word set them out.
    fn recommendation(&mut self, level: usize, item: &RecommendationView) {
        let view = self.view;
        let labels = view.labels;
        let mut title = format!("{} {}", labels.recommendation, item.number);
        if view.show_ids {
            title.push_str(&format!(" · {}", item.id));
        }
        self.heading((level + 1).min(6), &title, &item.id);
        if let Some(intern) = &item.intern {
            self.paragraph(Paragraph::new().style(style::NORMAL).add_run(intern_run(intern)));
        }
        let pieces = self.markup(&item.text);
        self.add(pieces);
        for (label, value) in [(labels.how, &item.how), (labels.who, &item.who)] {
            let Some(value) = value else { continue };
            let mut pieces = self.markup(value);
            // "Hur: …" on one line when the text is one paragraph.
            match pieces.first_mut() {
                Some(Piece::Paragraph(first)) => {
                    let label_run = Run::new().add_text(format!("{label}: ")).bold();
                    let mut paragraph = Paragraph::new().style(style::NORMAL).add_run(label_run);
                    for child in std::mem::take(&mut first.children) {
                        paragraph.children.push(child);
                    }
                    paragraph.property = first.property.clone();
                    **first = paragraph;
                }
                _ => pieces.insert(0, run_piece(Run::new().add_text(format!("{label}:")).bold())),
            }
            self.add(pieces);
        }
        if let Some(priority) = &item.priority {
            self.paragraph(labelled(labels.priority, priority.word));
        }
    }
}

/// A table with an optional header row (repeated on each page), filling the text width in the
/// proportions `widths`.
pub(crate) fn table(
    head: Option<&[&str]>,
    rows: Vec<Vec<TableCell>>,
    widths: &[f64],
    text_width: usize,
) -> Piece {
    let total: f64 = widths.iter().sum::<f64>().max(f64::EPSILON);
    let grid: Vec<usize> =
        widths.iter().map(|w| ((w / total) * text_width as f64).round() as usize).collect();
    let mut table_rows = Vec::new();
    if let Some(head) = head {
        let cells = head
            .iter()
            .map(|h| {
                TableCell::new()
                    .shading(Shading::new().fill(HEAD_FILL))
                    .add_paragraph(text(style::TABLE_HEADING, h))
            })
            .collect();
        // docx-rs has no header-row property: a row that cannot split marks the header, and
        // `package` makes it repeat on each page.
        table_rows.push(TableRow::new(cells).cant_split());
    }
    for cells in rows {
        let cells = cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| match grid.get(i) {
                Some(&w) => c.width(w, WidthType::Dxa),
                None => c,
            })
            .collect();
        table_rows.push(TableRow::new(cells));
    }
    let table = Table::new(table_rows)
        .set_grid(grid)
        .width(text_width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed);
    Piece::Table(Box::new(table))
}

/// A cell of pieces.
pub(crate) fn cell(pieces: Vec<Piece>) -> TableCell {
    piece_cell(pieces, None, false)
}

/// A cell of plain text.
pub(crate) fn text_cell(value: &str) -> TableCell {
    cell(vec![Piece::Paragraph(Box::new(plain(value)))])
}

/// A status cell: shaded in the status's light fill, its marker first.
pub(crate) fn status_cell(status: &StatusView, pieces: Vec<Piece>) -> TableCell {
    let pieces = if pieces.is_empty() { vec![run_piece(status_run(status))] } else { pieces };
    let fill = PALETTE.statuses.iter().find(|c| c.slug == status.slug).map(|c| hex(c.fill));
    let cell = cell(pieces);
    match fill {
        Some(fill) => cell.shading(Shading::new().fill(fill)),
        None => cell,
    }
}

fn marker_cell(marker: &MarkerView) -> TableCell {
    cell(vec![run_piece(marker_run(marker))])
}

/// A marker beside a status: "↑ Förbättrad (gul → grön)", "Intern · 18 kap. 8 § OSL".
fn marker_run(marker: &MarkerView) -> Run {
    if marker.slug == "intern" {
        return intern_run(marker);
    }
    let text = match &marker.detail {
        Some(detail) => format!("{} {} ({detail})", marker.symbol, marker.word),
        None => format!("{} {}", marker.symbol, marker.word),
    };
    Run::new().add_text(text.trim_start()).bold().size(18)
}

fn intern_run(marker: &MarkerView) -> Run {
    let text = match &marker.detail {
        Some(detail) => format!("{} · {detail}", marker.word),
        None => marker.word.to_string(),
    };
    Run::new()
        .add_text(text)
        .bold()
        .size(18)
        .color("FFFFFF")
        .shading(Shading::new().fill(INTERN_FILL))
}

fn run_piece(run: Run) -> Piece {
    Piece::Paragraph(Box::new(Paragraph::new().style(style::NORMAL).add_run(run)))
}

fn bullet(value: &str) -> Paragraph {
    plain(value).style(style::LIST).numbering(
        docx_rs::NumberingId::new(crate::markdown::docx::BULLETS),
        docx_rs::IndentLevel::new(0),
    )
}

/// A table of counts per status, with the statuses' markers as column headings.
fn counts_table(
    first: &str,
    statuses: &[StatusView],
    rows: &[CountRow],
    total: &str,
    text_width: usize,
) -> Piece {
    let mut head_cells = vec![
        TableCell::new()
            .shading(Shading::new().fill(HEAD_FILL))
            .add_paragraph(text(style::TABLE_HEADING, first)),
    ];
    for status in statuses {
        head_cells.push(TableCell::new().shading(Shading::new().fill(HEAD_FILL)).add_paragraph(
            Paragraph::new().style(style::TABLE_HEADING).add_run(status_run(status)),
        ));
    }
    head_cells.push(
        TableCell::new()
            .shading(Shading::new().fill(HEAD_FILL))
            .add_paragraph(text(style::TABLE_HEADING, total)),
    );
    let mut widths = vec![3.0];
    widths.extend(statuses.iter().map(|_| 1.2));
    widths.push(1.0);
    let Piece::Table(mut table) = table(None, Vec::new(), &widths, text_width) else {
        unreachable!()
    };
    table.rows.push(docx_rs::TableChild::TableRow(TableRow::new(head_cells).cant_split()));
    for row in rows {
        let mut cells = vec![text_cell(&row.label)];
        cells.extend(row.counts.iter().map(|n| text_cell(&n.to_string())));
        cells.push(cell(vec![run_piece(Run::new().add_text(row.total.to_string()).bold())]));
        table.rows.push(docx_rs::TableChild::TableRow(TableRow::new(cells)));
    }
    Piece::Table(table)
}

/// Keeps the last paragraph of `pieces` on the page of what follows (a text that introduces
/// a table).
fn keep_last_with_next(pieces: &mut [Piece]) {
    if let Some(Piece::Paragraph(last)) = pieces.last_mut() {
        let paragraph = std::mem::take(&mut **last);
        **last = paragraph.keep_next(true);
    }
}
