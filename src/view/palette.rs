//! The colours of status markers, status cells and chart segments, in one place: the Typst and
//! HTML templates receive them as `palette`, and the tests below check that every text colour
//! meets WCAG 2.1 contrast (4.5:1) on every fill it is drawn on.

use serde::Serialize;

/// The colours of one status.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StatusColours {
    /// The status's slug (`green` … `not-assessed`).
    pub slug: &'static str,
    /// Light background of a status cell; body text (`Palette::text`) sits on it.
    pub fill: &'static str,
    /// Strong fill of the status marker and the chart segment.
    pub strong: &'static str,
    /// Text on `strong`: the marker's word, the segment's number.
    pub ink: &'static str,
}

/// Every colour the templates use for statuses and charts, as `#rrggbb`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Palette {
    /// Per status, in [`crate::model::Status::ALL`] order.
    pub statuses: [StatusColours; 4],
    /// The light stripes on red chart segments, so red reads in greyscale too. Numbers never
    /// sit on the stripes: they get a patch of the red's strong fill.
    pub red_stripe: &'static str,
    /// The fill of one-series bars (counts, not statuses).
    pub series: &'static str,
    /// Text on `series`.
    pub series_ink: &'static str,
    /// Body text, also on the light status fills.
    pub text: &'static str,
}

/// The palette every report uses.
pub const PALETTE: Palette = Palette {
    statuses: [
        StatusColours { slug: "green", fill: "#e4f2e6", strong: "#1b6e33", ink: "#ffffff" },
        StatusColours { slug: "yellow", fill: "#fdf2c8", strong: "#f2c230", ink: "#000000" },
        StatusColours { slug: "red", fill: "#f9dddd", strong: "#b42318", ink: "#ffffff" },
        StatusColours { slug: "not-assessed", fill: "#eceff2", strong: "#59636e", ink: "#ffffff" },
    ],
    red_stripe: "#e8a0a0",
    series: "#1d4f91",
    series_ink: "#ffffff",
    text: "#1c1f23",
};

impl Palette {
    /// The fill a chart segment of `slug` carries its number on, and the number's colour.
    pub fn segment(&self, slug: &str) -> (&'static str, &'static str) {
        self.statuses
            .iter()
            .find(|c| c.slug == slug)
            .map_or((self.series, self.series_ink), |c| (c.strong, c.ink))
    }

    /// Every (text, background) pair the templates draw, with what it is.
    pub fn text_pairs(&self) -> Vec<(String, &'static str, &'static str)> {
        let mut pairs = Vec::new();
        for c in self.statuses {
            pairs.push((format!("{}: marker and segment number", c.slug), c.ink, c.strong));
            pairs.push((format!("{}: text in a status cell", c.slug), self.text, c.fill));
        }
        pairs.push(("series: bar number".to_string(), self.series_ink, self.series));
        pairs
    }
}

/// The WCAG 2.1 contrast ratio of two `#rrggbb` colours, from 1 to 21; `None` for a colour not
/// written as `#rrggbb`.
pub fn contrast(foreground: &str, background: &str) -> Option<f64> {
    let (a, b) = (luminance(foreground)?, luminance(background)?);
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    Some((light + 0.05) / (dark + 0.05))
}

/// Relative luminance after WCAG 2.1.
fn luminance(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii())?;
    let channel = |i: usize| -> Option<f64> {
        let value = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).ok()?) / 255.0;
        Some(if value <= 0.039_28 { value / 12.92 } else { ((value + 0.055) / 1.055).powf(2.4) })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast("#ffffff", "#ffffff").unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast("#767676", "#ffffff").unwrap() - 4.54).abs() < 0.01);
        assert_eq!(contrast("white", "#ffffff"), None);
    }

    // Every number on a chart segment and every marker word must be readable (WCAG 1.4.3).
    #[test]
    fn every_text_colour_meets_wcag_contrast_on_its_fill() {
        for (what, ink, fill) in PALETTE.text_pairs() {
            let ratio = contrast(ink, fill).unwrap();
            assert!(ratio >= 4.5, "{what}: {ink} on {fill} has contrast {ratio:.2}, below 4.5");
        }
    }

    // The stripes are there for greyscale print: they must differ clearly from the red they
    // stripe, or red reads like any other dark segment.
    #[test]
    fn red_stripes_stand_out_from_red() {
        assert!(contrast(PALETTE.red_stripe, PALETTE.segment("red").0).unwrap() >= 2.0);
    }

    #[test]
    fn statuses_follow_the_status_order() {
        let slugs: Vec<&str> = PALETTE.statuses.iter().map(|c| c.slug).collect();
        let expected: Vec<&str> = crate::model::Status::ALL.iter().map(|s| s.slug()).collect();
        assert_eq!(slugs, expected);
    }

    // The palette is the one place for these colours: a template that spells one out again
    // would escape the contrast test.
    #[test]
    fn templates_take_status_colours_from_the_palette() {
        let templates = [
            ("report.typ.tera", include_str!("../../templates/report.typ.tera")),
            ("blocks.typ.tera", include_str!("../../templates/blocks.typ.tera")),
            ("chart.typ.tera", include_str!("../../templates/chart.typ.tera")),
            ("chart.html.tera", include_str!("../../templates/chart.html.tera")),
            ("style.css.tera", include_str!("../../templates/style.css.tera")),
        ];
        for (name, text) in templates {
            for c in PALETTE.statuses {
                for colour in [c.fill, c.strong] {
                    assert!(!text.to_lowercase().contains(colour), "{name} spells out {colour}");
                }
            }
            assert!(
                !text.to_lowercase().contains(PALETTE.red_stripe),
                "{name} spells out the stripe"
            );
        }
    }
}
