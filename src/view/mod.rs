//! View stage: what templates see. Built from the validated model, with every Markdown field
//! already rendered for both targets, headings flattened and numbered, and labels attached.

use crate::diff::{self, ChangeKind, ReportDiff};
use crate::i18n;
use crate::model::{
    Block, BlockKind, DatePrecision, GapAnalysis, Images, Incident, Incidents, Language,
    LeftOutKind, Markdown, MaskedPhrase, Part, Report, ReportDate, ReviewInput, SectionKind,
    Status, StatusRow,
};

mod appendix;
mod changes;
pub(crate) mod chart;
pub mod comparison;
mod figures;
mod palette;
mod slides;
pub(crate) mod stats;
mod text;
mod theme;
mod types;
mod withheld;

pub use appendix::{Coverage, claimed_coverage, coverage, has_content};
pub use figures::{Figures, IncidentFigures};
pub use palette::{PALETTE, Palette, StatusColours, contrast};
pub use slides::{SlidesView, slides_view};
pub use text::shortened;
pub use theme::{BRAND_ASSETS, FontFaceView, LogoView, Theme};
pub use types::*;
pub use withheld::{Emptied, EmptiedKind, emptied, mask_phrases};

/// What a view is built from besides the report itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct ViewContext<'a> {
    /// The previous year's report, when there is one.
    pub previous: Option<&'a Report>,
    /// The comparison of the previous year's report with this one.
    pub diff: Option<&'a ReportDiff>,
    /// For the public edition: how many confidential items were left out.
    pub public: Option<usize>,
    /// For the public edition: the figures counted over the full report before its
    /// confidential items were left out. Without it they are counted over the report itself.
    pub figures: Option<&'a Figures>,
    /// The report's masked phrases (see [`crate::model::mask`]): the full edition names their
    /// provisions with those of its confidential items.
    pub masked: &'a [MaskedPhrase],
}

/// Builds the view of a report.
pub fn report_view(report: &Report, context: ViewContext<'_>) -> ReportView {
    let meta = &report.meta;
    let language = meta.language;
    let date = meta.date.value.0;
    let own_figures;
    let figures = match context.figures {
        Some(figures) => figures,
        None => {
            own_figures = Figures::of(report);
            &own_figures
        }
    };
    let mut builder = SectionBuilder {
        language,
        period: (report.year(), date),
        context,
        figures,
        images: &report.images,
        section_name: String::new(),
        charts: 0,
        sections: Vec::new(),
        counters: [0; 3],
        appendices: 0,
        landscape: false,
    };
    // Each generated section goes after the section it names, or at its default place; several
    // at one place keep the order `report.yaml` lists them in.
    let mut at_start = Vec::new();
    let mut after: Vec<Vec<Generate>> = report.sections.iter().map(|_| Vec::new()).collect();
    let mut at_end = Vec::new();
    for place in meta.generated() {
        let Some(build) = generator(place.name) else { continue };
        let index = match &place.after {
            Some(name) => report.sections.iter().position(|s| &s.name == name),
            None => default_place(report, place.name),
        };
        match index {
            Some(i) => after[i].push(build),
            None if place.after.is_none() && default_at_start(place.name) => at_start.push(build),
            None => at_end.push(build),
        }
    }
    for build in at_start {
        build(&mut builder, report);
    }
    for (section, generated) in report.sections.iter().zip(after) {
        builder.section_name.clone_from(&section.name);
        builder.part(&section.part, 1);
        for build in generated {
            build(&mut builder, report);
        }
    }
    for build in at_end {
        build(&mut builder, report);
    }
    mark_landscape_runs(&mut builder.sections);
    ReportView {
        lang: language.tag(),
        labels: i18n::labels(language),
        organisation: meta.organisation.clone(),
        unit: meta.unit.clone(),
        title: format!("{} {}", meta.title, meta.year.value),
        subtitle: meta.subtitle.clone(),
        year: meta.year.value,
        date: date_text(language, meta.date.value),
        datetime: meta.date.value.to_string(),
        date_parts: DateParts {
            year: chrono::Datelike::year(&date),
            month: chrono::Datelike::month(&date),
            day: chrono::Datelike::day(&date),
        },
        author: meta.author.clone(),
        author_role: meta.author_role.clone(),
        legend: legend(report),
        sections: builder.sections,
        abbreviations: meta
            .abbreviations
            .iter()
            .map(|a| AbbreviationView {
                term: a.term.clone(),
                meaning: Markup::new(
                    &Markdown { text: a.meaning.clone(), line: 0, column: 0 },
                    &report.images,
                ),
            })
            .collect(),
        revisions: meta
            .revision_history
            .iter()
            .map(|r| RevisionView {
                date: date_text(language, r.date),
                datetime: r.date.to_string(),
                author: r.author.clone(),
                description: Markup::new(&r.description, &report.images),
            })
            .collect(),
        revision_note: meta.revision_note.as_ref().map(|m| Markup::new(m, &report.images)),
        note: meta.note.as_ref().map(|m| Markup::new(m, &report.images)),
        public: context.public.is_some(),
        left_out: context.public.unwrap_or(0),
        classification: if context.public.is_some() {
            None
        } else {
            classification(report, context.masked)
        },
        draft: meta.draft,
        show_ids: meta.show_ids,
        approval: approval(report),
        images: report.images.clone(),
        theme: Theme::new(report.brand.as_ref()),
    }
}

/// Adds one generated section to the headings.
type Generate = fn(&mut SectionBuilder<'_>, &Report);

/// The builder of each generated section named in [`crate::model::GENERATED_SECTIONS`]; adding
/// a generated section is one line here and one there.
const GENERATORS: [(&str, Generate); 4] = [
    ("status_overview", |b, _| b.status_overview()),
    ("changes", |b, report| b.changes_overview(report)),
    ("coverage", |b, report| b.coverage(report)),
    // "Beslut": by default only when the report records a meeting or a decision; always when
    // `generated_sections` names it.
    ("decisions", |b, report| {
        if report.meta.generated_sections.is_some() || records_decisions(report) {
            b.decisions(report);
        }
    }),
];

fn generator(name: &str) -> Option<Generate> {
    GENERATORS.iter().find(|(n, _)| *n == name).map(|(_, g)| *g)
}

/// The index of the section a generated section follows by default, if the report has one.
fn default_place(report: &Report, name: &str) -> Option<usize> {
    let kinds = crate::model::GENERATED_SECTIONS.iter().find(|(n, _)| *n == name)?.1;
    kinds.iter().find_map(|kind| report.sections.iter().position(|s| s.kind == *kind))
}

/// Whether a generated section without its default section goes first (the overviews) rather
/// than last.
fn default_at_start(name: &str) -> bool {
    crate::model::GENERATED_SECTIONS
        .iter()
        .find(|(n, _)| *n == name)
        .is_some_and(|(_, kinds)| kinds.contains(&SectionKind::Introduction))
}

/// Whether the report records the management's decisions: a meeting, or a decision on a
/// recommendation.
fn records_decisions(report: &Report) -> bool {
    report.meta.meeting.is_some()
        || report.recommendations().iter().any(|(_, r)| r.decision.is_some())
}

/// The approval details of `report.yaml`, when it gives any.
fn approval(report: &Report) -> Option<ApprovalView> {
    let meta = &report.meta;
    let language = meta.language;
    let meeting_date = meta.meeting.as_ref().and_then(|m| m.date);
    if meta.approved_by.is_none()
        && meta.approved_on.is_none()
        && meta.registration_number.is_none()
        && meeting_date.is_none()
    {
        return None;
    }
    let approved_on = meta.approved_on.map(|d| date_text(language, d));
    let labels = i18n::labels(language);
    let meeting_text = meeting_date.map(|d| date_text(language, d));
    // A registration number ("KFF 2024/123") is never broken over two lines.
    let registration_number = meta.registration_number.as_ref().map(|n| n.replace(' ', "\u{a0}"));
    let rows = [
        (labels.meeting_date, meeting_text.clone()),
        (labels.approved_by, meta.approved_by.clone()),
        (labels.approved_on, approved_on.clone()),
        (labels.registration_number, registration_number.clone()),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some(ApprovalRow { label: label.to_string(), value: value? }))
    .collect();
    // In the sentence: the date written out, a role in lower case, the registration number
    // never broken.
    let mut roles: Vec<&str> = meta.author_role.as_deref().into_iter().collect();
    if let Some(meeting) = &meta.meeting {
        roles.extend(meeting.attendees.iter().filter_map(|a| a.role.as_deref()));
    }
    let by = meta.approved_by.as_deref().map(|by| i18n::role_mid_sentence(language, by, &roles));
    let on = meta.approved_on.map(|d| {
        let day_known = d.1 == DatePrecision::Day;
        (i18n::date_in_prose(language, d.0, day_known), day_known)
    });
    Some(ApprovalView {
        rows,
        text: i18n::approval(
            language,
            by.as_deref(),
            on.as_ref().map(|(text, day)| (text.as_str(), *day)),
            registration_number.as_deref(),
        ),
        approved_by: meta.approved_by.clone(),
        approved_on,
        approved_on_datetime: meta.approved_on.map(|d| d.to_string()),
        registration_number,
        meeting_date: meeting_text,
    })
}

/// A date as the report shows it: as written when the day is known, else the month by name,
/// e.g. "december 2022", so the first of the month is never shown as if it were the day.
fn date_text(language: Language, date: impl Into<ReportDate>) -> String {
    let date: ReportDate = date.into();
    match date.1 {
        DatePrecision::Day => date.to_string(),
        DatePrecision::Month => format!(
            "{} {}",
            i18n::month_name(language, chrono::Datelike::month(&date.0)),
            chrono::Datelike::year(&date.0)
        ),
    }
}

/// The marking of a full edition that holds confidential items, if it holds any.
fn classification(report: &Report, masked: &[MaskedPhrase]) -> Option<String> {
    let mut internal = report.internal();
    internal.retain(|i| i.kind != LeftOutKind::EmptiedSection);
    // Masked phrases count as confidential items too, with their provisions.
    if internal.is_empty() && masked.is_empty() {
        return None;
    }
    let named = internal.iter().map(|i| i.sekretess.as_deref());
    let named: Vec<Option<&str>> =
        named.chain(masked.iter().map(|m| m.provision.as_deref())).collect();
    let mut provisions: Vec<String> = Vec::new();
    for provision in named.iter().flatten() {
        let provision = provision.trim();
        if !provisions.iter().any(|p| p == provision) {
            provisions.push(provision.to_string());
        }
    }
    let unnamed = named.iter().any(|p| p.is_none_or(|p| p.trim().is_empty()));
    Some(i18n::classification(report.meta.language, &provisions, unnamed))
}

/// The legend: every status the report explains or uses, in the standard order.
fn legend(report: &Report) -> Vec<LegendEntry> {
    let language = report.meta.language;
    let used: Vec<Status> = report.status_rows().iter().map(|(_, row)| row.status.value).collect();
    Status::ALL
        .into_iter()
        .filter(|s| report.meta.status_legend.contains_key(s) || used.contains(s))
        .map(|status| LegendEntry {
            status: StatusView::new(language, status),
            text: match report.meta.status_legend.get(&status) {
                Some(text) => Markup::new(text, &report.images),
                None => Markup::text(i18n::default_legend(language, status)),
            },
        })
        .collect()
}

/// Flattens parts into numbered headings.
struct SectionBuilder<'a> {
    language: Language,
    /// The year under review and the report's date (the incident table's months).
    period: (i32, chrono::NaiveDate),
    context: ViewContext<'a>,
    /// The figures both editions state.
    figures: &'a Figures,
    /// The images the report's Markdown shows.
    images: &'a Images,
    /// The file stem of the section being built.
    section_name: String,
    /// Charts made so far, for unique ids.
    charts: usize,
    sections: Vec<SectionView>,
    counters: [usize; 3],
    appendices: usize,
    /// Whether the part being built is on landscape pages.
    landscape: bool,
}

impl SectionBuilder<'_> {
    fn markup(&self, markdown: &Markdown) -> Markup {
        Markup::new(markdown, self.images)
    }

    fn heading(&mut self, level: usize, title: &str, numbered: bool) -> usize {
        let number = if numbered {
            self.counters[level - 1] += 1;
            for deeper in &mut self.counters[level..] {
                *deeper = 0;
            }
            self.counters[..level].iter().map(usize::to_string).collect::<Vec<_>>().join(".")
        } else {
            String::new()
        };
        let anchor = format!("avsnitt-{}", self.sections.len() + 1);
        self.sections.push(SectionView {
            level,
            number,
            anchor,
            title: title.to_string(),
            blocks: Vec::new(),
            generated: false,
            landscape: self.landscape,
            landscape_start: false,
            landscape_end: false,
        });
        self.sections.len() - 1
    }

    fn part(&mut self, part: &Part, level: usize) {
        if let Some(emptied) = self.emptied(part) {
            let text = self.withheld_sentence(&emptied);
            // A subsection the public edition would leave empty is left out with its heading;
            // a section keeps its heading, its place in the review's structure.
            if emptied.kind == EmptiedKind::Part
                && let Some(last) = self.sections.last_mut()
            {
                last.blocks.push(BlockView::Withheld { text });
                return;
            }
            let index = self.heading(level, &part.title, true);
            self.sections[index].blocks.push(BlockView::Withheld { text });
            return;
        }
        let outer = self.landscape;
        self.landscape |= part.landscape;
        let index = self.heading(level, &part.title, true);
        self.blocks(index, &part.content, level);
        for sub in &part.parts {
            self.part(sub, level + 1);
        }
        self.landscape = outer;
    }

    /// Whether the public edition leaves `part` empty (never in the full edition).
    fn emptied(&self, part: &Part) -> Option<Emptied> {
        self.context.public?;
        self.figures.emptied_part(&self.section_name, &part.title).cloned()
    }

    /// "Ett avsnitt här omfattas av sekretess enligt … och redovisas inte i den här versionen."
    fn withheld_sentence(&self, emptied: &Emptied) -> String {
        i18n::withheld_part(self.language, emptied.kind, emptied.sekretess.as_deref())
    }

    fn blocks(&mut self, index: usize, blocks: &[Block], level: usize) {
        for (at, block) in blocks.iter().enumerate() {
            if self.context.public.is_some()
                && let Some(emptied) = self
                    .figures
                    .emptied_at(
                        &self.section_name,
                        block.line,
                        &[EmptiedKind::Table, EmptiedKind::Recommendations],
                    )
                    .cloned()
            {
                let text = self.withheld_sentence(&emptied);
                self.sections[index].blocks.push(BlockView::Withheld { text });
                continue;
            }
            let view = match &block.kind {
                BlockKind::Text(markdown) => BlockView::Text {
                    markup: self.markup(markdown),
                    leads_in: leads_in(markdown, blocks.get(at + 1)),
                    intern: self.intern(block.intern, block.sekretess.as_deref()),
                },
                BlockKind::Table(table) => BlockView::Table(self.table(table)),
                BlockKind::Recommendations(recommendations) => BlockView::Recommendations {
                    items: recommendations
                        .iter()
                        .map(|r| RecommendationView {
                            id: r.id.value.clone(),
                            number: r.number,
                            text: self.markup(&r.text),
                            how: r.how.as_ref().map(|m| self.markup(m)),
                            who: r.who.as_ref().map(|m| self.markup(m)),
                            priority: r.priority.as_ref().map(|p| PriorityView {
                                slug: p.value.slug(),
                                word: i18n::priority_word(self.language, p.value),
                            }),
                            long: r.text.text.len() > 1500,
                            intern: self.intern(r.intern, r.sekretess.as_deref()),
                        })
                        .collect(),
                },
                BlockKind::Incidents(incidents) => self.incidents(incidents, block.line),
                BlockKind::GapAnalysis(gap) => self.gap_analysis(gap),
                BlockKind::Appendices(appendices) => {
                    let labels = i18n::labels(self.language);
                    let first = self.appendices;
                    let items = appendices
                        .iter()
                        .enumerate()
                        .map(|(i, a)| AppendixRef {
                            number: first + i + 1,
                            title: a.title.clone(),
                            anchor: format!("bilaga-{}", first + i + 1),
                        })
                        .collect::<Vec<_>>();
                    self.sections[index].blocks.push(BlockView::AppendixList { items });
                    for appendix in appendices {
                        self.appendices += 1;
                        let title =
                            format!("{} {}. {}", labels.appendix, self.appendices, appendix.title);
                        let sub = self.heading((level + 1).min(3), &title, false);
                        self.sections[sub].anchor = format!("bilaga-{}", self.appendices);
                        if appendix.content.is_empty() {
                            self.sections[sub]
                                .blocks
                                .push(BlockView::Placeholder { text: labels.appendix_placeholder });
                        } else {
                            self.blocks(sub, &appendix.content, (level + 1).min(3));
                        }
                    }
                    continue;
                }
            };
            self.sections[index].blocks.push(view);
        }
    }

    fn table(&self, table: &crate::model::StatusTable) -> TableView {
        let language = self.language;
        let columns = table.columns.value.clone();
        // Per column: the longest text and the longest word, to share the width sensibly.
        let mut measures = vec![(0usize, 0usize); columns.len() + 1];
        let mut measure = |i: usize, text: &str, extra: usize| {
            let m = &mut measures[i];
            m.0 = m.0.max(text.chars().count().min(400) + extra);
            m.1 = m.1.max(text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0));
        };
        for (i, heading) in columns.iter().enumerate() {
            measure(i, heading, 0);
        }
        for row in &table.rows {
            for (i, cell) in row.cells.value.iter().enumerate().take(columns.len()) {
                measure(i, &cell.text, 0);
            }
            let status = row.status_text.as_ref().map_or("", |t| t.text.as_str());
            measure(columns.len(), status, 12);
        }
        let texts = table.rows.iter().flat_map(|row| {
            row.cells
                .value
                .iter()
                .map(|c| c.text.as_str())
                .chain(row.status_text.iter().map(|t| t.text.as_str()))
        });
        TableView {
            keep_whole: keeps_whole(table.rows.len(), texts),
            status_column: table
                .status_column
                .clone()
                .unwrap_or_else(|| i18n::labels(language).status.to_string()),
            widths: column_widths(&measures),
            columns,
            rows: table
                .rows
                .iter()
                .map(|row| RowView {
                    id: row.id.value.clone(),
                    cells: row.cells.value.iter().map(|m| self.markup(m)).collect(),
                    status: StatusView::new(language, row.status.value),
                    status_text: row.status_text.as_ref().map(|m| self.markup(m)),
                    change: self.change(row),
                    intern: self.intern(row.intern, row.sekretess.as_deref()),
                    owner_due: i18n::owner_due(
                        language,
                        row.owner.as_deref(),
                        row.due.map(|d| date_text(language, d)).as_deref(),
                    ),
                    overdue: row.is_overdue(self.period.1).then(|| {
                        let (symbol, word, slug) = i18n::overdue_marker(language);
                        MarkerView { slug, symbol, word, detail: None }
                    }),
                })
                .collect(),
        }
    }

    /// The "Intern" marker, for a confidential item in the full edition.
    fn intern(&self, intern: bool, sekretess: Option<&str>) -> Option<MarkerView> {
        (intern || sekretess.is_some()).then(|| MarkerView {
            slug: "intern",
            symbol: "◆",
            word: i18n::labels(self.language).intern,
            detail: sekretess.map(str::to_string),
        })
    }

    /// The generated section "Statusöversikt", when the report has status rows.
    fn status_overview(&mut self) {
        let per_section = &self.figures.status;
        if per_section.is_empty() {
            return;
        }
        let labels = i18n::labels(self.language);
        let index = self.heading(1, labels.status_overview, true);
        self.sections[index].generated = true;
        let chart = chart::status_chart(
            "statusoversikt",
            labels.status_overview_caption,
            self.language,
            per_section,
        );
        let mut rows: Vec<CountRow> =
            per_section.iter().map(|(label, c)| count_row(label, c)).collect();
        let mut totals = [0usize; 4];
        for (_, counts) in per_section {
            for (t, c) in totals.iter_mut().zip(counts) {
                *t += c;
            }
        }
        rows.push(count_row(labels.total, &totals));
        let statuses = Status::ALL.iter().map(|s| StatusView::new(self.language, *s)).collect();
        let withheld = i18n::confidential_rows(
            self.language,
            self.figures.confidential_rows,
            totals.iter().sum(),
            self.context.public.is_some(),
        );
        self.sections[index].blocks.push(BlockView::StatusOverview {
            rows,
            statuses,
            chart,
            withheld,
        });
    }

    /// The generated section "Beslut": the meeting, who attended, and the decision on each
    /// recommendation.
    fn decisions(&mut self, report: &Report) {
        let language = self.language;
        let labels = i18n::labels(language);
        let mut rows = Vec::new();
        for placed in report.placed_recommendations() {
            let (rec, internal, sekretess) =
                (placed.recommendation, placed.internal, placed.sekretess);
            rows.push(DecisionRowView {
                number: rec.number,
                id: rec.id.value.clone(),
                text: short_text(&rec.text, 16),
                decision: rec.decision.as_ref().map(|d| PriorityView {
                    slug: d.value.slug(),
                    word: i18n::decision_word(language, d.value),
                }),
                note: rec.decision_note.as_ref().map(|m| self.markup(m)),
                owner: rec.owner.clone(),
                due: rec.due.map(|d| date_text(language, d)),
                due_datetime: rec.due.map(|d| d.to_string()),
                intern: self.intern(internal, sekretess),
            });
        }
        let meeting = report.meta.meeting.as_ref();
        if rows.is_empty() && meeting.is_none() {
            return;
        }
        let date = meeting.and_then(|m| m.date);
        let view = DecisionsView {
            meeting_date: date.map(|d| date_text(language, d)),
            meeting_datetime: date.map(|d| d.to_string()),
            attendees: meeting
                .map(|m| {
                    m.attendees
                        .iter()
                        .map(|a| AttendeeView { name: a.name.clone(), role: a.role.clone() })
                        .collect()
                })
                .unwrap_or_default(),
            rows,
        };
        let index = self.heading(1, labels.decisions_heading, true);
        self.sections[index].generated = true;
        self.sections[index].blocks.push(BlockView::Decisions(view));
    }
}

/// Marks where each run of landscape headings starts and ends, for the templates to open and
/// close one landscape page run around it.
fn mark_landscape_runs(sections: &mut [SectionView]) {
    for i in 0..sections.len() {
        let previous = i > 0 && sections[i - 1].landscape;
        let next = sections.get(i + 1).is_some_and(|s| s.landscape);
        let section = &mut sections[i];
        section.landscape_start = section.landscape && !previous;
        section.landscape_end = section.landscape && !next;
    }
}

/// The first `n` words of Markdown text as plain text, with "…" when there are more.
fn short_text(markdown: &Markdown, n: usize) -> String {
    let text = diff::plain_text(markdown);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
    if words.len() > n {
        out.push_str(" …");
    }
    out
}

fn count_row(label: &str, counts: &[usize; 4]) -> CountRow {
    CountRow { label: label.to_string(), counts: counts.to_vec(), total: counts.iter().sum() }
}

/// Relative column widths from each column's (longest text, longest word): short columns (a role
/// name, a month) stay narrow, long ones share the rest, and no column is narrower than its
/// longest word needs.
fn column_widths(measures: &[(usize, usize)]) -> Vec<f64> {
    measures
        .iter()
        .map(|&(len, word)| (len.max(8) as f64).sqrt().max(word as f64 * 0.7).clamp(3.0, 20.0))
        .collect()
}

/// Most rows, and most characters of text in all, of a table kept on one page: a table this
/// short is never split into a row at one page's foot and the rest overleaf, and cannot be
/// taller than a page (600 characters in the narrowest column are some 40 lines).
const WHOLE_TABLE_ROWS: usize = 4;
const WHOLE_TABLE_CHARACTERS: usize = 600;

/// Whether a table of `rows` rows holding `texts` is short enough to keep on one page.
pub(crate) fn keeps_whole<'a>(rows: usize, texts: impl IntoIterator<Item = &'a str>) -> bool {
    rows <= WHOLE_TABLE_ROWS
        && texts.into_iter().map(|t| t.chars().count()).sum::<usize>() <= WHOLE_TABLE_CHARACTERS
}

/// Most words of a text that introduces the table or chart after it, and so is kept on its page.
const INTRODUCTION_WORDS: usize = 60;

/// Whether a text is kept on the page of what follows it: it ends in a colon, or it is a short
/// text just before a table, a chart or an incident list, which it introduces.
fn leads_in(markdown: &Markdown, next: Option<&Block>) -> bool {
    if markdown.text.trim_end().ends_with(':') {
        return true;
    }
    let introduces = next.is_some_and(|next| {
        matches!(
            next.kind,
            BlockKind::Table(_) | BlockKind::GapAnalysis(_) | BlockKind::Incidents(_)
        )
    });
    introduces && crate::model::plain_words(&markdown.text).split(' ').count() <= INTRODUCTION_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_short_table_is_kept_on_one_page() {
        assert!(keeps_whole(3, ["Driftstörning", "Lärplattformen låg nere första skoldagen."]));
        assert!(!keeps_whole(5, ["a"; 5]), "five rows may break");
        let long = "ord ".repeat(200);
        assert!(!keeps_whole(2, [long.as_str()]), "a table that could outgrow a page may break");
    }

    #[test]
    fn every_generated_section_has_a_builder() {
        for (name, _) in crate::model::GENERATED_SECTIONS {
            assert!(generator(name).is_some(), "no builder for `{name}`");
        }
        assert_eq!(GENERATORS.len(), crate::model::GENERATED_SECTIONS.len());
    }

    #[test]
    fn a_long_word_widens_a_short_column() {
        let widths = column_widths(&[(30, 24), (30, 5)]);
        assert!(widths[0] > 2.0 * widths[1], "{widths:?}");
    }

    #[test]
    fn short_columns_are_narrower_than_long_ones() {
        let widths = column_widths(&[(10, 5), (300, 12), (100, 12)]);
        assert!(widths[0] < widths[1]);
        assert!(widths[2] < widths[1]);
    }
}
