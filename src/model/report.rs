//! A whole review ([`Report`]): its sections in order, and the walks over them that every later
//! stage uses (blocks, rows and recommendations with where they stand, what the public edition
//! leaves out).

use std::path::{Path, PathBuf};

use super::{
    BlockKind, Brand, LeftOut, Markdown, Marker, MaskedPhrase, PlacedBlock, PlacedRecommendation,
    PlacedRow, Recommendation, ReportMeta, Section, StatusRow, StatusTable, mask, plain_words,
};

/// A whole review: its metadata and its sections in order.
#[derive(Debug, Clone)]
pub struct Report {
    /// The report's folder, e.g. `content/2023`.
    pub dir: PathBuf,
    /// `report.yaml`.
    pub meta: ReportMeta,
    /// The section files, in the order `report.yaml` lists them.
    pub sections: Vec<Section>,
    /// The images the report's Markdown shows, by their path in the Markdown.
    pub images: Images,
    /// The organisation's look, from the `_brand.yml` that applies to the report.
    pub brand: Option<Brand>,
}

/// Images by the path Markdown gives them (relative to the report folder).
pub type Images = std::collections::BTreeMap<String, ImageFile>;

/// An image file read from the report folder.
#[derive(Debug, Clone)]
pub struct ImageFile {
    /// Its media type, e.g. `image/png`.
    pub mime: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl Report {
    /// The report's year.
    pub fn year(&self) -> i32 {
        self.meta.year.value
    }

    /// Drops everything marked `intern` (rows, recommendations, blocks), for the public edition.
    /// Returns what was left out, in document order.
    pub fn remove_internal(&mut self) -> Vec<LeftOut> {
        let left_out = self.internal();
        for section in &mut self.sections {
            section.part.remove_internal();
        }
        left_out
    }

    /// Calls `f` on every Markdown text of the report, with the file it is written in: the
    /// metadata's texts, then every block's in document order.
    pub fn visit_markdown_mut(&mut self, f: &mut dyn FnMut(&Path, &mut Markdown)) {
        let meta_path = self.dir.join("report.yaml");
        let meta = &mut self.meta;
        let revisions = meta.revision_history.iter_mut().map(|r| &mut r.description);
        let notes = meta.revision_note.iter_mut().chain(&mut meta.note);
        for text in meta.status_legend.values_mut().chain(revisions).chain(notes) {
            f(&meta_path, text);
        }
        for section in &mut self.sections {
            let path = &section.path;
            section.part.visit_blocks_mut(&mut |block| {
                block.kind.visit_markdown_mut(&mut |text| f(path, text));
            });
        }
    }

    /// Replaces every masked phrase (see [`mask`]) by `marker(provision)`, in every Markdown
    /// text and heading: for the public edition. Returns where each was, in document order.
    pub fn mask_phrases(&mut self, marker: &Marker<'_>) -> Vec<MaskedPhrase> {
        self.walk_masked_phrases(Some(marker))
    }

    /// Where the masked phrases are, in document order, changing nothing: for the full
    /// edition's marking and `check --public`. It takes the report mutably only because it
    /// shares [`Report::mask_phrases`]'s one walk over every Markdown text.
    pub fn find_masked_phrases(&mut self) -> Vec<MaskedPhrase> {
        self.walk_masked_phrases(None)
    }

    fn walk_masked_phrases(&mut self, marker: Option<&Marker<'_>>) -> Vec<MaskedPhrase> {
        let mut found = Vec::new();
        self.visit_markdown_mut(&mut |path, text| {
            for span in mask::spans(&text.text) {
                found.push(MaskedPhrase {
                    path: path.to_path_buf(),
                    line: text.line + text.text[..span.whole.start].matches('\n').count(),
                    phrase: plain_words(&text.text[span.phrase.clone()]),
                    provision: span.provision,
                });
            }
            if let Some(masked) = marker.and_then(|marker| mask::masked(&text.text, marker)) {
                text.text = masked;
            }
        });
        let Some(marker) = marker else { return found };
        for section in &mut self.sections {
            section.part.visit_titles_mut(&mut |title| {
                if let Some(masked) = mask::replace_plain(title, marker) {
                    *title = masked;
                }
            });
        }
        found
    }

    /// Everything the public edition leaves out, in document order: a whole block once (not
    /// each item in it), otherwise each row, recommendation or incident marked `intern`.
    pub fn internal(&self) -> Vec<LeftOut> {
        let mut out = Vec::new();
        for section in &self.sections {
            section.part.internal(&section.path, &mut out);
        }
        out
    }

    /// Numbers the recommendations 1, 2, … in document order, in the full edition, so that a
    /// recommendation keeps its number in the public edition and in later years' follow-ups.
    pub(crate) fn number_recommendations(&mut self) {
        let mut n = 0;
        for section in &mut self.sections {
            section.part.visit_blocks_mut(&mut |block| {
                if let BlockKind::Recommendations(list) = &mut block.kind {
                    for rec in list {
                        n += 1;
                        rec.number = n;
                    }
                }
            });
        }
    }

    /// Every block of the report, in document order, with the section (and so the file) it is
    /// in and its place: the blocks of each section, its subsections and its appendices. The one
    /// walk over the content that validation, lints, counts, the diff and `new` share.
    pub fn blocks(&self) -> Vec<PlacedBlock<'_>> {
        self.sections.iter().flat_map(Section::blocks).collect()
    }

    /// Every status row of the report (appendices included), in document order, with its table,
    /// where it stands and whether it is confidential there.
    pub fn placed_rows(&self) -> Vec<PlacedRow<'_>> {
        let mut out = Vec::new();
        for PlacedBlock { section, block, place } in self.blocks() {
            let BlockKind::Table(table) = &block.kind else { continue };
            for row in &table.rows {
                let (internal, sekretess) =
                    place.confidentiality(row.intern, row.sekretess.as_deref());
                out.push(PlacedRow { section, place, table, row, internal, sekretess });
            }
        }
        out
    }

    /// Every recommendation of the report (appendices included), in document order, with where
    /// it stands and whether it is confidential there.
    pub fn placed_recommendations(&self) -> Vec<PlacedRecommendation<'_>> {
        let mut out = Vec::new();
        for PlacedBlock { section, block, place } in self.blocks() {
            let BlockKind::Recommendations(list) = &block.kind else { continue };
            for recommendation in list {
                let (internal, sekretess) = place
                    .confidentiality(recommendation.intern, recommendation.sekretess.as_deref());
                out.push(PlacedRecommendation {
                    section,
                    place,
                    recommendation,
                    internal,
                    sekretess,
                });
            }
        }
        out
    }

    /// Every status table of the report, with the section it belongs to, in document order.
    pub fn tables(&self) -> Vec<(&Section, &StatusTable)> {
        self.blocks()
            .into_iter()
            .filter_map(|b| match &b.block.kind {
                BlockKind::Table(table) => Some((b.section, table)),
                _ => None,
            })
            .collect()
    }

    /// Every status row of the report, with the section it belongs to, in document order
    /// (appendices included).
    pub fn status_rows(&self) -> Vec<(&Section, &StatusRow)> {
        let tables = self.tables();
        tables
            .into_iter()
            .flat_map(|(section, table)| table.rows.iter().map(move |row| (section, row)))
            .collect()
    }

    /// Every recommendation of the report, with the section it belongs to, in document order
    /// (appendices included).
    pub fn recommendations(&self) -> Vec<(&Section, &Recommendation)> {
        self.blocks()
            .into_iter()
            .filter_map(|b| match &b.block.kind {
                BlockKind::Recommendations(list) => Some((b.section, list)),
                _ => None,
            })
            .flat_map(|(section, list)| list.iter().map(move |rec| (section, rec)))
            .collect()
    }
}
