//! View stage: the data appendices (incidents, GAP analysis) and the 9.3.2 coverage table.

use super::*;
use crate::model::{Markdown, Section};

/// Each 9.3.2 input with the titles of the sections that address it: those that claim it (by
/// `covers:` or by their kind) and have content of their own. A section that claims it but holds
/// only placeholder texts from `ledgen init` or empty tables does not address it.
pub fn coverage(report: &Report) -> Vec<(ReviewInput, Vec<String>)> {
    claimed_coverage(report).into_iter().map(|c| (c.input, c.addressed)).collect()
}

/// One 9.3.2 input: the sections that address it, and those that claim it without content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// The input.
    pub input: ReviewInput,
    /// The titles of the sections that claim it and have content of their own.
    pub addressed: Vec<String>,
    /// The titles of the sections that claim it but have no content of their own yet.
    pub claimed_only: Vec<String>,
}

/// Each 9.3.2 input, with the sections that address it and those that only claim it.
pub fn claimed_coverage(report: &Report) -> Vec<Coverage> {
    ReviewInput::ALL
        .into_iter()
        .map(|input| {
            let (addressed, claimed_only): (Vec<&Section>, Vec<&Section>) = report
                .sections
                .iter()
                .filter(|s| s.inputs().contains(&input))
                .partition(|s| has_content(s));
            let titles = |list: Vec<&Section>| list.iter().map(|s| s.part.title.clone()).collect();
            Coverage { input, addressed: titles(addressed), claimed_only: titles(claimed_only) }
        })
        .collect()
}

/// Whether a section says anything of its own: a text, a status row or a recommendation that
/// is not a placeholder from `ledgen init`, an appendix, an incident or a GAP analysis.
pub fn has_content(section: &Section) -> bool {
    let placeholder = crate::model::PLACEHOLDER_MARK.trim_matches('*');
    let written = |markdown: &Markdown| {
        !markdown.text.trim().is_empty() && !markdown.text.contains(placeholder)
    };
    section.blocks().iter().any(|placed| match &placed.block.kind {
        BlockKind::Text(markdown) => written(markdown),
        BlockKind::Table(table) => table.rows.iter().any(|r| r.cells.value.iter().any(written)),
        BlockKind::Recommendations(list) => list.iter().any(|r| written(&r.text)),
        BlockKind::Appendices(list) => !list.is_empty(),
        BlockKind::Incidents(incidents) => {
            !incidents.records.is_empty() || incidents.from.is_some()
        }
        BlockKind::GapAnalysis(_) => true,
    })
}

impl SectionBuilder<'_> {
    /// The generated table of 9.3.2 inputs, when the report asks for it.
    pub(super) fn coverage(&mut self, report: &Report) {
        let labels = i18n::labels(self.language);
        let index = self.heading(1, labels.coverage, true);
        self.sections[index].generated = true;
        let rows = coverage(report)
            .into_iter()
            .map(|(input, sections)| CoverageRow {
                letter: input.letter(),
                description: input.description(),
                sections,
            })
            .collect();
        self.sections[index].blocks.push(BlockView::Coverage { rows });
    }

    pub(super) fn incidents(&mut self, incidents: &Incidents, line: usize) -> BlockView {
        let labels = i18n::labels(self.language);
        let n = self.charts;
        self.charts += 1;
        let figures = match self.figures.incidents(&self.section_name, line) {
            Some(figures) => figures.clone(),
            None => {
                IncidentFigures::of(incidents, |r| r.intern || r.sekretess.is_some(), self.period)
            }
        };
        // Confidential incidents are counted, in a row of their own: their category and month
        // are not shown.
        let withheld = (figures.confidential > 0)
            .then(|| (labels.confidential_count.to_string(), figures.confidential));
        let per_category: Vec<(String, usize)> =
            figures.per_category.iter().cloned().chain(withheld.clone()).collect();
        let per_month: Vec<(String, usize)> = figures
            .per_month
            .iter()
            .map(|((y, m), n)| (format!("{} {y}", i18n::month_name(self.language, *m)), *n))
            .chain(withheld)
            .collect();
        let yes_no = |b: bool| if b { labels.yes } else { labels.no };
        let mut records: Vec<&Incident> = incidents.records.iter().collect();
        records.sort_by_key(|r| r.date.value.0);
        let longest = records
            .iter()
            .flat_map(|r| r.category.value.split_whitespace())
            .chain([labels.category])
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        let texts = records.iter().flat_map(|r| {
            [Some(&r.description), r.consequence.as_ref(), r.actions.as_ref()]
                .into_iter()
                .flatten()
                .map(|m| m.text.as_str())
                .chain([r.category.value.as_str()])
        });
        let records_whole = super::keeps_whole(records.len(), texts);
        BlockView::Incidents(IncidentsView {
            records_whole,
            category_width: format!("{:.1}em", longest.clamp(6, 16) as f64 * 0.56 + 0.9),
            category_hyphenate: longest > 16,
            summary: i18n::incidents_summary(
                self.language,
                figures.total,
                figures.confidential,
                figures.personal,
                figures.reported_to_imy,
            ),
            category_chart: chart::count_chart(
                &format!("incidenter-kategori-{n}"),
                labels.incidents_per_category,
                &per_category,
            ),
            month_chart: chart::count_chart(
                &format!("incidenter-manad-{n}"),
                labels.incidents_per_month,
                &per_month,
            ),
            per_category,
            per_month,
            records: records
                .into_iter()
                .map(|r| IncidentView {
                    id: r.id.value.clone(),
                    date: r.date.value.to_string(),
                    category: r.category.value.clone(),
                    description: self.markup(&r.description),
                    consequence: r.consequence.as_ref().map(|m| self.markup(m)),
                    actions: r.actions.as_ref().map(|m| self.markup(m)),
                    personal_data: yes_no(r.personal_data),
                    reported_to_imy: yes_no(r.reported_to_imy),
                    intern: self.intern(r.intern, r.sekretess.as_deref()),
                })
                .collect(),
        })
    }

    pub(super) fn gap_analysis(&mut self, gap: &GapAnalysis) -> BlockView {
        let labels = i18n::labels(self.language);
        let n = self.charts;
        self.charts += 1;
        let groups: Vec<(String, [usize; 4])> = stats::gap_per_group(gap)
            .into_iter()
            .map(|(id, title, counts)| {
                let label = if id == "A" { title.to_string() } else { format!("{id} {title}") };
                (label, counts)
            })
            .collect();
        let chart =
            chart::status_chart(&format!("gap-{n}"), labels.gap_caption, self.language, &groups);
        let requirements = stats::gap_requirements(gap)
            .into_iter()
            .map(|(r, status)| {
                let entry = gap.requirements.iter().find(|e| e.clause.value.trim() == r.id);
                GapRowView {
                    clause: r.id,
                    title: r.title,
                    status: StatusView::new(self.language, status),
                    current_state: entry
                        .and_then(|e| e.current_state.as_ref())
                        .map(|m| self.markup(m)),
                    comment: entry.and_then(|e| e.comment.as_ref()).map(|m| self.markup(m)),
                    action: entry.and_then(|e| e.action.as_ref()).map(|m| self.markup(m)),
                }
            })
            .collect();
        BlockView::GapAnalysis(GapView {
            groups: groups.iter().map(|(label, c)| count_row(label, c)).collect(),
            statuses: Status::ALL.iter().map(|s| StatusView::new(self.language, *s)).collect(),
            chart,
            requirements,
        })
    }
}
