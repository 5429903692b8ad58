//! A section file: its standard kind, its heading and the parts (subsections) under it, and the
//! walk over its blocks in document order.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{
    Block, BlockKind, LeftOut, LeftOutKind, Recommendation, ReviewInput, StatusRow, StatusTable,
};

/// The standard kinds of section of a management review, after MSB's method support.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// "Inledning".
    Introduction,
    /// "Sammanfattning".
    Summary,
    /// "Uppföljning av tidigare beslut".
    FollowUps,
    /// "Resultat från tidigare revisioner".
    Revisions,
    /// "Status gällande förebyggande åtgärder", incidents, complaints, measurements.
    Preventive,
    /// "Överensstämmelse med krav och mål", including legal compliance.
    Compliance,
    /// "Förändrade förhållanden som kan påverka ledningssystemet".
    ChangedConditions,
    /// "Rekommendation till förbättringar".
    Recommendations,
    /// "Bilagor".
    Appendices,
    /// Any other section.
    Custom,
}

impl SectionKind {
    /// The standard section file stems and their kinds.
    pub const STANDARD: [(&'static str, SectionKind); 9] = [
        ("introduction", SectionKind::Introduction),
        ("summary", SectionKind::Summary),
        ("follow-ups", SectionKind::FollowUps),
        ("revisions", SectionKind::Revisions),
        ("preventive", SectionKind::Preventive),
        ("compliance", SectionKind::Compliance),
        ("changed-conditions", SectionKind::ChangedConditions),
        ("recommendations", SectionKind::Recommendations),
        ("appendices", SectionKind::Appendices),
    ];

    /// The ISO/IEC 27001:2022 9.3.2 inputs a section of this kind addresses by default.
    pub fn default_inputs(self) -> &'static [ReviewInput] {
        use ReviewInput::*;
        match self {
            SectionKind::FollowUps => &[A, F],
            SectionKind::Revisions => &[A, D],
            SectionKind::Preventive => &[D, E, F],
            SectionKind::Compliance => &[D],
            SectionKind::ChangedConditions => &[B, C],
            SectionKind::Recommendations => &[G],
            _ => &[],
        }
    }

    /// The kind a section file stem names.
    pub fn from_name(name: &str) -> SectionKind {
        Self::STANDARD.iter().find(|(n, _)| *n == name).map_or(SectionKind::Custom, |(_, k)| *k)
    }
}

/// One section file: a top-level heading of the report.
#[derive(Clone, Debug)]
pub struct Section {
    /// The file stem, e.g. `follow-ups`.
    pub name: String,
    /// Which standard section this is.
    pub kind: SectionKind,
    /// The file it was loaded from.
    pub path: PathBuf,
    /// Its title, content and subsections.
    pub part: Part,
}

impl Section {
    /// Every block of this section, its subsections and its appendices, in document order (see
    /// [`Report::blocks`](super::Report::blocks)).
    pub fn blocks(&self) -> Vec<PlacedBlock<'_>> {
        let mut out = Vec::new();
        self.part.visit_placed_blocks(&mut |block, place| {
            out.push(PlacedBlock { section: self, block, place });
        });
        out
    }

    /// The 9.3.2 inputs this section addresses: its own list, or its kind's default.
    pub fn inputs(&self) -> Vec<ReviewInput> {
        match &self.part.covers {
            Some(list) => list.clone(),
            None => self.kind.default_inputs().to_vec(),
        }
    }
}

/// A titled part of the report: a section, or a subsection within one.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The heading.
    pub title: String,
    /// Blocks under the heading, in order.
    #[serde(default)]
    pub content: Vec<Block>,
    /// Subsections, after the blocks.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// The ISO/IEC 27001:2022 9.3.2 inputs (a–g) a section addresses, when not its kind's
    /// default.
    #[serde(default)]
    pub covers: Option<Vec<ReviewInput>>,
    /// Put this part, its subsections included, on landscape pages in the PDF (for wide
    /// tables); the HTML page ignores it.
    #[serde(default)]
    pub landscape: bool,
}

impl Part {
    pub(super) fn remove_internal(&mut self) {
        self.content.retain(|b| !b.intern);
        for block in &mut self.content {
            block.kind.remove_internal();
        }
        self.parts.iter_mut().for_each(Part::remove_internal);
    }

    pub(super) fn internal(&self, path: &Path, out: &mut Vec<LeftOut>) {
        for block in &self.content {
            block.internal(path, out);
        }
        // The heading stays (so that heading numbers agree between the editions), bare.
        if !self.content.is_empty()
            && self.content.iter().all(|b| b.intern)
            && self.parts.is_empty()
        {
            out.push(LeftOut {
                kind: LeftOutKind::EmptiedSection,
                label: self.title.clone(),
                path: path.to_path_buf(),
                line: self.content[0].line,
                sekretess: None,
            });
        }
        for part in &self.parts {
            part.internal(path, out);
        }
    }

    /// Calls `f` on this part's heading and those of its subsections and appendices.
    pub(super) fn visit_titles_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.title);
        for block in &mut self.content {
            if let BlockKind::Appendices(appendices) = &mut block.kind {
                appendices.iter_mut().for_each(|a| f(&mut a.title));
            }
        }
        self.parts.iter_mut().for_each(|part| part.visit_titles_mut(f));
    }

    /// [`Part::visit_placed_blocks`] with mutable blocks, in the same order.
    pub(super) fn visit_blocks_mut(&mut self, f: &mut dyn FnMut(&mut Block)) {
        for block in &mut self.content {
            f(block);
            if let BlockKind::Appendices(appendices) = &mut block.kind {
                for appendix in appendices {
                    appendix.content.iter_mut().for_each(&mut *f);
                }
            }
        }
        for part in &mut self.parts {
            part.visit_blocks_mut(f);
        }
    }

    /// Calls `f` on every block of this part, its subsections and its appendices, in document
    /// order, with where the block is: the heading it is under and whether it is confidential,
    /// by its own marking or by that of the appendices block it is in. The walk behind
    /// [`Section::blocks`] and [`Report::blocks`], which every other module uses.
    pub(super) fn visit_placed_blocks<'a>(&'a self, f: &mut dyn FnMut(&'a Block, Place<'a>)) {
        for block in &self.content {
            let place = Place {
                title: &self.title,
                intern: block.intern,
                sekretess: block.sekretess.as_deref(),
            };
            f(block, place);
            if let BlockKind::Appendices(appendices) = &block.kind {
                for appendix in appendices {
                    for inner in &appendix.content {
                        f(
                            inner,
                            Place {
                                title: &appendix.title,
                                intern: place.intern || inner.intern,
                                sekretess: inner.sekretess.as_deref().or(place.sekretess),
                            },
                        );
                    }
                }
            }
        }
        for part in &self.parts {
            part.visit_placed_blocks(f);
        }
    }
}

/// Where a block is: the heading it is under, and whether it is confidential through its own
/// marking or that of a block enclosing it.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The title of the part or appendix the block is in.
    pub title: &'a str,
    /// Confidential: the block or the block enclosing it is `intern` or names a provision.
    pub intern: bool,
    /// The provision that makes it confidential, the block's own or the enclosing block's.
    pub sekretess: Option<&'a str>,
}

impl<'a> Place<'a> {
    /// Whether an item here is confidential, and under which provision: by its own marking
    /// (`intern`, or a `sekretess` provision) or by its place's; its own provision first.
    pub fn confidentiality(
        &self,
        intern: bool,
        sekretess: Option<&'a str>,
    ) -> (bool, Option<&'a str>) {
        let provision = sekretess.or(self.sekretess);
        (intern || self.intern || provision.is_some(), provision)
    }
}

/// One block of the report with where it is: its section (and file) and its place under a
/// heading (see [`Report::blocks`](super::Report::blocks)).
#[derive(Clone, Copy, Debug)]
pub struct PlacedBlock<'a> {
    /// The section the block is in.
    pub section: &'a Section,
    /// The block.
    pub block: &'a Block,
    /// The heading it is under, and whether it is confidential.
    pub place: Place<'a>,
}

/// A status row with where it stands (see [`Report::placed_rows`](super::Report::placed_rows)).
#[derive(Clone, Copy, Debug)]
pub struct PlacedRow<'a> {
    /// The section the row is in.
    pub section: &'a Section,
    /// The heading it is under.
    pub place: Place<'a>,
    /// Its table.
    pub table: &'a StatusTable,
    /// The row.
    pub row: &'a StatusRow,
    /// Confidential, by its own marking or its place's.
    pub internal: bool,
    /// The provision that makes it confidential: its own, or its place's.
    pub sekretess: Option<&'a str>,
}

/// A recommendation with where it stands (see [`Report::placed_recommendations`](super::Report::placed_recommendations)).
#[derive(Clone, Copy, Debug)]
pub struct PlacedRecommendation<'a> {
    /// The section the recommendation is in.
    pub section: &'a Section,
    /// The heading it is under.
    pub place: Place<'a>,
    /// The recommendation.
    pub recommendation: &'a Recommendation,
    /// Confidential, by its own marking or its place's.
    pub internal: bool,
    /// The provision that makes it confidential: its own, or its place's.
    pub sekretess: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(yaml: &str) -> Result<Part, serde_saphyr::Error> {
        serde_saphyr::from_str(yaml)
    }

    const PART: &str = "title: T
content:
  - text: Öppen text.
  - intern: true
    recommendations:
      - id: r1
        text: Ett.
      - id: r2
        text: Två.
  - table:
      columns: [A]
      rows:
        - id: row-1
          cells: [x]
          status: grön
        - id: row-2
          cells: [y]
          status: gul
          sekretess: 18 kap. 8 § OSL
";

    #[test]
    fn a_block_knows_the_line_of_its_first_key() {
        let part = part(PART).unwrap();
        let lines: Vec<usize> = part.content.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 4, 10]);
    }

    #[test]
    fn blocks_walk_subsections_and_appendices_in_document_order() {
        let yaml = "title: S
content:
  - text: Först.
  - sekretess: 18 kap. 8 § OSL
    appendices:
      - id: b1
        title: Bilaga
        content:
          - recommendations:
              - id: r1
                text: Ett.
parts:
  - title: Under
    content:
      - table:
          columns: [A]
          rows:
            - id: row-1
              cells: [x]
              status: grön
";
        let section = Section {
            name: "s".into(),
            kind: SectionKind::Introduction,
            path: PathBuf::from("s.yaml"),
            part: part(yaml).unwrap(),
        };
        let blocks = section.blocks();
        let placed: Vec<(&str, bool, usize)> =
            blocks.iter().map(|b| (b.place.title, b.place.intern, b.block.line)).collect();
        assert_eq!(
            placed,
            [("S", false, 3), ("S", true, 4), ("Bilaga", true, 9), ("Under", false, 15)]
        );
        assert!(blocks.iter().all(|b| b.section.path == Path::new("s.yaml")));
        // The recommendation inside the appendix is found, and keeps the enclosing provision.
        assert_eq!(blocks[2].place.sekretess, Some("18 kap. 8 § OSL"));
    }

    #[test]
    fn a_misspelt_block_key_is_still_refused() {
        let error = part("title: T\ncontent:\n  - text: a\n    interm: true\n").unwrap_err();
        assert!(error.to_string().contains("interm"), "{error}");
    }

    #[test]
    fn internal_lists_a_whole_block_once_and_single_items_by_id() {
        let part = part(PART).unwrap();
        let mut out = Vec::new();
        part.internal(Path::new("s.yaml"), &mut out);
        let listed: Vec<(LeftOutKind, &str, usize)> =
            out.iter().map(|l| (l.kind, l.label.as_str(), l.line)).collect();
        assert_eq!(
            listed,
            [
                (LeftOutKind::RecommendationsBlock, "2: `r1`, `r2`", 4),
                (LeftOutKind::StatusRow, "row-2", 16),
            ]
        );
        assert_eq!(out[1].sekretess.as_deref(), Some("18 kap. 8 § OSL"));
    }

    #[test]
    fn a_heading_whose_every_block_is_internal_is_reported() {
        let part = part("title: Hemligt\ncontent:\n  - text: a\n    intern: true\n").unwrap();
        let mut out = Vec::new();
        part.internal(Path::new("s.yaml"), &mut out);
        let kinds: Vec<LeftOutKind> = out.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LeftOutKind::TextBlock, LeftOutKind::EmptiedSection]);
        assert_eq!((out[1].label.as_str(), out[1].line), ("Hemligt", 3));
    }
}
