//! View stage: what the public edition would leave empty — a table or list whose every item is
//! confidential, a part whose every block is — found over the full content, so that the
//! public edition leaves it out with its heading and says in one sentence that it is withheld,
//! and `build --public` and `check --public` warn about it.

use std::path::PathBuf;

use crate::model::{Block, BlockKind, MaskedPhrase, Part, Report};

/// Replaces every masked phrase of `report` by the marker of the report's language, as the
/// public edition shows it, and returns where each was. Done before the public edition is
/// compared or counted, so that no text of it holds the phrase.
pub fn mask_phrases(report: &mut Report) -> Vec<MaskedPhrase> {
    let language = report.meta.language;
    report.mask_phrases(&|provision| crate::i18n::masked_phrase(language, provision))
}

/// A table, list or part that the public edition would leave empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Emptied {
    /// The file stem of the section it is in.
    pub section: String,
    /// The section's file.
    pub path: PathBuf,
    /// The line of its first block (a part) or of the block itself.
    pub line: usize,
    /// The part's heading, or the heading the table or list is under.
    pub title: String,
    /// A part (left out with its heading), or a table or list (left out under it).
    pub kind: EmptiedKind,
    /// The OSL provision named for its items, the first one named.
    pub sekretess: Option<String>,
}

/// What the public edition leaves empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmptiedKind {
    /// A part (a subsection), every block of it confidential.
    Part,
    /// The top part of a section, every block of it confidential: its heading stays.
    Section,
    /// A table whose every row is confidential.
    Table,
    /// A list of recommendations, every one of them confidential.
    Recommendations,
}

impl EmptiedKind {
    /// How a warning names it, in the user's language (in Swedish in its definite form).
    pub fn name(self) -> String {
        match self {
            EmptiedKind::Part => crate::tr!("emptied-part"),
            EmptiedKind::Section => crate::tr!("emptied-section"),
            EmptiedKind::Table => crate::tr!("emptied-table"),
            EmptiedKind::Recommendations => crate::tr!("emptied-recommendations"),
        }
    }
}

/// Every table, list and part of `report` (which must still hold its confidential items) that
/// the public edition would leave empty, in document order; the parts inside an emptied part
/// are not listed again.
pub fn emptied(report: &Report) -> Vec<Emptied> {
    let mut out = Vec::new();
    for section in &report.sections {
        let mut visit = Visit { section: &section.name, path: &section.path, out: &mut out };
        visit.part(&section.part, true);
    }
    out
}

struct Visit<'a> {
    section: &'a str,
    path: &'a PathBuf,
    out: &'a mut Vec<Emptied>,
}

impl Visit<'_> {
    /// Whether `part` is left empty; records it, or what in it is.
    fn part(&mut self, part: &Part, top: bool) -> bool {
        let mut found = Vec::new();
        let mut all = !part.content.is_empty() || !part.parts.is_empty();
        for block in &part.content {
            match emptied_block(block) {
                Some((kind, sekretess)) => {
                    if !block.intern {
                        found.push(self.emptied(block.line, &part.title, kind, sekretess));
                    }
                }
                None => all = false,
            }
        }
        let before = self.out.len();
        for sub in &part.parts {
            all &= self.part(sub, false);
        }
        if all && (!part.content.is_empty() || before < self.out.len()) {
            // The part as a whole: what was found inside it is said once, for the part.
            let subparts: Vec<Emptied> = self.out.drain(before..).collect();
            let line = part.content.first().map(|b| b.line).or(subparts.first().map(|e| e.line));
            let sekretess = part
                .content
                .iter()
                .find_map(|b| emptied_block(b).and_then(|(_, s)| s))
                .or_else(|| subparts.iter().find_map(|e| e.sekretess.clone()));
            let kind = if top { EmptiedKind::Section } else { EmptiedKind::Part };
            self.out.push(self.emptied(line.unwrap_or(0), &part.title, kind, sekretess));
            return true;
        }
        self.out.splice(before..before, found);
        false
    }

    fn emptied(
        &self,
        line: usize,
        title: &str,
        kind: EmptiedKind,
        sekretess: Option<String>,
    ) -> Emptied {
        Emptied {
            section: self.section.to_string(),
            path: self.path.clone(),
            line,
            title: title.to_string(),
            kind,
            sekretess,
        }
    }
}

/// Whether the public edition leaves `block` out or empty, as what, and the provision named.
fn emptied_block(block: &Block) -> Option<(EmptiedKind, Option<String>)> {
    let own = block.sekretess.clone().filter(|s| !s.trim().is_empty());
    let all = |items: &mut dyn Iterator<Item = (bool, Option<&String>)>| {
        let mut provision = None;
        let mut any = false;
        for (intern, sekretess) in items {
            if !(intern || sekretess.is_some()) {
                return None;
            }
            any = true;
            provision = provision.or(sekretess.cloned());
        }
        any.then_some(provision)
    };
    let kind = match &block.kind {
        BlockKind::Table(_) => EmptiedKind::Table,
        BlockKind::Recommendations(_) => EmptiedKind::Recommendations,
        _ => EmptiedKind::Part,
    };
    if block.intern || own.is_some() {
        return Some((kind, own));
    }
    let provision = match &block.kind {
        BlockKind::Table(table) => {
            all(&mut table.rows.iter().map(|r| (r.intern, r.sekretess.as_ref())))?
        }
        BlockKind::Recommendations(list) => {
            all(&mut list.iter().map(|r| (r.intern, r.sekretess.as_ref())))?
        }
        _ => return None,
    };
    Some((kind, provision))
}
