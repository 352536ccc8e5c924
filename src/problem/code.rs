//! The registry of problem codes: every code zi can report, its severity
//! and one line of documentation. `docs/format.md` lists the same table,
//! and a test fails when the two disagree.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Error,
    Warning,
}

impl Code {
    /// Evidence that is in the repository but filed where it does not
    /// count: `zi status`, `zi overdue` and `zi report` say that such files
    /// exist, so that nobody takes a misfiled document for a missing one.
    pub(crate) fn is_misfiled(self) -> bool {
        matches!(
            self,
            Code::BadMonthFolder
                | Code::LooseEvidence
                | Code::MonthOutsidePlan
                | Code::OrphanEvidence
                | Code::StrayEvidence
        )
    }
}

impl Severity {
    #[cfg(test)]
    pub(crate) fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $doc:literal;)*) => {
        /// A stable kebab-case code. Its severity here is the default; the
        /// docs of the few codes that are errors in one place say where.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, for the test that compares this table with the docs.
            #[cfg(test)]
            pub(crate) const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            pub(crate) fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// What the code means, as `docs/format.md` says it.
            #[cfg(test)]
            pub(crate) fn doc(self) -> &'static str {
                match self {
                    $(Code::$variant => $doc,)*
                }
            }
        }
    };
}

codes! {
    TomlSyntax = "toml-syntax", Error, "the file is not valid TOML";
    UnknownKey = "unknown-key", Error, "a key zi does not know (with did-you-mean)";
    WrongType = "wrong-type", Error, "a value of the wrong type";
    MissingKey = "missing-key", Error, "a required key is absent";
    BadDue = "bad-due", Error, "the target time cannot be read";
    BadGlob = "bad-glob", Error, "a `file` pattern is invalid or leaves the file name";
    BadYear = "bad-year", Error, "`zi.toml`'s `year` is out of range";
    UnknownLanguage = "bad-lang", Error, "`zi.toml`'s `lang` is neither `id` nor `en`";
    UnknownGate = "bad-gate", Error, "`zi.toml`'s `[hook] gate` is not `new`, `all` or `none`";
    NotUtf8 = "not-utf8", Error, "a plan file that is not UTF-8 text";
    BinaryFile = "binary-file", Error, "a plan file that holds binary data";
    FileTooLarge = "file-too-large", Error, "a plan file over 1 MiB (not read)";
    UnreadableFile = "unreadable-file", Error, "a file that cannot be read (permissions, I/O)";
    UnreadableFolder = "unreadable-folder", Error, "a folder that cannot be listed";
    NotAFile = "not-a-file", Warning, "a device, pipe, socket, or a folder where a plan file is expected (an error under `plan/`)";
    NoNumber = "no-number", Error, "a plan folder or file without `N-` prefix (skipped)";
    DuplicateNumber = "duplicate-number", Error, "two siblings with the same number";
    MissingNameFile = "missing-name-file", Error, "an area without `area.toml`, a component without `component.toml`";
    NoPlan = "no-plan", Error, "there is no `plan/` folder";
    MisplacedPlanFile = "misplaced-plan-file", Error, "a `.toml` file or folder under `plan/` where zi reads no plan file (skipped)";
    NoDue = "no-due", Warning, "the plan names no target time";
    NoEvidence = "no-evidence", Warning, "the plan lists no evidence documents";
    NoActions = "no-actions", Warning, "the plan lists no actions";
    EmptyText = "empty-text", Warning, "an empty text where the plan's words belong";
    EmptyPlan = "empty-plan", Warning, "`plan/` holds no indicator";
    NotAUnit = "not-a-unit", Error, "a folder a workspace's `units` glob matches holds no `zi.toml` (left out)";
    NoUnitMatches = "no-units", Warning, "a workspace's `units` glob matches no folder, or `units` is empty";
    UnitsOutside = "units-outside", Error, "a workspace's `units` glob reaches outside the workspace root (`..`, an absolute path, a linked folder elsewhere): not read";
    UnitNotJudged = "unit-not-judged", Error, "zi cannot judge a unit of a workspace (git fails on it, a file of it cannot be read): the unit is left out, the others are judged";
    UnitOwnRepository = "unit-own-repository", Error, "a unit of a workspace is its own git repository (a submodule, its own `.git`): the gate at the root leaves it out";
    UnitNotStaged = "unit-not-staged", Warning, "the gate at a workspace root: a unit whose `zi.toml` is not staged is left out";
    OtherYear = "other-year", Warning, "a unit's plan year differs from the workspace's (the unit is still judged in its own year)";
    StrayFile = "stray-file", Warning, "a file or folder under `plan/` that is not part of the layout";
    StrayEvidence = "stray-evidence", Warning, "a file in `evidence/` outside every indicator's folder";
    LooseEvidence = "loose-evidence", Warning, "a file beside the month folders of an indicator with several periods (not counted)";
    NotAFolder = "not-a-folder", Warning, "an indicator's evidence is a file, not a folder (nothing in it counted); an error when `evidence/` itself is a file";
    OrphanEvidence = "orphan-evidence", Warning, "an evidence folder that belongs to no indicator";
    BadMonthFolder = "bad-month-folder", Warning, "a folder in an indicator's evidence that is not `YYYY-MM` or `YYYY-MM-DD`";
    MonthOutsidePlan = "month-outside-plan", Warning, "a month folder in no period of its indicator";
    TooDeep = "too-deep", Warning, "a folder more than 8 levels inside its month folder (not searched)";
    EmptyFile = "empty-file", Warning, "an evidence file of 0 bytes: not a document (not counted)";
    LinkOutside = "link-outside", Warning, "an evidence link that leads outside the repository (not counted)";
    Conflicted = "conflicted", Error, "a file git holds unmerged (a conflict): the staged reading reads neither side";
    IntentToAdd = "intent-to-add", Warning, "a file staged with `git add -N`: a commit will not hold it, so the staged reading leaves it out";
    Submodule = "submodule", Warning, "a git submodule where the plan or evidence has a folder: its files are no part of the repository (not counted)";
    UnmatchedFile = "unmatched-file", Warning, "an evidence file that satisfies no document";
    NonUtf8Name = "non-utf8-name", Warning, "a name that is not UTF-8 (skipped; an error under `plan/`)";
    LinkNotFollowed = "link-not-followed", Warning, "a link to a folder (never followed; an error under `plan/`)";
    BrokenLink = "broken-link", Warning, "a link that leads nowhere (an error under `plan/`)";
    FmtUnsafe = "fmt-unsafe", Error, "`zi fmt` could not lay a file out without changing it (left as it is)";
    Unwritable = "unwritable", Error, "`zi fmt` could not write a file (left unchanged)";
    FmtTooLarge = "fmt-too-large", Error, "laid out, a plan file would be over 1 MiB, which zi does not read (left unchanged)";
    StaleTemporary = "stale-temporary", Warning, "a `.zi-tmp-*` file left by a zi run that was killed (the next write in its folder removes it)";
    ReadOnly = "read-only", Error, "`zi fmt` would rewrite a read-only file (left unchanged)";
    NotPlanFile = "not-a-plan-file", Error, "`zi fmt` was named a path outside `zi.toml` and `plan/` (never opened)";
    BadLke = "bad-lke", Error, "`zi.toml`'s `lke` names no built-in LKE and no readable file, or the file breaks the LKE's rules";
    UnknownQuestion = "unknown-question", Error, "an assessment or an indicator's `lke` names a question the LKE does not have (with did-you-mean)";
    BadAnswer = "bad-answer", Error, "an answer outside its question's scale, a result outside its range, or an unknown `assessor`, `target` or result";
    BadInput = "bad-input", Error, "a percentage item's input missing, unknown, negative or not a number";
    OtherLke = "other-lke", Error, "an assessment made for another LKE than the plan's";
    NoHeader = "no-header", Error, "`zi import`: no row of the spreadsheet names the RKT columns";
    DuplicateColumn = "duplicate-column", Warning, "`zi import`: two columns with the same title (the first is read)";
    UnplacedRow = "unplaced-row", Error, "`zi import`: a row above the area, component or indicator it belongs to (not imported)";
    UnnumberedComponent = "unnumbered-component", Warning, "`zi import`: a component without its number (it gets the next one)";
    NoUnit = "no-unit", Error, "`zi import`: neither the title block nor `--unit` names the unit";
    NoYear = "no-year", Error, "`zi import`: neither the title block, the targets nor `--year` name the plan year";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "a code is registered twice");
    }

    /// `docs/format.md`'s table of codes is the user's copy of this registry.
    #[test]
    fn the_docs_list_every_code_with_its_severity_and_no_other() {
        let docs = include_str!("../../docs/format.md");
        let table: Vec<(String, String, String)> = docs
            .lines()
            .skip_while(|l| !l.starts_with("| code | severity |"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
                (cells[0].trim_matches('`').to_string(), cells[1].to_string(), cells[2].to_string())
            })
            .collect();
        let registry: Vec<(String, String, String)> = Code::ALL
            .iter()
            .map(|c| (c.name().to_string(), c.severity().name().to_string(), c.doc().to_string()))
            .collect();
        assert_eq!(table, registry, "docs/format.md's table of codes and the registry disagree");
    }
}
