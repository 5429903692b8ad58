//! Where the slides find what they show in the report's view: the blocks under each heading,
//! and the section numbers the slides point to for the rest.

use super::super::text::first_sentence;
use super::super::{BlockView, PriorityView, SectionView, StatusView, date_text};
use super::types::{ChangesSlide, ComplianceSlide, DecisionSlide, Figure, OpenLine, slide_words};
use super::{DETAIL_WORDS, PROPOSAL_WORDS, STATUS_WORDS, counts_sentence, plain};
use crate::i18n;
use crate::model::{Language, Report, SectionKind, Status};

/// The report's headings, to find blocks and section numbers in.
pub(super) struct Sections<'a>(pub(super) &'a [SectionView]);

impl<'a> Sections<'a> {
    /// The number of the top-level section titled `title`.
    pub(super) fn number_of(&self, title: &str) -> Option<String> {
        self.0
            .iter()
            .find(|s| s.level == 1 && s.title == title && !s.number.is_empty())
            .map(|s| s.number.clone())
    }

    /// Every block with the heading it is under.
    fn blocks(&self) -> impl Iterator<Item = (&'a SectionView, &'a BlockView)> + '_ {
        self.0.iter().flat_map(|s| s.blocks.iter().map(move |b| (s, b)))
    }

    /// The number of the heading the row `id` is under.
    pub(super) fn number_of_row(&self, id: &str) -> Option<String> {
        self.blocks().find_map(|(s, b)| match b {
            BlockView::Table(t) if t.rows.iter().any(|r| r.id == id) => Some(s.number.clone()),
            _ => None,
        })
    }

    /// The number of the recommendation `id`.
    pub(super) fn recommendation_number(&self, id: &str) -> Option<usize> {
        self.blocks().find_map(|(_, b)| match b {
            BlockView::Recommendations { items } => {
                items.iter().find(|r| r.id == id).map(|r| r.number)
            }
            _ => None,
        })
    }

    pub(super) fn overview(&self, language: Language) -> Option<Figure<'a>> {
        self.blocks().find_map(|(s, b)| match b {
            BlockView::StatusOverview { rows, chart, withheld, .. } => {
                // The last row is the total; the public edition's says it counts the
                // confidential rows too, as the report's does.
                let totals = rows.last().and_then(|r| <[usize; 4]>::try_from(&r.counts[..]).ok());
                let summary = totals.map(|totals| {
                    let sentence = counts_sentence(language, &totals);
                    match withheld {
                        Some(withheld) => format!("{sentence} {withheld}"),
                        None => sentence,
                    }
                });
                Some(Figure { heading: s.title.clone(), summary, chart })
            }
            _ => None,
        })
    }

    pub(super) fn changes(&self) -> Option<ChangesSlide> {
        self.blocks().find_map(|(s, b)| match b {
            BlockView::Changes(c) => Some(ChangesSlide {
                heading: s.title.clone(),
                summary: c.summary.clone(),
                counts: c
                    .counts
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(m, n)| (m.clone(), *n))
                    .collect(),
                regressions: c
                    .regressions
                    .iter()
                    .take(4)
                    .map(|(label, change)| (first_sentence(label, 8).0, change.clone()))
                    .collect(),
            }),
            _ => None,
        })
    }

    pub(super) fn incidents(&self) -> Vec<Figure<'a>> {
        self.blocks()
            .filter_map(|(_, b)| match b {
                BlockView::Incidents(i) => Some(i),
                _ => None,
            })
            .flat_map(|i| {
                [(&i.category_chart, Some(i.summary.clone())), (&i.month_chart, None)]
                    .into_iter()
                    .filter(|(chart, _)| chart.bars.iter().any(|b| b.total > 0))
                    .map(|(chart, summary)| Figure {
                        heading: chart.caption.clone(),
                        summary,
                        chart,
                    })
            })
            .collect()
    }

    pub(super) fn compliance(&self, report: &Report) -> Option<ComplianceSlide<'a>> {
        let language = report.meta.language;
        let gap = self.blocks().find_map(|(_, b)| match b {
            BlockView::GapAnalysis(g) => Some(&g.chart),
            _ => None,
        });
        let section = report.sections.iter().find(|s| s.kind == SectionKind::Compliance);
        let counts = section.and_then(|section| {
            self.blocks().find_map(|(_, b)| match b {
                BlockView::StatusOverview { rows, .. } => {
                    rows.iter().find(|r| r.label == section.part.title)
                }
                _ => None,
            })
        });
        if gap.is_none() && counts.is_none() {
            return None;
        }
        let heading = match section {
            Some(s) => match self.number_of(&s.part.title) {
                Some(number) => format!("{number} {}", s.part.title),
                None => s.part.title.clone(),
            },
            None => slide_words(language).compliance.to_string(),
        };
        let tiles = counts
            .map(|row| {
                Status::ALL
                    .iter()
                    .zip(&row.counts)
                    .filter(|(_, n)| **n > 0)
                    .map(|(s, n)| (StatusView::new(language, *s), *n))
                    .collect()
            })
            .unwrap_or_default();
        let summary = counts
            .and_then(|row| <[usize; 4]>::try_from(row.counts.as_slice()).ok())
            .map(|counts| counts_sentence(language, &counts))
            .unwrap_or_default();
        Some(ComplianceSlide { heading, tiles, summary, gap })
    }

    /// The red and yellow rows: red first, then those past their deadline, then those that got
    /// worse, each group in document order.
    pub(super) fn open_rows(&self) -> Vec<OpenLine> {
        let mut open: Vec<(u8, OpenLine)> = Vec::new();
        for (section, block) in self.blocks() {
            let BlockView::Table(table) = block else { continue };
            for row in &table.rows {
                if !matches!(row.status.slug, "red" | "yellow") {
                    continue;
                }
                let regressed = row.change.as_ref().filter(|c| c.slug == "regressed").map(|c| {
                    match &c.detail {
                        Some(detail) => format!("{} ({detail})", c.word),
                        None => c.word.to_string(),
                    }
                });
                let rank = match (row.status.slug, &row.overdue, &regressed) {
                    ("red", _, _) => 0,
                    (_, Some(_), _) => 1,
                    (_, _, Some(_)) => 2,
                    _ => 3,
                };
                let label = row.cells.first().map(plain).unwrap_or_default();
                let line = OpenLine {
                    label: first_sentence(&label, 8).0,
                    status: row.status.clone(),
                    text: row
                        .status_text
                        .as_ref()
                        .map(|t| first_sentence(&plain(t), STATUS_WORDS).0),
                    section: section.number.clone(),
                    overdue: row.overdue.as_ref().map(|m| m.word.to_string()),
                    regressed,
                };
                open.push((rank, line));
            }
        }
        open.sort_by_key(|(rank, _)| *rank);
        open.into_iter().map(|(_, line)| line).collect()
    }

    /// A slide per recommendation, with its decision from the report.
    pub(super) fn decisions(&self, report: &Report) -> Vec<DecisionSlide> {
        let language = report.meta.language;
        let placed = report.placed_recommendations();
        let mut slides = Vec::new();
        for (section, block) in self.blocks() {
            let BlockView::Recommendations { items } = block else { continue };
            for item in items {
                let rec = placed.iter().map(|p| p.recommendation).find(|r| r.id.value == item.id);
                let (text, cut_text) = first_sentence(&plain(&item.text), PROPOSAL_WORDS);
                let how = item.how.as_ref().map(|m| first_sentence(&plain(m), DETAIL_WORDS));
                let who = item.who.as_ref().map(|m| first_sentence(&plain(m), DETAIL_WORDS));
                let cut = cut_text
                    || how.as_ref().is_some_and(|h| h.1)
                    || who.as_ref().is_some_and(|w| w.1);
                slides.push(DecisionSlide {
                    number: item.number,
                    text,
                    how: how.map(|h| h.0),
                    who: who.map(|w| w.0),
                    priority: item.priority.as_ref().cloned(),
                    decision: rec.and_then(|r| r.decision.as_ref()).map(|d| PriorityView {
                        slug: d.value.slug(),
                        word: i18n::decision_word(language, d.value),
                    }),
                    owner: rec.and_then(|r| r.owner.clone()),
                    due: rec.and_then(|r| r.due).map(|d| date_text(language, d)),
                    more: cut.then(|| {
                        i18n::report_text(
                            language,
                            "report-slides-more-in-section",
                            &[("section", section.number.clone().into())],
                        )
                    }),
                    intern: item.intern.clone(),
                });
            }
        }
        slides
    }
}
