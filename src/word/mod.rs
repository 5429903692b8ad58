//! The Word edition: a report's view written as a `.docx` for the colleagues, the registrar and
//! the board's secretariat who work in Word.
//!
//! Written with docx-rs, in Word's own structures: the built-in heading styles (so that Word's
//! navigation pane and table of contents work), a table-of-contents field that Word updates on
//! opening, status cells shaded and carrying their symbol and word, table header rows that
//! repeat on each page, real lists and footnotes. What docx-rs cannot write (the document's
//! title, author and language, header rows, images' alternative text) [`package`] adds to the
//! package it makes. Nothing here reads or writes files: the format returns the bytes.

mod blocks;
mod chart;
mod package;
mod styles;

pub(crate) use package::CHART_NAME;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, NumPages, PageMargin, PageNum,
    PageOrientationType, PageSize, Paragraph, Run, SectionProperty, Shading, TableOfContents,
};

use crate::markdown::docx::{Numbers, Piece, picture, style, to_docx, word_image};
use crate::view::{LogoView, Markup, MarkupSource, ReportView, StatusView};

/// Page width and margins of the Word edition, in twentieths of a point: A4, 2.5 cm margins.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_418;
/// The width of the text, which tables fill.
/// The width of the text on a landscape page, in twips.
const LANDSCAPE_TEXT_WIDTH: usize = (PAGE_HEIGHT as usize) - 2 * (MARGIN as usize);

/// The margins of every page.
fn page_margin() -> PageMargin {
    PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN).header(708).footer(708)
}

/// English Metric Units in a twip.
const EMU_PER_TWIP: u64 = 635;
pub(crate) const TEXT_WIDTH: usize = (PAGE_WIDTH as usize) - 2 * (MARGIN as usize);

/// The Word edition of the report `view`, as the bytes of a `.docx`.
pub fn write(view: &ReportView) -> Result<Vec<u8>, String> {
    let mut out = Out::new(view);
    out.title_page();
    out.contents();
    out.front_matter();
    for section in &view.sections {
        out.section(section);
    }
    out.back_matter();
    let Out { doc, numbers, alts, chart_pictures, .. } = out;
    let doc = styles::numbering(doc, &numbers);
    let properties = package::Properties::of(view);
    package::finish(doc, &properties, &alts, &chart_pictures)
}

/// The document being written, and what its texts have asked for so far.
pub(crate) struct Out<'v> {
    pub(crate) view: &'v ReportView,
    pub(crate) doc: Docx,
    pub(crate) numbers: Numbers,
    /// Each image's alternative text, in document order.
    pub(crate) alts: Vec<String>,
    /// Bookmarks made so far, for unique ids.
    bookmarks: usize,
    /// Charts drawn so far, for their numbers ("Diagram 2").
    charts: usize,
    /// Which of the pictures (indices into `alts`) are charts.
    chart_pictures: Vec<usize>,
    /// The width of the text on the pages being written, in twips: wider on landscape pages.
    pub(crate) text_width: usize,
}

impl<'v> Out<'v> {
    fn new(view: &'v ReportView) -> Self {
        let doc = styles::styles(Docx::new(), &view.theme)
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(page_margin());
        let mut out = Out {
            view,
            doc,
            numbers: Numbers::default(),
            alts: Vec::new(),
            bookmarks: 0,
            charts: 0,
            chart_pictures: Vec::new(),
            text_width: TEXT_WIDTH,
        };
        out.header_and_footer();
        out
    }

    /// Adds pieces to the body.
    pub(crate) fn add(&mut self, pieces: Vec<Piece>) {
        for piece in pieces {
            self.doc = match piece {
                Piece::Paragraph(p) => std::mem::take(&mut self.doc).add_paragraph(*p),
                Piece::Table(t) => std::mem::take(&mut self.doc).add_table(*t),
            };
        }
    }

    pub(crate) fn paragraph(&mut self, paragraph: Paragraph) {
        self.add(vec![Piece::Paragraph(Box::new(paragraph))]);
    }

    /// A text of the report as Word pieces.
    pub(crate) fn markup(&mut self, markup: &Markup) -> Vec<Piece> {
        match &markup.source {
            MarkupSource::Markdown(text) => {
                to_docx(text, &self.view.images, &mut self.numbers, &mut self.alts)
            }
            MarkupSource::Text(text) => vec![Piece::Paragraph(Box::new(plain(text)))],
        }
    }

    /// A heading in Word's heading style of `level` (1–6), with a bookmark `anchor` that
    /// internal links and the table of contents go to.
    pub(crate) fn heading(&mut self, level: usize, text: &str, anchor: &str) {
        self.bookmarks += 1;
        let id = self.bookmarks;
        let paragraph = Paragraph::new()
            .style(&styles::heading(level))
            .add_bookmark_start(id, bookmark(anchor))
            .add_run(Run::new().add_text(text))
            .add_bookmark_end(id);
        self.paragraph(paragraph);
    }

    fn header_and_footer(&mut self) {
        let view = self.view;
        let name = view.theme.header_name.as_deref().unwrap_or(&view.organisation);
        let header = Header::new().add_paragraph(
            Paragraph::new()
                .style(styles::HEADER)
                .add_run(Run::new().add_text(format!("{name} · {}", view.title))),
        );
        let footer = Footer::new().add_paragraph(
            Paragraph::new()
                .style(styles::FOOTER)
                .align(AlignmentType::Right)
                .add_run(Run::new().add_text(format!("{} ", view.labels.page)))
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(format!(" {} ", view.labels.of)))
                .add_num_pages(NumPages::new()),
        );
        // The title page has neither.
        self.doc = std::mem::take(&mut self.doc)
            .header(header)
            .footer(footer)
            .first_header(Header::new())
            .first_footer(Footer::new())
            .title_pg();
    }

    fn title_page(&mut self) {
        let view = self.view;
        if let Some(logo) = &view.theme.logo
            && let Some(run) = self.logo(logo, 5 * 360_000)
        {
            self.paragraph(Paragraph::new().style(style::NORMAL).add_run(run));
        }
        let organisation = match &view.unit {
            Some(unit) => format!("{} · {unit}", view.organisation),
            None => view.organisation.clone(),
        };
        self.paragraph(text(styles::ORGANISATION, &organisation));
        if let Some(subtitle) = &view.subtitle {
            self.paragraph(text(styles::SUBTITLE, subtitle));
        }
        self.paragraph(text(styles::TITLE, &view.title));
        if view.draft {
            self.paragraph(labelled(view.labels.draft_banner, view.labels.draft_note));
        }
        if view.public {
            self.paragraph(labelled(view.labels.public_edition, view.labels.public_edition_note));
        } else if let Some(classification) = &view.classification {
            self.paragraph(labelled(view.labels.internal_edition, classification));
        }
        self.paragraph(labelled(view.labels.date, &view.date));
        let compiled = match (&view.author, &view.author_role) {
            (Some(author), Some(role)) => Some(format!("{author}, {role}")),
            (Some(one), None) | (None, Some(one)) => Some(one.clone()),
            (None, None) => None,
        };
        if let Some(compiled) = compiled {
            self.paragraph(labelled(view.labels.compiled_by, &compiled));
        }
        if let Some(approval) = &view.approval {
            for row in &approval.rows {
                self.paragraph(labelled(&row.label, &row.value));
            }
        }
        self.paragraph(page_break());
    }

    /// The table of contents: a field Word fills in when the document opens (and on "Update
    /// field"), listing the headings of levels 1 and 2 as the PDF's does.
    fn contents(&mut self) {
        self.paragraph(text(styles::CONTENTS_HEADING, self.view.labels.contents));
        let toc = TableOfContents::new().heading_styles_range(1, 2).hyperlink().auto().dirty();
        self.doc = std::mem::take(&mut self.doc).add_table_of_contents(toc);
        self.paragraph(page_break());
    }

    fn front_matter(&mut self) {
        let view = self.view;
        if !view.legend.is_empty() {
            self.paragraph(text(style::TEXT_HEADING, view.labels.legend));
            self.paragraph(plain(view.labels.legend_intro));
            let rows = view
                .legend
                .iter()
                .map(|entry| {
                    let text = self.markup(&entry.text);
                    vec![blocks::status_cell(&entry.status, Vec::new()), blocks::cell(text)]
                })
                .collect();
            let table = blocks::table(None, rows, &[1.0, 4.0], self.text_width);
            self.add(vec![table]);
        }
        if let Some(note) = &view.note {
            self.paragraph(text(style::TEXT_HEADING, view.labels.note));
            let pieces = self.markup(note);
            self.add(pieces);
        }
    }

    fn back_matter(&mut self) {
        let view = self.view;
        let labels = view.labels;
        if !view.abbreviations.is_empty() {
            self.heading(1, labels.abbreviations, "forkortningar");
            let rows = view
                .abbreviations
                .iter()
                .map(|a| {
                    let meaning = self.markup(&a.meaning);
                    vec![blocks::text_cell(&a.term), blocks::cell(meaning)]
                })
                .collect();
            let head = [labels.abbreviation, labels.meaning];
            self.add(vec![blocks::table(Some(&head), rows, &[1.0, 4.0], self.text_width)]);
        }
        if !view.revisions.is_empty() || view.revision_note.is_some() {
            self.heading(1, labels.revision_history, "revisionshistorik");
            if !view.revisions.is_empty() {
                let rows = view
                    .revisions
                    .iter()
                    .map(|r| {
                        let description = self.markup(&r.description);
                        vec![
                            blocks::text_cell(&r.date),
                            blocks::text_cell(r.author.as_deref().unwrap_or("")),
                            blocks::cell(description),
                        ]
                    })
                    .collect();
                let head = [labels.date, labels.author, labels.description];
                self.add(vec![blocks::table(Some(&head), rows, &[1.2, 1.5, 4.0], self.text_width)]);
            }
            if let Some(note) = &view.revision_note {
                let pieces = self.markup(note);
                self.add(pieces);
            }
        }
        if let Some(sentence) = view.approval.as_ref().and_then(|a| a.text.as_ref()) {
            self.heading(1, labels.approval, "faststallande");
            self.paragraph(plain(sentence));
        }
    }

    /// Ends the pages written so far with a section break: they are `landscape` pages or
    /// portrait ones, and the pages after are the other. (`package` gives the break the running
    /// header and footer.)
    pub(crate) fn section_break(&mut self, landscape: bool) {
        let (size, width) = if landscape {
            (
                PageSize::new()
                    .size(PAGE_HEIGHT, PAGE_WIDTH)
                    .orient(PageOrientationType::Landscape),
                TEXT_WIDTH,
            )
        } else {
            (PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT), LANDSCAPE_TEXT_WIDTH)
        };
        let section = SectionProperty::new().page_size(size).page_margin(page_margin());
        self.paragraph(Paragraph::new().section_property(section));
        self.text_width = width;
    }

    /// A chart: its picture, carrying the chart's text alternative, kept with its numbered
    /// caption under it, as the PDF's figures are.
    pub(crate) fn chart(&mut self, chart: &crate::view::chart::ChartView) {
        self.charts += 1;
        if let Some((png, width, height)) = chart::png(chart, &self.view.theme.accent) {
            self.chart_pictures.push(self.alts.len());
            self.alts.push(chart.alt.clone());
            let max_emu = self.text_width as u64 * EMU_PER_TWIP;
            let run = Run::new().add_image(picture(png, width, height, max_emu));
            self.paragraph(Paragraph::new().style(style::NORMAL).add_run(run).keep_next(true));
        }
        let caption = format!("{} {}: {}", self.view.labels.chart, self.charts, chart.caption);
        self.paragraph(text(styles::CAPTION, &caption));
    }

    /// A logo as a run with its picture, at most `max_emu` wide.
    fn logo(&mut self, logo: &LogoView, max_emu: u64) -> Option<Run> {
        let (mime, bytes) = decode_data_url(&logo.data_url)?;
        let (png, width, height) = word_image(&mime, &bytes)?;
        self.alts.push(logo.alt.clone());
        Some(Run::new().add_image(picture(png, width, height, max_emu)))
    }
}

/// A paragraph of plain text in body style.
pub(crate) fn plain(text: &str) -> Paragraph {
    Paragraph::new().style(style::NORMAL).add_run(Run::new().add_text(text))
}

/// A paragraph of plain text in `style`.
pub(crate) fn text(style: &str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(Run::new().add_text(text))
}

/// "Label: value", the label bold.
pub(crate) fn labelled(label: &str, value: &str) -> Paragraph {
    Paragraph::new()
        .style(style::NORMAL)
        .add_run(Run::new().add_text(format!("{label}: ")).bold())
        .add_run(Run::new().add_text(value))
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

/// The marker of a status, as the PDF shows it: its symbol and word on the strong fill.
pub(crate) fn status_run(status: &StatusView) -> Run {
    let colours = crate::view::PALETTE.statuses.iter().find(|c| c.slug == status.slug);
    let mut run = Run::new().add_text(format!("{} {}", status.symbol, status.word)).bold();
    if let Some(colours) = colours {
        run = run.shading(Shading::new().fill(hex(colours.strong))).color(hex(colours.ink));
    }
    run
}

/// `#rrggbb` as Word writes colours: `rrggbb`.
pub(crate) fn hex(colour: &str) -> String {
    colour.trim_start_matches('#').to_ascii_uppercase()
}

/// A Word bookmark name for an anchor: letters, digits and underscores, at most 40 characters.
pub(crate) fn bookmark(anchor: &str) -> String {
    let name: String =
        anchor.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).take(38).collect();
    format!("a_{name}")
}

/// The media type and bytes of a `data:` URL of base64.
fn decode_data_url(url: &str) -> Option<(String, Vec<u8>)> {
    use base64::Engine;
    let rest = url.strip_prefix("data:")?;
    let (mime, data) = rest.split_once(";base64,")?;
    let bytes = base64::engine::general_purpose::STANDARD.decode(data).ok()?;
    Some((mime.to_string(), bytes))
}
