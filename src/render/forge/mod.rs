//! What a forge's CI shows of `zi check` and `zi overdue`: each problem,
//! overdue period and invalid indicator as an annotation on the file it is
//! about. One model (`Annotation`), two writers: GitHub Actions workflow
//! commands (`github.rs`) and GitLab's code quality report (`gitlab.rs`).
//! Paths are relative to the top of the git repository, as the forge
//! shows files, whatever folder zi ran in.

mod annotation;
mod github;
mod gitlab;

use std::io::Write;

use anyhow::Result;

use crate::judge::view::{CheckView, OverdueView};
use crate::problem::Severity;
use crate::render::renderer::{Findings, Forge};
use crate::text::Lang;
use annotation::{Annotation, Level};

/// Writes `zi check` and `zi overdue` for one forge.
pub(crate) struct Annotations<'w> {
    forge: Forge,
    lang: Lang,
    /// The plan root's folder below the top of the repository, ending in
    /// `/` (empty at the top).
    prefix: String,
    out: &'w mut dyn Write,
    /// Every view's annotations, written by `finish` as one report.
    pending: Vec<Annotation>,
}

impl<'w> Annotations<'w> {
    pub(crate) fn new(forge: Forge, lang: Lang, prefix: &str, out: &'w mut dyn Write) -> Annotations<'w> {
        Annotations { forge, lang, prefix: prefix.to_string(), out, pending: Vec::new() }
    }
}

impl Findings for Annotations<'_> {
    fn check(&mut self, view: &CheckView) -> Result<()> {
        for p in view.problems {
            let level = if p.severity == Severity::Error { Level::Error } else { Level::Warning };
            self.pending.push(Annotation::of_problem(p, level, self.lang, &self.prefix));
        }
        Ok(())
    }

    fn overdue(&mut self, view: &OverdueView) -> Result<()> {
        let entries = view.entries.iter().map(|e| Annotation::of_entry(e, self.lang, &self.prefix));
        self.pending.extend(entries);
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        let annotations = std::mem::take(&mut self.pending);
        match self.forge {
            Forge::Github => github::write(&annotations, self.lang, self.out),
            Forge::Gitlab => gitlab::write(&annotations, self.out),
        }
    }
}
