//! English.

use super::catalogue::{
    few, listed, plural, quoted_key, quoted_list, Catalogue, HelpWords, Labels, RktLabels,
};
use super::score::ScoreWords;
use crate::model::due::{quoted, DueError, DueErrorKind};
use crate::model::month::{name_in, NAMES_EN};
use crate::problem::{
    Entry, Expected, Fatal, GitTrouble, GlobProblem, HookMessage, Kind, Note, Place, Tip, UnsafeLayout,
    UsageKind, ValueKind,
};

pub(super) struct En;

const SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const LAYOUT: &str =
    "plan/ holds <N-area>/area.toml, <N-area>/<N-component>/component.toml and <N-indicator>.toml files";
const LEFT_AS_IS: &str = "the file is left as it is";
/// The forms a target time may take, with the plan's own year.
fn accepted_forms(year: i32) -> String {
    format!(
        "write a month and year (\"Juli {year}\"), a window (\"Januari s/d Maret {year}\"), \
         \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" or \"setiap ada …\""
    )
}

fn value_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Table => "a table",
        ValueKind::ArrayOfTables => "an array of tables",
        ValueKind::String => "a string",
        ValueKind::Integer => "an integer",
        ValueKind::Float => "a number",
        ValueKind::Boolean => "a boolean",
        ValueKind::Datetime => "a date",
        ValueKind::Array => "an array",
    }
}

fn expected(expected: Expected) -> &'static str {
    match expected {
        Expected::String => "a string",
        Expected::Integer => "an integer such as 2022",
        Expected::Array => "an array",
        Expected::ArrayOfStrings => "an array of strings",
        Expected::StringOrItem => "a string or { name, file }",
        Expected::Globs => "a glob or a list of globs",
        Expected::Date => "a date such as 2022-10-15",
        Expected::Table => "a table, e.g. [hook] on a line of its own",
    }
}

fn month_year(at: crate::model::month::YearMonth) -> String {
    format!("{} {:04}", name_in(&NAMES_EN, at.month()), at.year())
}

impl Catalogue for En {
    fn labels(&self) -> &'static Labels {
        &LABELS
    }

    fn rkt(&self) -> &'static RktLabels {
        &RKT
    }

    fn month_names(&self) -> &'static [&'static str; 12] {
        &NAMES_EN
    }

    fn month_short_names(&self) -> &'static [&'static str; 12] {
        &SHORT
    }

    fn problem(&self, kind: &Kind) -> String {
        match kind {
            Kind::TomlSyntax { message } => format!("invalid TOML: {message}"),
            Kind::DuplicateKey { key, first: Some(line) } => format!("`{key}` is set twice: on line {line} and here"),
            Kind::DuplicateKey { key, first: None } => format!("`{key}` is set twice in the same table"),
            Kind::NestingTooDeep => "arrays or tables are nested deeper than zi reads".into(),
            Kind::KeyInEvidenceItem { key } => format!("`{key}` is read as part of an evidence item"),
            Kind::UnknownKey { key, .. } => format!("unknown key `{}`", quoted_key(key)),
            Kind::WrongType { key, expected: e, found } => {
                format!("`{key}` must be {}, found {}", expected(*e), value_kind(*found))
            }
            Kind::WrongElement { key, found } => {
                format!("`{key}` must be {}, found {}", expected(Expected::String), value_kind(*found))
            }
            Kind::MissingKey { key, .. } => format!("missing key `{key}`"),
            Kind::EvidenceWithoutName => "evidence item has no `name`".into(),
            Kind::UnreadableFile { error } => format!("cannot read file: {error}"),
            Kind::FolderNotFile => "is a folder, not a file".into(),
            Kind::FileTooLarge { size, limit } => {
                format!("file is {size} bytes; plan files are read up to {limit} bytes")
            }
            Kind::BinaryFile => "file holds binary data, not TOML text".into(),
            Kind::NotUtf8 => "file is not valid UTF-8 text".into(),
            Kind::BadYear { year } => format!("year {year} is out of range"),
            Kind::UnknownLanguage { text } => format!("unknown language \"{text}\""),
            Kind::UnknownGate { text } => format!("unknown commit gate \"{text}\""),
            Kind::MissingNameFile { file } => format!("missing {file}"),
            Kind::NoActions => "the plan lists no actions".into(),
            Kind::NoEvidence => "the plan lists no evidence documents; any one file will count".into(),
            Kind::EmptyText { key } => format!("`{key}` is empty"),
            Kind::NoDue => "the plan names no target time".into(),
            Kind::BadDue { text, error, .. } => self.due_message(error, text),
            Kind::BadGlob { glob, problem } => {
                let why = match problem {
                    GlobProblem::Empty => "it is empty",
                    GlobProblem::LeavesName => "it leaves the file name (/, \\ or ..)",
                    GlobProblem::Syntax(why) => why,
                };
                format!("bad file pattern \"{glob}\": {why}")
            }
            Kind::NoPlan { exists: true } => "plan is not a folder".into(),
            Kind::NoPlan { exists: false } => "there is no plan/ folder".into(),
            Kind::EmptyPlan => "the plan has no indicators".into(),
            Kind::NotAUnit => "this folder is matched by the workspace's units but holds no zi.toml".into(),
            Kind::NoUnitMatches { glob: Some(glob) } => format!("the units glob \"{glob}\" matches no folder"),
            Kind::NoUnitMatches { glob: None } => "the workspace's units list is empty: it has no units".into(),
            Kind::UnitsOutside { glob } => {
                format!("the units glob \"{glob}\" reaches outside the workspace root; zi does not read there")
            }
            Kind::UnitNotJudged { fatal } => format!("zi cannot judge this unit: {}", self.fatal(fatal).0),
            Kind::UnitOwnRepository => {
                "this unit is a git repository of its own: the workspace's commit does not hold its files".into()
            }
            Kind::UnitNotStaged => "this unit's zi.toml is not staged: the commit gate leaves the unit out".into(),
            Kind::OtherYear { year, workspace } => {
                format!("this unit plans for {year}, the workspace for {workspace}")
            }
            Kind::NoNumber => "name does not start with a number and a dash; it is skipped".into(),
            Kind::DuplicateNumber { number, first } => format!("number {number} is also used by {first}"),
            Kind::MisplacedPlanFile { entry: Entry::Folder } => {
                "folder named like a plan file is not read; it is skipped".into()
            }
            Kind::MisplacedPlanFile { entry: Entry::File } => {
                "plan file is not where zi reads plan files; it is skipped".into()
            }
            Kind::StrayFile { entry: Entry::Folder } => "folder is not part of the plan layout".into(),
            Kind::StrayFile { entry: Entry::File } => "file is not part of the plan layout".into(),
            Kind::UnreadableFolder { error } => format!("cannot read folder: {error}"),
            Kind::NonUtf8Name => "name is not valid UTF-8; it is skipped".into(),
            Kind::LinkNotFollowed => "links to folders are not followed; its contents are skipped".into(),
            Kind::BrokenLink { error } => format!("link cannot be followed: {error}"),
            Kind::SpecialFile => {
                "neither a file nor a folder (a device, pipe or socket); it is not read".into()
            }
            Kind::EvidenceNotAFolder => "evidence is not a folder; no evidence can be counted".into(),
            Kind::IndicatorEvidenceIsFile => {
                "an indicator's evidence must be a folder, not a file; nothing in it is counted".into()
            }
            Kind::OrphanEvidence { .. } => "evidence folder belongs to no indicator in plan/".into(),
            Kind::StrayEvidence => "file is not inside an indicator's evidence folder".into(),
            Kind::LooseEvidence { .. } => "file is outside a month folder and is not counted".into(),
            Kind::BadMonthFolder { name, .. } => {
                format!("\"{name}\" is not a month folder; its files are not counted")
            }
            Kind::MonthOutsidePlan { folder, .. } => {
                format!("{folder} is in no period of this indicator; its files are not counted")
            }
            Kind::TooDeep { limit } => format!(
                "folder is more than {limit} levels inside its month folder; what is in it is not counted"
            ),
            Kind::UnmatchedFile { .. } => "file satisfies none of the indicator's documents".into(),
            Kind::EmptyFile => "file is empty (0 bytes): it is not a document and is not counted".into(),
            Kind::LinkOutside => "link leads outside the repository; it is not counted".into(),
            Kind::Conflicted => "git holds this file unmerged (a conflict); neither side is read".into(),
            Kind::IntentToAdd => "staged with `git add -N` only: a commit will not hold it; left out".into(),
            Kind::Submodule => "a git submodule: its files are no part of this repository; not counted".into(),
            Kind::LeftAsIs(inner) => self.problem(inner),
            Kind::InvalidToml => "invalid TOML".into(),
            Kind::FmtUnsafe { reason } => {
                let why = match reason {
                    UnsafeLayout::ChangesData => "the layout would change the file's data",
                    UnsafeLayout::LosesComment => "the layout would lose or change a comment",
                    UnsafeLayout::Unstable => "the layout is not stable",
                };
                format!("cannot lay this file out: {why}")
            }
            Kind::Unwritable { error } => format!("cannot write file: {error}"),
            Kind::FmtTooLarge { size, limit } => format!(
                "laid out, the file would be {size} bytes, over the {limit} bytes zi reads; it is left as it is"
            ),
            Kind::ReadOnly => "file is read-only; it is left as it is".into(),
            Kind::StaleTemporary => "temporary file of a zi run that was killed before it finished".into(),
            Kind::NotPlanFile { place: Place::Evidence } => {
                "is under evidence/, which zi fmt never opens".into()
            }
            Kind::NotPlanFile { place: Place::Elsewhere } => {
                "is not zi.toml or under plan/; zi fmt lays out plan files only".into()
            }
            Kind::Lke(kind) => super::score::EN.problem(kind),
            Kind::NoHeader => "no row names the columns of an RKT table".into(),
            Kind::DuplicateColumn { title } => {
                format!("a second column titled \"{}\" (not read)", quoted_key(title))
            }
            Kind::RowOutsideArea => {
                "this row comes before any area row (I, II, …); it is not imported".into()
            }
            Kind::RowOutsideComponent => {
                "this indicator comes before any component of its area; it is not imported".into()
            }
            Kind::RowOutsideIndicator => {
                "these actions or documents come before any indicator; they are not imported".into()
            }
            Kind::UnnumberedComponent { number } => {
                format!("this component has no number; it is numbered {number}")
            }
            Kind::NoUnit => "the title block names no work unit".into(),
            Kind::NoYear => "neither the title block nor the targets name the plan year".into(),
        }
    }

    fn hint(&self, kind: &Kind) -> String {
        match kind {
            Kind::TomlSyntax { message } if message.contains("quoted") || message.contains("string") => {
                "strings need double quotes and arrays square brackets: key = \"text\", list = [\"a\", \"b\"]"
                    .into()
            }
            Kind::TomlSyntax { .. } => {
                "write one key = value per line, text in double quotes, lists in [ ], tables as [name] on a line of their own"
                    .into()
            }
            Kind::KeyInEvidenceItem { key } => format!(
                "a key below [[evidence]] belongs to that item: move `{key} = …` above the first [[evidence]]"
            ),
            Kind::DuplicateKey { .. } => "keep one of the two lines (a key holds one value; a list holds many)".into(),
            Kind::NestingTooDeep => "a plan file needs at most a list of { name, file } items: flatten the nesting".into(),
            Kind::UnknownKey { suggestion: Some(k), .. } => format!("did you mean `{k}`?"),
            Kind::UnknownKey { suggestion: None, known, .. } => format!("known keys: {}", known.join(", ")),
            Kind::WrongType { key, expected: e, .. } => format!("write `{key}` as {}", expected(*e)),
            Kind::WrongElement { key, .. } => format!("every item of `{key}` is a quoted string"),
            Kind::MissingKey { example, .. } => format!("add a line such as: {example}"),
            Kind::EvidenceWithoutName => "write { name = \"Daftar hadir\", file = \"daftar*hadir*\" }".into(),
            Kind::UnreadableFile { .. } => "check the file's permissions".into(),
            Kind::FolderNotFile => "replace it with a TOML text file, or move it out of the way".into(),
            Kind::FileTooLarge { .. } => "a plan file holds one indicator; move other data out of plan/".into(),
            Kind::BinaryFile => {
                "plan files are TOML text; scanned documents and other evidence belong under evidence/".into()
            }
            Kind::NotUtf8 => "save the file as UTF-8".into(),
            Kind::BadYear { .. } => "write the plan year, e.g. year = 2022".into(),
            Kind::UnknownLanguage { .. } => "write lang = \"id\" or lang = \"en\"".into(),
            Kind::UnknownGate { .. } => {
                "write gate = \"new\" (refuse what a commit makes worse), \"all\" (refuse while anything is overdue) or \"none\" (only print)".into()
            }
            Kind::MissingNameFile { file } => format!("create {file} with a line: name = \"…\""),
            Kind::NoActions => "write the actions (LANGKAH AKSI) as the unit's plan states them".into(),
            Kind::NoEvidence => "name the evidence (BUKTI FISIK) the evaluators will ask for".into(),
            Kind::EmptyText { .. } => "write the text from the plan".into(),
            Kind::NoDue => {
                "write the target month (TARGET WAKTU), e.g. due = \"Juli\" (a month without a year is in the plan year); until then it has no deadline"
                    .into()
            }
            Kind::BadDue { error, plan_year, .. } => self.due_hint(error, *plan_year),
            Kind::BadGlob { .. } => {
                "a pattern names files inside the indicator's evidence folder, e.g. \"notul*\"".into()
            }
            Kind::NoPlan { .. } => "create plan/<N-area>/<N-component>/<N-indicator>.toml".into(),
            Kind::EmptyPlan => "add indicator files: plan/1-area/1-component/1-indicator.toml".into(),
            Kind::NotAUnit => "start a plan there with `zi init` at the workspace root, or narrow the units glob in zi.toml".into(),
            Kind::NoUnitMatches { .. } => "globs are relative to the workspace root, e.g. \"units/*\"".into(),
            Kind::UnitsOutside { .. } => {
                "keep the units inside the workspace: a glob from its root without `..`, e.g. \"units/*\"".into()
            }
            Kind::UnitNotJudged { fatal } => self.fatal(fatal).1,
            Kind::UnitOwnRepository => {
                "commit in the unit itself (its own `zi hook install` gates it), or make it a plain folder of the workspace".into()
            }
            Kind::UnitNotStaged => "`git add` the unit's folder to have it gated".into(),
            Kind::OtherYear { .. } => "set the unit's year in its zi.toml, or the workspace's year in the root zi.toml".into(),
            Kind::NoNumber => {
                "start the name with a number and a dash, e.g. 2-pola-mutasi-internal (the number gives its order and ID)".into()
            }
            Kind::DuplicateNumber { .. } => "give each sibling its own number".into(),
            Kind::MisplacedPlanFile { .. } | Kind::StrayFile { .. } => LAYOUT.into(),
            Kind::UnreadableFolder { .. } => "check the folder's permissions".into(),
            Kind::NonUtf8Name => "rename it using UTF-8 characters".into(),
            Kind::LinkNotFollowed => "replace the link with a real folder".into(),
            Kind::BrokenLink { .. } => "remove the link or restore its target".into(),
            Kind::SpecialFile => "remove it or replace it with a file".into(),
            Kind::EvidenceNotAFolder => {
                "evidence/ is a folder that mirrors plan/: move the file away and create the folder".into()
            }
            Kind::IndicatorEvidenceIsFile => {
                "make it a folder of month folders (YYYY-MM) holding the documents".into()
            }
            Kind::OrphanEvidence { suggestion: Some(name) } => {
                format!("did you mean {name}? rename the folder to it, and its files count for that indicator")
            }
            Kind::OrphanEvidence { suggestion: None } => {
                "evidence/ mirrors plan/: rename the folder to match its indicator file, or move its files".into()
            }
            Kind::StrayEvidence => "move it to evidence/<area>/<component>/<indicator>/YYYY-MM/".into(),
            Kind::LooseEvidence { periods, example: Some(month) } => format!(
                "this indicator has {periods} periods: move it into the month folder of its period, e.g. {month}/"
            ),
            Kind::LooseEvidence { example: None, .. } => {
                "this indicator has no deadline: put each occurrence's files in a YYYY-MM or YYYY-MM-DD folder"
                    .into()
            }
            Kind::BadMonthFolder { guess: Some(guess), .. } => format!("rename it to {guess}"),
            Kind::BadMonthFolder { guess: None, year, .. } => {
                format!("evidence goes in month folders named YYYY-MM (e.g. {year}-07), or YYYY-MM-DD for one occurrence")
            }
            Kind::MonthOutsidePlan { first, last, .. } => {
                format!("its periods run from {first} to {last}: move the files into one of those months")
            }
            Kind::TooDeep { .. } => "move the documents up, closer to the month folder".into(),
            Kind::UnmatchedFile { looks_like: Some(like), .. } => format!(
                "it looks like \"{}\" of {}: move it to {}/",
                like.document, like.id, like.folder
            ),
            Kind::UnmatchedFile { documents, plan_file, looks_like: None } => format!(
                "name it after one of: {}; or give the document a `file` pattern in {plan_file}",
                few(documents, |n| format!(" and {n} more"))
            ),
            Kind::EmptyFile => "put the document's content in it, or remove it (an upload that failed?)".into(),
            Kind::LinkOutside => "copy the document into the repository in place of the link".into(),
            Kind::Conflicted => "resolve the conflict, then `git add` the file".into(),
            Kind::IntentToAdd => "`git add` the file to commit it".into(),
            Kind::Submodule => "copy the files into the repository in place of the submodule".into(),
            Kind::LeftAsIs(inner) => format!("{}; {LEFT_AS_IS}", self.hint(inner)),
            Kind::InvalidToml => LEFT_AS_IS.into(),
            Kind::FmtUnsafe { .. } => format!("{LEFT_AS_IS}; this is a bug in zi, please report it with the file"),
            Kind::Unwritable { .. } => "check the file's permissions; the file is unchanged".into(),
            Kind::FmtTooLarge { .. } => {
                "a plan file holds one indicator; move the other data out of plan/, then run zi fmt again".into()
            }
            Kind::ReadOnly => "make it writable (chmod u+w) to have it laid out, or leave it".into(),
            Kind::StaleTemporary => {
                "the next zi fmt removes it (or delete it); it is not part of the plan, so do not commit it".into()
            }
            Kind::NotPlanFile { .. } => "name zi.toml, plan/ or files under it; evidence is never rewritten".into(),
            Kind::Lke(kind) => super::score::EN.hint(kind),
            Kind::NoHeader => "title the columns of the table, in one row: INDIKATOR and at least two of NO, KOMPONEN, LANGKAH AKSI, BUKTI FISIK, TARGET WAKTU, PIC (`docs/format.md` lists every title zi knows); or name the sheet with --sheet".into(),
            Kind::DuplicateColumn { .. } => "rename or delete one of the two columns".into(),
            Kind::RowOutsideArea => "put the area's row above it: its Roman numeral in NO and its name beside it".into(),
            Kind::RowOutsideComponent => "put the component's number in NO and its name in KOMPONEN, on this row or above it".into(),
            Kind::RowOutsideIndicator => "write the indicator in INDIKATOR, on this row or above it".into(),
            Kind::UnnumberedComponent { .. } => "write the component's number in NO, or check the numbers of the components after it".into(),
            Kind::NoUnit => "give it with --unit \"Balai …\", or write it above the table's header".into(),
            Kind::NoYear => "give it with --year 2023, or write \"TAHUN 2023\" above the table's header".into(),
        }
    }

    fn due_message(&self, error: &DueError, text: &str) -> String {
        use DueErrorKind::*;
        let quoted = quoted(text);
        match &error.kind {
            Empty => "the target time is empty".to_string(),
            UnknownWord { word, .. } => format!("unknown word \"{word}\" in \"{quoted}\""),
            Misplaced { word } => format!("\"{word}\" is out of place in \"{quoted}\""),
            BadYear { digits } => format!("\"{digits}\" is not a year in \"{quoted}\""),
            MissingMonth { year } => format!("year {year:04} has no month in \"{quoted}\""),
            DanglingRange { word } => format!("\"{word}\" needs a month on both sides in \"{quoted}\""),
            WindowBackwards { first, last } => format!(
                "the window from {} to {} ends before it starts in \"{quoted}\"",
                month_year(*first),
                month_year(*last)
            ),
            RecurrenceOutsidePlanYear { year, plan_year, .. } => format!(
                "a recurring target time belongs to the plan year {plan_year:04}, not {year:04}, in \"{quoted}\""
            ),
            PlanYearOutOfRange { plan_year } => format!(
                "a month without a year takes the plan year, but {plan_year} is not a valid year, in \"{quoted}\""
            ),
            NoSuchDay { day, month } => format!("{} has no day {day}, in \"{quoted}\"", month_year(*month)),
            NoSuchPart { word, parts } => {
                format!("\"{word}\" names a part the year does not have (it has {parts}), in \"{quoted}\"")
            }
        }
    }

    fn due_hint(&self, error: &DueError, year: i32) -> String {
        use DueErrorKind::*;
        match &error.kind {
            UnknownWord { suggestion: Some(s), .. } => format!("did you mean \"{s}\"?"),
            Empty | UnknownWord { suggestion: None, .. } | Misplaced { .. } => accepted_forms(year),
            BadYear { .. } => format!("write the year with four digits, from 0001 to 9999 (\"Juli {year}\")"),
            MissingMonth { .. } | PlanYearOutOfRange { .. } => format!("write the month, then its year (\"Juli {year}\")"),
            DanglingRange { .. } => format!("write a window as \"Januari s/d Maret {year}\""),
            WindowBackwards { .. } => format!(
                "put the earlier month first; a window across a year end needs both years (\"Desember {year} s/d Februari {}\")",
                year + 1
            ),
            RecurrenceOutsidePlanYear { recurrence, year, .. } => format!(
                "drop the year (\"{}\") or move the indicator to the {year:04} plan",
                recurrence.phrase()
            ),
            NoSuchDay { month, .. } => {
                format!(
                    "write a day of {} (\"15 {}\"), or the month alone for its end",
                    month_year(*month),
                    month_year(*month)
                )
            }
            NoSuchPart { parts: 4, .. } => {
                "quarters are I to IV (\"Triwulan II\", \"TW 3\", \"Q4\")".to_string()
            }
            NoSuchPart { .. } => "half years are I and II (\"Semester I\", \"S2\")".to_string(),
        }
    }

    fn fatal(&self, fatal: &Fatal) -> (String, String) {
        let plain = |message: String| (message, String::new());
        match fatal {
            Fatal::NoRoot { start } => (
                format!("no zi.toml found in {start} or any parent folder"),
                "run zi inside a plan repository, or point at one with -C DIR".into(),
            ),
            Fatal::CannotOpen { path, error } => plain(format!("cannot open {path}: {error}")),
            Fatal::NotAFolder { path } => plain(format!("{path} is not a folder")),
            Fatal::NoUnitSelected { text, units } => (
                format!("no unit of the workspace matches \"{text}\""),
                format!("the units are: {}", units.join(", ")),
            ),
            Fatal::NotAWorkspace => (
                "--unit selects units of a workspace, and this is one unit's plan".into(),
                "run it at the workspace root (the folder whose zi.toml has [workspace])".into(),
            ),
            Fatal::OneUnitOnly { command } => (
                format!("zi {command} works on one unit, and this is a workspace root"),
                format!("run it in the unit's folder, e.g. zi -C units/NAME {command}"),
            ),
            Fatal::FileInNoUnit { path } => (
                format!("{path} is in no unit of this workspace"),
                "give an assessment in a unit's folder, e.g. units/NAME/assessments/2022-10.toml".into(),
            ),
            Fatal::UnitFolderUnnamed => (
                "zi init at a workspace root needs the new unit's folder".into(),
                "name it: zi init NAME --from PLAN_DIR (or give the unit's name with --unit TEXT)".into(),
            ),
            Fatal::OutsideUnits { path, globs } => (
                format!("{path} is not a folder the workspace's units cover, so it would be no unit"),
                if globs.is_empty() {
                    "the workspace's zi.toml lists no units glob: add one that matches the folder".into()
                } else {
                    format!(
                        "the units globs in zi.toml are {}: name a folder they match, or add one to them",
                        quoted_list(globs)
                    )
                },
            ),
            Fatal::NoIndicatorMatches { ids } => (
                format!("no indicator matches {}", quoted_list(ids)),
                "ids look like III, III.3 or III.3.4; `zi status` lists them".into(),
            ),
            Fatal::ShowTakesOne { id, count, listed: ids, more } => (
                format!("`{id}` matches {count} indicators ({}); `zi show` takes one", listed(ids, *more)),
                format!("`zi status {id}` lists them"),
            ),
            Fatal::NotWrittenByZi { path } => (
                format!("{path} exists and was not written by zi; not replacing it"),
                "choose another file, or pass --force to replace it".into(),
            ),
            Fatal::WorkbookToTerminal => (
                "a workbook is binary: zi does not write it to a terminal".into(),
                "write it to a file with -o FILE.xlsx, or redirect it: > FILE.xlsx".into(),
            ),
            Fatal::OutputIsFolder { path } => {
                (format!("{path} is a folder"), format!("name a file, e.g. {path}/laporan.html"))
            }
            Fatal::CannotRead { path, error } => plain(format!("cannot read {path}: {error}")),
            Fatal::CannotWrite { path, error } => plain(format!("cannot write {path}: {error}")),
            Fatal::CannotCreate { path, error } => plain(format!("cannot create {path}: {error}")),
            Fatal::CannotRemove { path, error } => plain(format!("cannot remove {path}: {error}")),
            Fatal::CannotKeepOldHook { backup, error } => {
                plain(format!("cannot keep the old hook as {backup}: {error}"))
            }
            Fatal::CannotRestoreHook { backup, error } => plain(format!("cannot restore {backup}: {error}")),
            Fatal::NoSuchPath { path } => plain(format!("no such file or folder: {path}")),
            Fatal::NotInGit { path, error } => {
                (format!("{path} is not inside a git repository ({error})"), "`git init` makes it one".into())
            }
            Fatal::NotARevision { rev } => plain(format!("`{rev}` is not a revision")),
            Fatal::DanglingConfig { path } => (
                format!("{path} is a link to a file that does not exist"),
                "point the link at the plan's zi.toml, or replace it with the file".into(),
            ),
            Fatal::BareRepository { path } => (
                format!("{path} is a bare git repository: it has no work tree with a plan to read"),
                "run zi in a clone of it (git clone), or point at one with -C DIR".into(),
            ),
            Fatal::NoCommitsYet { rev } => (
                format!("the repository has no commit yet, so `{rev}` names nothing"),
                "commit the plan first (git add -A && git commit)".into(),
            ),
            Fatal::ShallowClone { rev } => (
                format!("`{rev}` is not in this shallow clone"),
                "fetch the history it needs: git fetch --unshallow (or --deepen N)".into(),
            ),
            Fatal::UnknownRevision { rev } => (
                format!("unknown revision `{rev}`"),
                "name a commit, e.g. HEAD~1, a branch, a tag or a hash (`git log --oneline`)".into(),
            ),
            Fatal::SymmetricRange { range } => {
                plain(format!("`{range}`: zi diff compares two commits, A..B; A...B is not supported"))
            }
            Fatal::GitMissing => plain("git is not installed or not on PATH".into()),
            Fatal::GitCannotRun { error } => plain(format!("cannot run git: {error}")),
            Fatal::GitFailed { command, message } => plain(format!("git {command} failed: {message}")),
            Fatal::GitUnexpected { trouble } => plain(match trouble {
                GitTrouble::NoTop => "git did not name the top of the work tree".into(),
                GitTrouble::NoPipe => "git cat-file could not be given its input or read".into(),
                GitTrouble::ReadObject { object, error } => {
                    format!("unexpected answer from git for object {object}: {error}")
                }
                GitTrouble::Write { error } => format!("cannot write to git cat-file: {error}"),
                GitTrouble::Wait { error } => format!("waiting for git failed: {error}"),
            }),
            Fatal::ForeignHook { shown, chain, backup } => (
                format!("{shown} already exists and zi did not write it; it is left as it is"),
                format!(
                    "to run zi's check as well, add this line to that hook: `{chain} || exit 1`; \
                     or replace it with `zi hook install --force` (the old hook is kept as {backup})"
                ),
            ),
            Fatal::BackupInTheWay { path } => {
                plain(format!("{path} already exists; move it away first, so that no hook is lost"))
            }
            Fatal::NotOurHook { shown } => {
                plain(format!("{shown} was not written by zi; it is left as it is"))
            }
            Fatal::HookInAUnit { root } => (
                format!("this plan is a unit of the workspace at {root}: the workspace's one hook gates every unit"),
                format!("run `zi hook install` or `zi hook uninstall` at the workspace root ({root})"),
            ),
            Fatal::TodayNotUtf8 { text } => (
                format!("ZI_TODAY is not UTF-8 text: \"{text}\""),
                "set it to a date written as YYYY-MM-DD, or unset it".into(),
            ),
            Fatal::BadToday { text } => (
                format!("ZI_TODAY is not a date: \"{text}\""),
                "write it as YYYY-MM-DD (year 0001 to 9999), or unset it".into(),
            ),
            Fatal::Output { error } => plain(format!("cannot write the output: {error}")),
            Fatal::PlanExists { path, force_helps: true } => (
                format!("{path} already holds a plan; not writing into it"),
                "import into an empty folder (-C DIR), or pass --force to replace the plan files".into(),
            ),
            Fatal::PlanExists { path, force_helps: false } => (
                format!("{path} already holds a plan; not writing into it"),
                "start the new plan in an empty folder: zi init DIR".into(),
            ),
            Fatal::NotASpreadsheet { path } => (
                format!("{path} is not a spreadsheet zi reads"),
                "zi imports .xlsx, .xls, .ods and .csv files".into(),
            ),
            Fatal::UnreadableSpreadsheet { path, error } => plain(format!("cannot read {path}: {error}")),
            Fatal::NoSuchSheet { name, sheets } => {
                (format!("no sheet named \"{name}\""), format!("the sheets are: {}", sheets.join(", ")))
            }
            Fatal::UnknownExportFormat { path } => (
                format!("cannot tell the format of {path}"),
                "name the file .xlsx or .csv, or pass --format xlsx|csv".into(),
            ),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::ProblemsInPlan { errors } => {
                format!("{errors} problem{} in plan files; run `zi check` for details", plural(*errors))
            }
            Note::NotCanonical { files } => {
                format!(
                    "{files} file{} not in the canonical layout; `zi fmt` rewrites {}",
                    plural(*files),
                    if *files == 1 { "it" } else { "them" }
                )
            }
            Note::HookAlreadyInstalled { shown } => {
                format!("the zi pre-commit hook is already installed: {shown}")
            }
            Note::HookInstalled { shown, backup: Some(backup) } => {
                format!("installed the zi pre-commit hook: {shown} (the old hook is kept as {backup})")
            }
            Note::HookInstalled { shown, backup: None } => {
                format!("installed the zi pre-commit hook: {shown}")
            }
            Note::HookUpdated { shown } => format!("updated the zi pre-commit hook: {shown}"),
            Note::HookRuns => {
                "it runs `zi overdue` before each commit; to commit anyway, once: git commit --no-verify"
                    .into()
            }
            Note::NoHookToRemove { shown } => format!("no pre-commit hook to remove: {shown}"),
            Note::HookRemoved { shown, restored: true } => {
                format!("removed the zi pre-commit hook and put back the one it replaced: {shown}")
            }
            Note::HookRemoved { shown, restored: false } => {
                format!("removed the zi pre-commit hook: {shown}")
            }
            Note::BrokenConfig { place, kind } => {
                format!("{place}: {}; zi goes on without it (`zi check` says more)", self.problem(kind))
            }
            Note::Misfiled { places: 1 } => {
                "1 evidence file or folder is filed where it does not count; `zi check` says where".into()
            }
            Note::Misfiled { places } => {
                format!("{places} evidence files or folders are filed where they do not count; `zi check` says where")
            }
            Note::NewSince { rev, new: 0 } => format!("none of this is new since {rev}"),
            Note::NewSince { rev, new } => {
                format!("{new} new since {rev}: overdue periods or plan errors that {rev} did not have")
            }
            Note::NothingBeforeFirstCommit => "no commit yet, so nothing is new".into(),
            Note::MoreOverdue { more } => format!("… and {more} more: `zi overdue --staged` lists them all"),
            Note::Imported { indicators, components, areas, from, files, dry_run } => {
                let verb = if *dry_run { "would write" } else { "wrote" };
                format!(
                    "read {indicators} indicator(s) in {components} component(s) and {areas} area(s) from {from}; \
                     {verb} {files} file(s); `zi check` lists what the plan still lacks"
                )
            }
            Note::Initialised { unit, year, areas, indicators, path, git } => format!(
                "started the {year} plan of {unit} in {path}{}: {areas} areas, {indicators} indicators to plan; \
                 `zi check` lists what each still lacks",
                if *git { " (a new git repository)" } else { "" }
            ),
            Note::WorkspaceStarted { path, units, git } => format!(
                "started a workspace in {path}{}: add a unit with `zi init NAME --unit TEXT --year YEAR` there (it goes in {units}/NAME)",
                if *git { " (a new git repository)" } else { "" }
            ),
            Note::EvidenceFolders { made: 0 } => "every indicator has its evidence folder".into(),
            Note::EvidenceFolders { made } => format!("made {made} evidence folder(s)"),
            Note::Exported { indicators, path } => format!("wrote {indicators} indicator(s) to {path}"),
        }
    }

    fn hook_message(&self, message: HookMessage) -> &'static str {
        match message {
            HookMessage::NotFound => "zi pre-commit hook: zi is not on PATH, so the work plan was not checked and the commit is refused.\n  Install zi (cargo install), or commit without the check, once: git commit --no-verify",
            HookMessage::Refused => "zi pre-commit hook: commit refused, something in the work plan is overdue (see above).\n  Add the missing evidence, or commit anyway, once: git commit --no-verify",
            HookMessage::RefusedNew => "zi pre-commit hook: commit refused, it makes the work plan worse (see above).\n  Put back or add the missing evidence, fix the plan file, or commit anyway, once: git commit --no-verify",
            HookMessage::RefusedUnjudged => "zi pre-commit hook: commit refused, zi could not judge a unit of the workspace (see above).\n  Fix what its error names, or commit anyway, once: git commit --no-verify",
            HookMessage::Failed => "zi pre-commit hook: zi could not check the work plan (see above), so the commit is refused.\n  Fix the problem, or commit anyway, once: git commit --no-verify",
        }
    }

    fn errors_and_warnings(&self, errors: usize, warnings: usize) -> String {
        format!("{errors} error{}, {warnings} warning{}", plural(errors), plural(warnings))
    }

    fn due_in_days(&self, days: i64) -> String {
        format!("due in {days} day{}", if days == 1 { "" } else { "s" })
    }

    fn days_late(&self, days: i64) -> String {
        format!("{days} day{} late", plural(usize::try_from(days).unwrap_or(0)))
    }

    fn indicator_count(&self, n: usize) -> String {
        format!("{n} indicator{}", plural(n))
    }

    fn beyond_annotation_limit(
        &self,
        limit: usize,
        errors: usize,
        warnings: usize,
        notices: usize,
    ) -> String {
        format!(
            "zi found {errors} error{}, {warnings} warning{} and {notices} notice{}; GitHub shows at most {limit} annotations of each kind per step, so some are only in this step's log (every one is there)",
            plural(errors),
            plural(warnings),
            plural(notices)
        )
    }

    fn nothing_overdue(&self, as_of: &str) -> String {
        format!("nothing overdue as of {as_of}")
    }

    fn overdue_periods(&self, periods: usize, indicators: usize, as_of: &str) -> String {
        format!(
            "{periods} overdue period{} in {indicators} indicator{} as of {as_of}",
            plural(periods),
            plural(indicators)
        )
    }

    fn invalid_indicators(&self, n: usize) -> String {
        format!("{n} invalid indicator{} (see `zi check`)", plural(n))
    }

    fn periods_due_soon(&self, n: usize) -> String {
        format!("{n} period{} due soon", plural(n))
    }

    fn show_one_hint(&self) -> &'static str {
        "`zi show ID` shows one in full"
    }

    fn help_texts(&self) -> &'static [(&'static str, &'static str)] {
        super::en_help::HELP
    }

    fn help_words(&self) -> &'static HelpWords {
        &super::en_help::WORDS
    }

    fn usage_message(&self, kind: &UsageKind) -> String {
        super::en_help::usage_message(kind)
    }

    fn usage_tip(&self, tip: &Tip) -> String {
        super::en_help::usage_tip(tip)
    }
}

pub(super) static LABELS: Labels = Labels {
    id: "ID",
    indicator: "Indicator",
    status: "Status",
    next_deadline: "Next deadline",
    to_date: "To date",
    year: "Year",
    total: "Total",
    area: "Area",
    component: "Component",
    as_of: "as of",
    plan_year: "plan year",
    target: "Target",
    actions: "Actions",
    evidence: "Evidence",
    period: "Period",
    document: "Document",
    files: "Files",
    state: "State",
    missing: "missing",
    unmatched: "files matching no document",
    pic: "Person in charge",
    path: "File",
    month: "Month",
    none: "—",
    complete: "complete",
    open: "open",
    due: "due",
    overdue: "overdue",
    due_within: "due soon",
    default_title: "Integrity Zone Work Plan",
    no_target: "(no target time)",
    loose_files: "files outside month folders",
    ignored_files: "files that never count",
    in_lfs: "in LFS",
    in_lfs_files: "Evidence files in Git LFS, not pulled (they count)",
    status_done: "done",
    status_on_track: "on track",
    status_due: "due",
    status_overdue: "overdue",
    status_occurrences: "occurrences",
    status_occurrences_count: "as needed",
    status_invalid: "invalid",
    error: "error",
    warning: "warning",
    hint: "hint",
    contents: "Contents",
    progress_per_area: "Progress per area",
    indicators: "Indicators",
    by_status: "Indicators by status",
    timeline: "Timeline",
    legend: "Legend",
    upcoming: "upcoming",
    period_months: "earlier months of the period",
    occurrence_with_files: "occurrence with files",
    this_month: "this month",
    overdue_documents: "Overdue: missing documents",
    misfiled_evidence: "Evidence filed where it does not count",
    misfiled_why: "These files are in the repository, but where zi cannot count them: a document listed as missing above may be one of them. Move or rename them as the fix says.",
    missing_documents: "Missing documents",
    documents_and_files: "Documents and files per indicator",
    plan_file: "Plan file",
    evidence_folder: "Evidence folder",
    problem: "Problem",
    changes: "What changed",
    working_tree: "working tree",
    change: "Change",
    slipped: "Deadlines moved later",
    target_changed: "Target times changed",
    status_changed: "Status changed",
    periods_completed: "Periods completed",
    periods_reopened: "Periods no longer complete",
    documents_added: "Documents added",
    documents_removed: "Documents removed",
    indicators_added: "Indicators added",
    indicators_removed: "Indicators removed",
    no_changes: "no change in status",
    matches_no_document: "matches no document",
    any_document: "(any document)",
    severity: "Severity",
    code: "Code",
    line: "Line",
    column: "Column",
    hint_column: "Hint",
    change_kind: "Kind of change",
    present: "present",
    required: "required",
    days_late: "Days late",
    documents: "documents",
    not_due_yet: "not due yet",
    acknowledged: "Acknowledged,",
    nip: "NIP",
    late: "Late",
};

pub(super) static RKT: RktLabels = RktLabels {
    no: "NO",
    component: "COMPONENT",
    indicator: "INDICATOR",
    actions: "ACTIONS",
    evidence: "EVIDENCE",
    due: "TARGET TIME",
    pic: "PERSON IN CHARGE",
    status: "STATUS",
    documents: "DOCUMENTS",
    remarks: "MISSING DOCUMENTS",
    id: "ID",
    area: "AREA",
    year: "YEAR",
    sheet: "RKT",
    flat_sheet: "Status",
};
