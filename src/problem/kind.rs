//! What each problem is, with the values that explain it. No text: the
//! presentation layer (`crate::text`) words every kind in each language.

use std::sync::Arc;

use super::code::Code;
use super::fatal::Fatal;
use super::lke::LkeKind;
use crate::model::due::DueError;
use crate::model::month::YearMonth;

/// A TOML value's kind, as a message names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueKind {
    Table,
    ArrayOfTables,
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
}

/// What a key's value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expected {
    String,
    Integer,
    Array,
    ArrayOfStrings,
    StringOrItem,
    Globs,
    Date,
    Table,
}

/// Why a `file` pattern was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum GlobProblem {
    Empty,
    LeavesName,
    /// The glob crate's own explanation.
    Syntax(&'static str),
}

/// Why `zi fmt` refused to lay a file out (a bug in zi when it happens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnsafeLayout {
    ChangesData,
    LosesComment,
    Unstable,
}

/// Where a file `zi fmt` was named lies, when it is no plan file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    Evidence,
    Elsewhere,
}

/// What the plan layout found where it expected something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    File,
    Folder,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    // Reading and parsing a TOML file.
    TomlSyntax {
        message: String,
    },
    /// A key set twice in one table; `first` is the line that set it first.
    DuplicateKey {
        key: String,
        first: Option<u32>,
    },
    /// Arrays or tables nested deeper than the parser goes.
    NestingTooDeep,
    /// An indicator key (`due`, `pic`, …) inside an evidence item: written
    /// below `[[evidence]]`, where TOML reads it as part of the item.
    KeyInEvidenceItem {
        key: &'static str,
    },
    UnknownKey {
        key: Box<str>,
        suggestion: Option<&'static str>,
        known: &'static [&'static str],
    },
    WrongType {
        key: String,
        expected: Expected,
        found: ValueKind,
    },
    /// An element of a list of strings that is not a string.
    WrongElement {
        key: String,
        found: ValueKind,
    },
    MissingKey {
        key: &'static str,
        example: &'static str,
    },
    EvidenceWithoutName,
    UnreadableFile {
        error: String,
    },
    FolderNotFile,
    FileTooLarge {
        size: u64,
        limit: u64,
    },
    BinaryFile,
    NotUtf8,
    // zi.toml and name files.
    BadYear {
        year: i64,
    },
    UnknownLanguage {
        text: String,
    },
    UnknownGate {
        text: String,
    },
    MissingNameFile {
        file: &'static str,
    },
    // An indicator file.
    NoActions,
    NoEvidence,
    EmptyText {
        key: String,
    },
    NoDue,
    BadDue {
        text: String,
        error: Box<DueError>,
        /// For hints that show the plan's own year.
        plan_year: i32,
    },
    BadGlob {
        glob: String,
        problem: GlobProblem,
    },
    // The plan layout.
    NoPlan {
        exists: bool,
    },
    EmptyPlan,
    // A workspace's units.
    /// A folder a `units` glob matches holds no `zi.toml`.
    NotAUnit,
    /// A `units` glob matches no folder; `None`: the list is empty.
    NoUnitMatches {
        glob: Option<String>,
    },
    /// A `units` glob that reaches outside the workspace root (`..`, an
    /// absolute path): not read.
    UnitsOutside {
        glob: String,
    },
    /// A unit zi cannot judge (git fails on it, a file of it cannot be
    /// read): the others are judged all the same.
    UnitNotJudged {
        fatal: Box<Fatal>,
    },
    /// A unit that is its own git repository (a submodule, a `.git` of
    /// its own): the gate at the root cannot read what is staged of it.
    UnitOwnRepository,
    /// A unit whose `zi.toml` is not staged: the gate leaves it out.
    UnitNotStaged,
    /// A unit's plan year differs from the workspace's.
    OtherYear {
        year: i32,
        workspace: i32,
    },
    NoNumber,
    DuplicateNumber {
        number: u32,
        first: String,
    },
    MisplacedPlanFile {
        entry: Entry,
    },
    StrayFile {
        entry: Entry,
    },
    // Listing folders.
    UnreadableFolder {
        error: String,
    },
    NonUtf8Name,
    LinkNotFollowed,
    BrokenLink {
        error: String,
    },
    SpecialFile,
    // The evidence tree.
    EvidenceNotAFolder,
    IndicatorEvidenceIsFile,
    OrphanEvidence {
        /// The folder of an indicator (or area, component) one edit away.
        suggestion: Option<String>,
    },
    StrayEvidence,
    LooseEvidence {
        periods: usize,
        example: Option<YearMonth>,
    },
    BadMonthFolder {
        name: String,
        guess: Option<String>,
        /// The plan year, for the example in the hint.
        year: i32,
    },
    MonthOutsidePlan {
        folder: String,
        first: YearMonth,
        last: YearMonth,
    },
    TooDeep {
        limit: usize,
    },
    EmptyFile,
    LinkOutside,
    // What git holds that no disk can: a commit's or the index's entries.
    Conflicted,
    IntentToAdd,
    Submodule,
    UnmatchedFile {
        documents: Arc<[Arc<str>]>,
        plan_file: Arc<str>,
        /// Another indicator of the same component whose document it matches.
        looks_like: Option<Box<LooksLike>>,
    },
    // Writing.
    /// A problem found while formatting: the file is left as it is.
    LeftAsIs(Box<Kind>),
    InvalidToml,
    FmtUnsafe {
        reason: UnsafeLayout,
    },
    Unwritable {
        error: String,
    },
    /// The laid-out text would be over the size zi reads.
    FmtTooLarge {
        size: u64,
        limit: u64,
    },
    ReadOnly,
    /// A temporary file of a zi run that was killed before it could clean up.
    StaleTemporary,
    NotPlanFile {
        place: Place,
    },
    /// The LKE, assessments and `lke` keys (`crate::problem::lke`).
    Lke(Box<LkeKind>),
    // Reading a spreadsheet (`zi import`).
    NoHeader,
    DuplicateColumn {
        title: String,
    },
    /// A row of the plan above the first area row.
    RowOutsideArea,
    /// An indicator above the first component of its area.
    RowOutsideComponent,
    /// Actions or documents above the first indicator of a component.
    RowOutsideIndicator,
    UnnumberedComponent {
        number: u32,
    },
    NoUnit,
    NoYear,
}

impl Kind {
    pub(crate) fn code(&self) -> Code {
        match self {
            Kind::TomlSyntax { .. }
            | Kind::InvalidToml
            | Kind::DuplicateKey { .. }
            | Kind::NestingTooDeep => Code::TomlSyntax,
            Kind::UnknownKey { .. } | Kind::KeyInEvidenceItem { .. } => Code::UnknownKey,
            Kind::WrongType { .. } | Kind::WrongElement { .. } => Code::WrongType,
            Kind::MissingKey { .. } | Kind::EvidenceWithoutName => Code::MissingKey,
            Kind::UnreadableFile { .. } => Code::UnreadableFile,
            Kind::FolderNotFile | Kind::SpecialFile => Code::NotAFile,
            Kind::FileTooLarge { .. } => Code::FileTooLarge,
            Kind::BinaryFile => Code::BinaryFile,
            Kind::NotUtf8 => Code::NotUtf8,
            Kind::BadYear { .. } => Code::BadYear,
            Kind::UnknownLanguage { .. } => Code::UnknownLanguage,
            Kind::UnknownGate { .. } => Code::UnknownGate,
            Kind::MissingNameFile { .. } => Code::MissingNameFile,
            Kind::NoActions => Code::NoActions,
            Kind::NoEvidence => Code::NoEvidence,
            Kind::EmptyText { .. } => Code::EmptyText,
            Kind::NoDue => Code::NoDue,
            Kind::BadDue { .. } => Code::BadDue,
            Kind::BadGlob { .. } => Code::BadGlob,
            Kind::NoPlan { .. } => Code::NoPlan,
            Kind::EmptyPlan => Code::EmptyPlan,
            Kind::NotAUnit => Code::NotAUnit,
            Kind::NoUnitMatches { .. } => Code::NoUnitMatches,
            Kind::UnitsOutside { .. } => Code::UnitsOutside,
            Kind::UnitNotJudged { .. } => Code::UnitNotJudged,
            Kind::UnitOwnRepository => Code::UnitOwnRepository,
            Kind::UnitNotStaged => Code::UnitNotStaged,
            Kind::OtherYear { .. } => Code::OtherYear,
            Kind::NoNumber => Code::NoNumber,
            Kind::DuplicateNumber { .. } => Code::DuplicateNumber,
            Kind::MisplacedPlanFile { .. } => Code::MisplacedPlanFile,
            Kind::StrayFile { .. } => Code::StrayFile,
            Kind::UnreadableFolder { .. } => Code::UnreadableFolder,
            Kind::NonUtf8Name => Code::NonUtf8Name,
            Kind::LinkNotFollowed => Code::LinkNotFollowed,
            Kind::BrokenLink { .. } => Code::BrokenLink,
            Kind::EvidenceNotAFolder | Kind::IndicatorEvidenceIsFile => Code::NotAFolder,
            Kind::OrphanEvidence { .. } => Code::OrphanEvidence,
            Kind::StrayEvidence => Code::StrayEvidence,
            Kind::LooseEvidence { .. } => Code::LooseEvidence,
            Kind::BadMonthFolder { .. } => Code::BadMonthFolder,
            Kind::MonthOutsidePlan { .. } => Code::MonthOutsidePlan,
            Kind::TooDeep { .. } => Code::TooDeep,
            Kind::EmptyFile => Code::EmptyFile,
            Kind::LinkOutside => Code::LinkOutside,
            Kind::Conflicted => Code::Conflicted,
            Kind::IntentToAdd => Code::IntentToAdd,
            Kind::Submodule => Code::Submodule,
            Kind::UnmatchedFile { .. } => Code::UnmatchedFile,
            Kind::LeftAsIs(inner) => inner.code(),
            Kind::FmtUnsafe { .. } => Code::FmtUnsafe,
            Kind::Unwritable { .. } => Code::Unwritable,
            Kind::FmtTooLarge { .. } => Code::FmtTooLarge,
            Kind::ReadOnly => Code::ReadOnly,
            Kind::StaleTemporary => Code::StaleTemporary,
            Kind::NotPlanFile { .. } => Code::NotPlanFile,
            Kind::Lke(kind) => kind.code(),
            Kind::NoHeader => Code::NoHeader,
            Kind::DuplicateColumn { .. } => Code::DuplicateColumn,
            Kind::RowOutsideArea | Kind::RowOutsideComponent | Kind::RowOutsideIndicator => Code::UnplacedRow,
            Kind::UnnumberedComponent { .. } => Code::UnnumberedComponent,
            Kind::NoUnit => Code::NoUnit,
            Kind::NoYear => Code::NoYear,
        }
    }
}

/// The sibling indicator a misfiled file seems to belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LooksLike {
    /// `I.1.2`.
    pub(crate) id: String,
    /// The document of that indicator the file's name matches.
    pub(crate) document: String,
    /// Where the file belongs: that indicator's evidence folder, and the
    /// same month folder inside it.
    pub(crate) folder: String,
}

impl From<Fatal> for Kind {
    /// A unit's fatal error, as that unit's problem.
    fn from(fatal: Fatal) -> Kind {
        Kind::UnitNotJudged { fatal: Box::new(fatal) }
    }
}
