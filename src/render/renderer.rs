//! The one interface every format implements, and what it is given.

use anyhow::Result;

use crate::judge::score::{QuestionsView, ScoreView};
use crate::judge::view::{CheckView, DiffView, OverdueView, ShowView, StatusView};
use crate::text::Lang;

/// Every output format of the reports. `text` is the name `zi check` has
/// always taken for its terminal layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    Markdown,
}

/// The formats of `zi check` and `zi overdue`: every report format, and
/// the annotations of a forge's CI (`crate::render::forge`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CheckFormat {
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    Markdown,
    /// GitHub Actions workflow commands.
    Github,
    /// GitLab's code quality report.
    Gitlab,
}

/// The forges whose CI zi annotates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Forge {
    Github,
    Gitlab,
}

/// What a `CheckFormat` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Output {
    Report(Format),
    Annotations(Forge),
}

impl CheckFormat {
    pub(crate) fn output(self) -> Output {
        match self {
            CheckFormat::Table => Output::Report(Format::Table),
            CheckFormat::Json => Output::Report(Format::Json),
            CheckFormat::Csv => Output::Report(Format::Csv),
            CheckFormat::Markdown => Output::Report(Format::Markdown),
            CheckFormat::Github => Output::Annotations(Forge::Github),
            CheckFormat::Gitlab => Output::Annotations(Forge::Gitlab),
        }
    }
}

/// How reports are written: the language, whether the writer takes colour,
/// and the width tables are laid out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Style {
    pub(crate) lang: Lang,
    pub(crate) color: bool,
    pub(crate) width: usize,
}

/// One format. Each command hands its view to the renderer it was given and
/// never asks which format that is.
pub(crate) trait Renderer {
    fn status(&mut self, view: &StatusView) -> Result<()>;
    fn overdue(&mut self, view: &OverdueView) -> Result<()>;
    fn show(&mut self, view: &ShowView) -> Result<()>;
    fn check(&mut self, view: &CheckView) -> Result<()>;
    fn diff(&mut self, view: &DiffView) -> Result<()>;
    fn score(&mut self, view: &ScoreView) -> Result<()>;
    /// The questions of the LKE (`zi score --questions`).
    fn questions(&mut self, view: &QuestionsView) -> Result<()>;
}

/// What `zi check` and `zi overdue` write: every `Renderer`, and the
/// forges' annotations, which have nothing to say of the other views.
/// Annotations of several views (the units of a workspace) make one
/// report, written by `finish`.
pub(crate) trait Findings {
    fn check(&mut self, view: &CheckView) -> Result<()>;
    fn overdue(&mut self, view: &OverdueView) -> Result<()>;
    /// Writes what was held back; called once, after the last view.
    fn finish(&mut self) -> Result<()> {
        Ok(())
    }
}

/// A report format's renderer (boxed or borrowed), as `Findings`.
pub(crate) struct Reported<R>(pub(crate) R);

impl<R: std::ops::DerefMut<Target = T>, T: Renderer + ?Sized> Findings for Reported<R> {
    fn check(&mut self, view: &CheckView) -> Result<()> {
        self.0.check(view)
    }

    fn overdue(&mut self, view: &OverdueView) -> Result<()> {
        self.0.overdue(view)
    }
}

/// `Renderer` for a format written by one function per view in its module,
/// each taking the view, the language and the writer
/// (`fn status(view: &StatusView, lang: Lang, out: &mut dyn Write)`, …).
macro_rules! renderer_by_functions {
    ($format:ident) => {
        impl crate::render::renderer::Renderer for $format<'_> {
            fn status(&mut self, view: &StatusView) -> Result<()> {
                status(view, self.lang, self.out)
            }

            fn overdue(&mut self, view: &OverdueView) -> Result<()> {
                overdue(view, self.lang, self.out)
            }

            fn show(&mut self, view: &ShowView) -> Result<()> {
                show(view, self.lang, self.out)
            }

            fn check(&mut self, view: &CheckView) -> Result<()> {
                check(view, self.lang, self.out)
            }

            fn diff(&mut self, view: &DiffView) -> Result<()> {
                diff(view, self.lang, self.out)
            }

            fn score(&mut self, view: &crate::judge::score::ScoreView) -> Result<()> {
                score(view, self.lang, self.out)
            }

            fn questions(&mut self, view: &crate::judge::score::QuestionsView) -> Result<()> {
                questions(view, self.lang, self.out)
            }
        }
    };
}
