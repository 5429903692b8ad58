//! View stage: horizontal bar charts as geometry both templates can draw — Typst with rectangles
//! of relative width, HTML as inline SVG — plus the text alternative every chart carries.

use serde::Serialize;

use super::PALETTE;
use super::stats::StatusCounts;
use crate::i18n;
use crate::model::{Language, Status};

/// Width of an SVG chart's bar area, in SVG units. Labels stand above their bars, so the
/// drawing stays narrow enough to read on a phone.
const LABEL_WIDTH: f64 = 0.0;
const BAR_WIDTH: f64 = 320.0;
/// Height of a label line, a bar, and the gap below it, in SVG units.
const LABEL_HEIGHT: f64 = 15.0;
const ROW_HEIGHT: f64 = 18.0;
const ROW_GAP: f64 = 9.0;

/// A horizontal bar chart, stacked by status or with one series.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// Unique id, for `aria-labelledby`.
    pub id: String,
    /// The caption, shown under the chart.
    pub caption: String,
    /// The text alternative: what the chart shows, with every number.
    pub alt: String,
    /// The bars, top to bottom.
    pub bars: Vec<BarView>,
    /// The statuses in the legend (empty for a one-series chart).
    pub legend: Vec<LegendKey>,
    /// SVG width and height.
    pub width: f64,
    /// SVG height.
    pub height: f64,
    /// Where the bar area starts in the SVG.
    pub bar_x: f64,
}

/// One legend entry of a stacked chart.
#[derive(Debug, Serialize)]
pub struct LegendKey {
    /// Status slug, for the colour.
    pub slug: &'static str,
    /// Status word.
    pub word: &'static str,
    /// Status symbol.
    pub symbol: &'static str,
}

/// One bar.
#[derive(Debug, Serialize)]
pub struct BarView {
    /// The label left of the bar.
    pub label: String,
    /// The label cut to fit the SVG's label column.
    pub short_label: String,
    /// Sum of the segments.
    pub total: usize,
    /// Top of the bar in the SVG.
    pub y: f64,
    /// Baseline of the label text in the SVG.
    pub text_y: f64,
    /// Baseline of the numbers in and beside the bar.
    pub value_y: f64,
    /// Where the total is written, right of the bar, in the SVG.
    pub total_x: f64,
    /// The bar's pieces.
    pub segments: Vec<SegmentView>,
}

/// One piece of a bar.
#[derive(Debug, Serialize)]
pub struct SegmentView {
    /// Status slug, or `series` in a one-series chart.
    pub slug: &'static str,
    /// Its value.
    pub value: usize,
    /// Its width as a percentage of the bar area (0–100), for Typst.
    pub percent: f64,
    /// Its left edge and width in the SVG.
    pub x: f64,
    /// Its width in the SVG.
    pub width: f64,
    /// Centre of the segment, for its number.
    pub label_x: f64,
    /// Whether the segment is wide enough to carry its number.
    pub labelled: bool,
    /// The plain fill the number sits on (a patch over a striped segment).
    pub patch: &'static str,
    /// The patch's left edge in the SVG.
    pub patch_x: f64,
    /// The patch's width in the SVG, wide enough for the number.
    pub patch_width: f64,
    /// The number's colour, in contrast with `patch`.
    pub ink: &'static str,
}

/// A stacked chart of status counts per label.
pub fn status_chart(
    id: &str,
    caption: &str,
    language: Language,
    rows: &[(String, StatusCounts)],
) -> ChartView {
    let max = rows.iter().map(|(_, c)| c.iter().sum::<usize>()).max().unwrap_or(0).max(1);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, counts))| {
            let values: Vec<(&'static str, usize)> =
                Status::ALL.iter().zip(counts).map(|(s, n)| (s.slug(), *n)).collect();
            bar(i, label, &values, max)
        })
        .collect::<Vec<_>>();
    let alt_rows: Vec<String> = rows
        .iter()
        .map(|(label, counts)| {
            let parts: Vec<String> = Status::ALL
                .iter()
                .zip(counts)
                .map(|(s, n)| format!("{n} {}", i18n::status_word(language, *s).to_lowercase()))
                .collect();
            format!("{label}: {}", parts.join(", "))
        })
        .collect();
    let legend = Status::ALL
        .iter()
        .map(|s| LegendKey {
            slug: s.slug(),
            word: i18n::status_word(language, *s),
            symbol: i18n::status_symbol(*s),
        })
        .collect();
    chart(id, caption, &alt_rows, bars, legend)
}

/// A one-series chart of counts per label.
pub fn count_chart(id: &str, caption: &str, rows: &[(String, usize)]) -> ChartView {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, n))| bar(i, label, &[("series", *n)], max))
        .collect::<Vec<_>>();
    let alt_rows: Vec<String> = rows.iter().map(|(label, n)| format!("{label}: {n}")).collect();
    chart(id, caption, &alt_rows, bars, Vec::new())
}

/// A chart with its text alternative: the caption and every bar's numbers.
fn chart(
    id: &str,
    caption: &str,
    alt_rows: &[String],
    bars: Vec<BarView>,
    legend: Vec<LegendKey>,
) -> ChartView {
    ChartView {
        id: id.to_string(),
        caption: caption.to_string(),
        alt: format!("{}. {}.", caption, alt_rows.join("; ")),
        height: height(bars.len()),
        bars,
        legend,
        width: LABEL_WIDTH + BAR_WIDTH + 36.0,
        bar_x: LABEL_WIDTH,
    }
}

fn height(bars: usize) -> f64 {
    (bars as f64 * (LABEL_HEIGHT + ROW_HEIGHT + ROW_GAP)).max(LABEL_HEIGHT + ROW_HEIGHT)
}

fn bar(i: usize, label: &str, values: &[(&'static str, usize)], max: usize) -> BarView {
    let top = i as f64 * (LABEL_HEIGHT + ROW_HEIGHT + ROW_GAP);
    let y = top + LABEL_HEIGHT;
    let mut x = LABEL_WIDTH;
    let mut segments = Vec::new();
    for (slug, value) in values.iter().filter(|(_, v)| *v > 0) {
        let fraction = *value as f64 / max as f64;
        let width = round(fraction * BAR_WIDTH);
        let patch_width = value.to_string().len() as f64 * 6.5 + 4.0;
        segments.push(SegmentView {
            slug,
            value: *value,
            percent: round(fraction * 100.0),
            x: round(x),
            width,
            label_x: round(x + width / 2.0),
            // One-series bars carry their number at the end only.
            labelled: width >= 14.0 && *slug != "series",
            patch: PALETTE.segment(slug).0,
            patch_x: round(x + width / 2.0 - patch_width / 2.0),
            patch_width,
            ink: PALETTE.segment(slug).1,
        });
        x += width;
    }
    let short_label = if label.chars().count() > 52 {
        format!("{}…", label.chars().take(51).collect::<String>().trim_end())
    } else {
        label.to_string()
    };
    BarView {
        label: label.to_string(),
        short_label,
        total: values.iter().map(|(_, v)| v).sum(),
        y,
        text_y: top + LABEL_HEIGHT - 4.0,
        value_y: y + ROW_HEIGHT * 0.72,
        total_x: round(x + 6.0),
        segments,
    }
}

/// Two decimals are plenty for drawing, and keep the output short and stable.
fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_bars_share_one_scale_and_carry_every_number_in_the_alt_text() {
        let rows = vec![("A".to_string(), [2, 1, 0, 1]), ("B".to_string(), [0, 0, 2, 0])];
        let chart = status_chart("c", "Status per avsnitt", Language::Sv, &rows);
        let widths: Vec<f64> = chart.bars[0].segments.iter().map(|s| s.width).collect();
        assert_eq!(widths, vec![160.0, 80.0, 80.0]);
        assert_eq!(chart.bars[1].segments[0].width, 160.0);
        assert_eq!(chart.bars[1].segments[0].slug, "red");
        assert_eq!(
            chart.alt,
            "Status per avsnitt. A: 2 grön, 1 gul, 0 röd, 1 ej bedömd; B: 0 grön, 0 gul, 2 röd, 0 ej bedömd."
        );
    }

    #[test]
    fn empty_chart_does_not_divide_by_zero() {
        let chart = count_chart("c", "Incidenter", &[("Övrigt".into(), 0)]);
        assert!(chart.bars[0].segments.is_empty());
        assert_eq!(chart.bars[0].total, 0);
    }
}
