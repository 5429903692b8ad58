//! The report's charts as pictures for the Word edition: the HTML page's drawing (the same
//! geometry, `crate::view::chart`), with its colours written in and its text set in the embedded
//! fonts, drawn to PNG by resvg. The picture carries the chart's text alternative; the table of
//! the same figures follows it, as in the other outputs.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::markdown::escape_html;
use crate::view::PALETTE;
use crate::view::chart::ChartView;

/// How much finer than its own units the chart is drawn, so that it stays sharp when printed.
const SCALE: f32 = 3.0;
/// How much larger than its own units the chart is shown: its labels at about the size of the
/// body text.
const SHOWN: f32 = 1.3;
/// Height of the legend under the bars, in the chart's units.
const LEGEND_HEIGHT: f64 = 22.0;

/// The chart as PNG bytes and the size it is shown at, in pixels at 96 per inch; `accent` fills
/// one-series bars.
/// `None` only if it cannot be drawn (it always can: the SVG is ours).
pub fn png(chart: &ChartView, accent: &str) -> Option<(Vec<u8>, u32, u32)> {
    let svg = svg(chart, accent);
    let options = usvg::Options { fontdb: fonts(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(&svg, &options).ok()?;
    let size = tree.size();
    let (width, height) =
        ((size.width() * SCALE).ceil() as u32, (size.height() * SCALE).ceil() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    let png = pixmap.encode_png().ok()?;
    let shown = |length: f32| (length * SHOWN).ceil() as u32;
    Some((png, shown(size.width()), shown(size.height())))
}

/// The embedded fonts, for the charts' text: Inter, and the Noto fonts for the status symbols.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for data in crate::fonts::EMBEDDED {
                db.load_font_data(data.to_vec());
            }
            db.set_sans_serif_family("Inter");
            Arc::new(db)
        })
        .clone()
}

/// The chart as a standalone SVG document, its legend under the bars.
fn svg(chart: &ChartView, accent: &str) -> String {
    let legend = if chart.legend.is_empty() { 0.0 } else { LEGEND_HEIGHT };
    let (width, height) = (chart.width, chart.height + legend);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"Inter, Noto Sans Symbols2, Noto Sans Symbols\">\
         <defs><pattern id=\"stripes\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"6\" height=\"6\" fill=\"{red}\"/><path d=\"M0 6L6 0\" stroke=\"{stripe}\" \
         stroke-width=\"1.2\"/></pattern></defs>",
        red = PALETTE.segment("red").0,
        stripe = PALETTE.red_stripe,
    );
    let ink = PALETTE.text;
    for bar in &chart.bars {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{ink}\">{}</text>",
            chart.bar_x,
            bar.text_y,
            escape_html(&bar.short_label)
        );
        for seg in &bar.segments {
            let fill = match seg.slug {
                "red" => "url(#stripes)".to_string(),
                "series" => accent.to_string(),
                slug => PALETTE.segment(slug).0.to_string(),
            };
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{fill}\"/>",
                seg.x, bar.y, seg.width
            );
            if seg.labelled {
                if seg.slug == "red" {
                    let _ = write!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"1\" fill=\"{}\"/>",
                        seg.patch_x,
                        bar.y + 3.0,
                        seg.patch_width,
                        seg.patch
                    );
                }
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" \
                     font-weight=\"700\" fill=\"{}\">{}</text>",
                    seg.label_x, bar.value_y, seg.ink, seg.value
                );
            }
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{ink}\">{}</text>",
            bar.total_x, bar.value_y, bar.total
        );
    }
    // The legend: a swatch, the symbol and the word of each status, so that the chart reads
    // without colour.
    let mut x = chart.bar_x;
    let y = chart.height + 8.0;
    for key in &chart.legend {
        let fill = match key.slug {
            "red" => "url(#stripes)".to_string(),
            slug => PALETTE.segment(slug).0.to_string(),
        };
        let label = format!("{} {}", key.symbol, key.word);
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{fill}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"{ink}\">{}</text>",
            x + 14.0,
            y + 9.0,
            escape_html(&label)
        );
        x += 14.0 + label.chars().count() as f64 * 6.2 + 14.0;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::view::chart::status_chart;

    #[test]
    fn a_chart_is_drawn_with_its_text_and_its_colours() {
        let rows = vec![("Uppföljning <&>".to_string(), [2, 1, 1, 0])];
        let chart = status_chart("c", "Status", Language::Sv, &rows);
        let svg = svg(&chart, "#1d4f91");
        // Labels are escaped for XML; the legend names each status by symbol and word.
        assert!(svg.contains("Uppföljning &lt;&amp;&gt;"), "{svg}");
        assert!(svg.contains("✓ Grön") && svg.contains("✗ Röd"), "{svg}");
        let (png, width, height) = png(&chart, "#1d4f91").expect("the chart is drawn");
        let shown = |length: f64| (length as f32 * SHOWN).ceil() as u32;
        assert_eq!((width, height), (shown(chart.width), shown(chart.height + LEGEND_HEIGHT)));
        let picture = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(picture.width(), (chart.width as f32 * SCALE).ceil() as u32);
        // The green segment is drawn in the palette's green, and the text in dark ink.
        let green = [0x1b, 0x6e, 0x33];
        let seg = &chart.bars[0].segments[0];
        let (x, y) = ((seg.x + 2.0) as f32 * SCALE, (chart.bars[0].y + 2.0) as f32 * SCALE);
        assert_eq!(picture.get_pixel(x as u32, y as u32).0, green);
        let dark = picture.pixels().filter(|p| p.0.iter().all(|c| *c < 80)).count();
        assert!(dark > 100, "no text was drawn: {dark} dark pixels");
    }
}
