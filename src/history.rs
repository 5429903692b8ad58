//! One item's history across the years (`ledgen history ID`): the status rows and
//! recommendations with that id, and the items linked to them by `follows:` in either direction
//! (a recommendation, the rows that follow it up the next year, a recommendation that follows
//! an earlier one, and so on), year by year. Every text is plain words, stripped of control
//! characters; the command prints it.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Result, bail};

use crate::diagnostics::nearest;
use crate::diff::plain_text;
use crate::formats::terminal_safe;
use crate::i18n;
use crate::model::{Report, load_report, years};
use crate::view::shortened;

/// What `history` found.
#[derive(Debug)]
pub struct History {
    /// Each year under the content folder, oldest first.
    pub years: Vec<YearEntries>,
    /// Confidential entries left out (with `public`).
    pub withheld: usize,
}

/// One year's entries.
#[derive(Debug)]
pub struct YearEntries {
    /// The year.
    pub year: i32,
    /// Whether the year's report loads; when not, it has no entries.
    pub loads: bool,
    /// One line for each item of the history in that year.
    pub lines: Vec<String>,
}

/// The history of the item `id` under the content folder `content`; with `public`, confidential
/// entries are left out and counted. An id that no year holds is an error, with the nearest id
/// some year does hold as a hint.
pub fn history(content: &Path, id: &str, public: bool) -> Result<History> {
    crate::config::require_content_folder(content)?;
    let all_years = years(content);
    if all_years.is_empty() {
        bail!(crate::tr!("history-no-report", folder = content.display().to_string()));
    }
    let reports: Vec<(i32, Option<Report>)> = all_years
        .iter()
        .map(|&year| {
            let mut report = load_report(&content.join(year.to_string())).ok().map(|l| l.report);
            if public {
                report.iter_mut().for_each(|r| drop(crate::view::mask_phrases(r)));
            }
            (year, report)
        })
        .collect();
    let lineage = lineage(id, reports.iter().filter_map(|(_, r)| r.as_ref()));
    let mut history = History { years: Vec::new(), withheld: 0 };
    for (year, report) in &reports {
        let lines = match report {
            Some(report) => entries(report, (id, &lineage), public, &mut history.withheld),
            None => Vec::new(),
        };
        history.years.push(YearEntries { year: *year, loads: report.is_some(), lines });
    }
    if history.years.iter().all(|y| y.lines.is_empty()) && history.withheld == 0 {
        let known = known_ids(reports.iter().filter_map(|(_, r)| r.as_ref()));
        let hint = nearest(id, known.iter().map(String::as_str))
            .map(|near| {
                let near = crate::tr!("history-did-you-mean", id = terminal_safe(near));
                format!("\n{}: {near}", crate::tr!("note-hint"))
            })
            .unwrap_or_default();
        let folder = content.display().to_string();
        bail!(
            "{}{hint}",
            crate::tr!("history-no-such-id", id = terminal_safe(id), folder = folder)
        );
    }
    Ok(history)
}

/// The ids linked to `id` by `follows:`, in either direction, through any number of years.
fn lineage<'a>(id: &str, reports: impl Iterator<Item = &'a Report> + Clone) -> BTreeSet<String> {
    // Every link, as (item, the item it follows).
    let mut links: Vec<(&str, &str)> = Vec::new();
    for report in reports {
        for placed in report.placed_rows() {
            if let Some(follows) = &placed.row.follows {
                links.push((&placed.row.id.value, &follows.value));
            }
        }
        for placed in report.placed_recommendations() {
            if let Some(follows) = &placed.recommendation.follows {
                links.push((&placed.recommendation.id.value, &follows.value));
            }
        }
    }
    let mut lineage = BTreeSet::from([id.to_string()]);
    loop {
        let before = lineage.len();
        for (item, follows) in &links {
            if lineage.contains(*item) || lineage.contains(*follows) {
                lineage.insert((*item).to_string());
                lineage.insert((*follows).to_string());
            }
        }
        if lineage.len() == before {
            return lineage;
        }
    }
}

/// Every row's and recommendation's id, in any year.
fn known_ids<'a>(reports: impl Iterator<Item = &'a Report>) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for report in reports {
        ids.extend(report.placed_rows().iter().map(|p| p.row.id.value.clone()));
        ids.extend(
            report.placed_recommendations().iter().map(|p| p.recommendation.id.value.clone()),
        );
    }
    ids
}

/// The lines of one year's report for the items of `lineage`, the item `asked` and those linked
/// to it (which are named by their ids).
fn entries(
    report: &Report,
    (asked, lineage): (&str, &BTreeSet<String>),
    public: bool,
    withheld: &mut usize,
) -> Vec<String> {
    let language = report.meta.language;
    let labels = i18n::labels(language);
    let mark = |internal: bool, provision: Option<&str>| match (internal, provision) {
        (false, _) => String::new(),
        (true, None) => format!(" [{}]", labels.intern),
        (true, Some(p)) => format!(" [{}, {}]", labels.intern, terminal_safe(p)),
    };
    let mut lines = Vec::new();
    for placed in report.placed_rows().iter().filter(|p| lineage.contains(&p.row.id.value)) {
        if placed.internal && public {
            *withheld += 1;
            continue;
        }
        let row = placed.row;
        let via = match row.follows.as_ref().filter(|f| lineage.contains(&f.value)) {
            Some(_) => {
                format!(" ({})", i18n::history_follow_up(language, &terminal_safe(&row.id.value)))
            }
            None => String::new(),
        };
        let overdue = if row.is_overdue(report.meta.date.value.0) {
            let (symbol, word, _) = i18n::overdue_marker(language);
            let due = row
                .due
                .map(|d| format!(", {}", i18n::due_by(language, &d.to_string())))
                .unwrap_or_default();
            format!(" {symbol} {word}{due}")
        } else {
            String::new()
        };
        let text = row.status_text.as_ref().map(plain_text).unwrap_or_default();
        let text = if text.is_empty() {
            String::new()
        } else {
            format!(" – {}", shortened(&terminal_safe(&text), 70))
        };
        lines.push(format!(
            "{} {}{via}{overdue}{}{text}",
            i18n::status_symbol(row.status.value),
            i18n::status_word(language, row.status.value),
            mark(placed.internal, placed.sekretess),
        ));
    }
    for placed in report.placed_recommendations() {
        let rec = placed.recommendation;
        if !lineage.contains(&rec.id.value) {
            continue;
        }
        if placed.internal && public {
            *withheld += 1;
            continue;
        }
        let owner_due = i18n::owner_due(
            language,
            rec.owner.as_deref().map(terminal_safe).as_deref(),
            rec.due.map(|d| d.to_string()).as_deref(),
        );
        let what = i18n::history_recommendation(
            language,
            rec.priority.as_ref().map(|p| p.value),
            rec.decision.as_ref().map(|d| d.value),
            owner_due.as_deref(),
        );
        let id = match rec.id.value.as_str() {
            id if id == asked => String::new(),
            id => format!(" {}", terminal_safe(id)),
        };
        let text = shortened(&terminal_safe(&plain_text(&rec.text)), 70);
        lines.push(format!("{what}{id}{}: {text}", mark(placed.internal, placed.sekretess)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `<dir>/<year>/` with a recommendations section and, if given, a table of rows.
    fn year(dir: &Path, year: i32, recommendations: &str, rows: &str) {
        let folder = dir.join(year.to_string());
        std::fs::create_dir_all(&folder).unwrap();
        let meta = format!(
            "organisation: Test\ntitle: Ledningens genomgång\nyear: {year}\ndate: {year}-09-01\n\
             author: Test\nsections:\n  - recommendations\n  - follow-ups\n"
        );
        std::fs::write(folder.join("report.yaml"), meta).unwrap();
        let recs =
            format!("title: Rekommendationer\ncontent:\n  - recommendations:\n{recommendations}");
        std::fs::write(folder.join("recommendations.yaml"), recs).unwrap();
        let table = format!(
            "title: Uppföljning\ncontent:\n  - table:\n      columns: [Rekommendation]\n      rows:\n{rows}"
        );
        let table =
            if rows.is_empty() { "title: Uppföljning\ncontent: []\n".into() } else { table };
        std::fs::write(folder.join("follow-ups.yaml"), table).unwrap();
    }

    // Regression: `history rek-2022-02`, which follows `rek-2021-04`, printed "2021 –".
    #[test]
    fn follows_links_are_followed_both_ways() {
        let dir = tempfile::tempdir().unwrap();
        year(dir.path(), 2021, "      - id: rek-2021-04\n        text: Inför loggning.\n", "");
        year(
            dir.path(),
            2022,
            "      - id: rek-2022-02\n        text: Inför loggning av alla system.\n        \
             follows: rek-2021-04\n",
            "",
        );
        year(
            dir.path(),
            2023,
            "      - id: rek-2023-01\n        text: Något annat.\n",
            "        - id: uppf-rek-2022-02\n          cells: [Loggning]\n          status: gul\n          \
             follows: rek-2022-02\n",
        );
        for asked in ["rek-2021-04", "rek-2022-02", "uppf-rek-2022-02"] {
            let found = history(dir.path(), asked, false).unwrap();
            let lines: Vec<usize> = found.years.iter().map(|y| y.lines.len()).collect();
            assert_eq!(lines, [1, 1, 1], "{asked}: {found:?}");
            assert!(found.years[2].lines[0].contains("uppf-rek-2022-02"), "{found:?}");
        }
        let from_2022 = history(dir.path(), "rek-2022-02", false).unwrap();
        assert!(from_2022.years[0].lines[0].contains("rek-2021-04"), "{from_2022:?}");
        assert!(
            !from_2022.years[1].lines[0].contains("rek-2022-02"),
            "the asked id is not repeated"
        );
    }

    #[test]
    fn a_misspelt_id_gets_the_nearest_one_as_a_hint() {
        use crate::locale::{UiLanguage, in_language};
        let dir = tempfile::tempdir().unwrap();
        year(dir.path(), 2022, "      - id: rek-2022-02\n        text: Inför loggning.\n", "");
        let error = |language| {
            in_language(language, || history(dir.path(), "rek-2022-2", false).unwrap_err())
                .to_string()
        };
        let folder = dir.path().display();
        assert_eq!(
            error(UiLanguage::En),
            format!(
                "no row or recommendation with id `rek-2022-2` in any year under `{folder}`\n\
                 hint: did you mean `rek-2022-02`?"
            )
        );
        assert_eq!(
            error(UiLanguage::Sv),
            format!(
                "ingen rad eller rekommendation med id `rek-2022-2` något år under `{folder}`\n\
                 tips: menade du `rek-2022-02`?"
            )
        );
    }

    #[test]
    fn a_folder_without_reports_is_said_in_either_language() {
        use crate::locale::{UiLanguage, in_language};
        let dir = tempfile::tempdir().unwrap();
        let error = |language| {
            in_language(language, || history(dir.path(), "rek-1", false).unwrap_err()).to_string()
        };
        let folder = dir.path().display();
        assert_eq!(error(UiLanguage::En), format!("no report under `{folder}`"));
        assert_eq!(error(UiLanguage::Sv), format!("ingen rapport under `{folder}`"));
    }
}
