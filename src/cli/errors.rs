//! clap's errors read into `UsageError`, data the catalogue words, so that
//! a typo in a command or a flag is answered in the user's language.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::args::BadDate;
use crate::problem::{Tip, UsageError, UsageKind, Wanted};

/// What is wrong with the command line, or `None` when clap's answer is
/// not an error but help or the version (shown as clap renders them).
pub(crate) fn usage_error(error: &clap::Error) -> Option<UsageError> {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => usize::try_from(*n).unwrap_or(0),
        _ => 0,
    };
    let arg = string(ContextKind::InvalidArg);
    let value = string(ContextKind::InvalidValue);
    let kind = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => return None,
        ErrorKind::InvalidSubcommand => {
            UsageKind::UnknownCommand { name: string(ContextKind::InvalidSubcommand) }
        }
        ErrorKind::UnknownArgument => UsageKind::UnknownArgument { arg },
        ErrorKind::InvalidValue if value.is_empty() => {
            UsageKind::MissingValue { arg, choices: strings(ContextKind::ValidValue) }
        }
        ErrorKind::InvalidValue => {
            UsageKind::NotAChoice { arg, value, choices: strings(ContextKind::ValidValue) }
        }
        ErrorKind::ValueValidation => {
            let wanted = match std::error::Error::source(error) {
                Some(source) if source.is::<BadDate>() => Wanted::Date,
                Some(source) if source.is::<std::num::ParseIntError>() => Wanted::Count,
                _ => Wanted::Other,
            };
            UsageKind::BadValue { arg, value, wanted }
        }
        ErrorKind::ArgumentConflict => match error.get(ContextKind::PriorArg) {
            Some(ContextValue::String(prior)) if *prior == arg => UsageKind::Repeated { arg },
            Some(ContextValue::String(prior)) => UsageKind::Conflict { arg, with: Some(prior.clone()) },
            _ => UsageKind::Conflict { arg, with: None },
        },
        ErrorKind::MissingRequiredArgument => {
            UsageKind::MissingArguments { args: strings(ContextKind::InvalidArg) }
        }
        ErrorKind::MissingSubcommand => UsageKind::MissingCommand {
            command: string(ContextKind::InvalidSubcommand),
            commands: strings(ContextKind::ValidSubcommand),
        },
        ErrorKind::TooManyValues => UsageKind::UnexpectedValue { arg, value },
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => UsageKind::WrongNumberOfValues {
            arg,
            expected: number(ContextKind::ExpectedNumValues).max(number(ContextKind::MinValues)),
            actual: number(ContextKind::ActualNumValues),
        },
        ErrorKind::NoEquals => UsageKind::NeedsEquals { arg },
        ErrorKind::InvalidUtf8 => UsageKind::InvalidUtf8,
        _ => UsageKind::Unreadable,
    };
    let mut tips = Vec::new();
    let similar = strings(ContextKind::SuggestedSubcommand);
    if !similar.is_empty() {
        tips.push(Tip::SimilarCommands(similar));
    }
    if let Some(ContextValue::String(arg)) = error.get(ContextKind::SuggestedArg) {
        tips.push(Tip::SimilarArgument(arg.clone()));
    }
    let similar = strings(ContextKind::SuggestedValue);
    if !similar.is_empty() {
        tips.push(Tip::SimilarValues(similar));
    }
    if let Some(ContextValue::StyledStrs(suggested)) = error.get(ContextKind::Suggested) {
        tips.extend(suggested.iter().filter_map(|s| tip(&s.to_string())));
    }
    let usage = match error.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => {
            let usage = usage.to_string();
            Some(usage.split_once(' ').map_or(usage.as_str(), |(_, rest)| rest).trim().to_string())
        }
        _ => None,
    };
    Some(UsageError { kind, tips, usage })
}

/// One of clap's free-text suggestions, read back into data: clap words
/// them in English only (`clap_builder::error::Error`); the unit tests pin
/// the shapes read here.
fn tip(text: &str) -> Option<Tip> {
    let quoted: Vec<&str> = text.split('\'').skip(1).step_by(2).collect();
    if text.starts_with("to pass ") {
        let [value, written] = quoted[..] else { return None };
        Some(Tip::PassAsValue { value: value.to_string(), written: written.to_string() })
    } else if text.starts_with("subcommand ") {
        Some(Tip::RemoveDashes { command: quoted.first()?.to_string() })
    } else if text.ends_with(" exists") {
        Some(Tip::BelongsTo { written: quoted.first()?.to_string() })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use super::*;
    use crate::text::Lang;

    fn refused(args: &[&str]) -> UsageError {
        let args: Vec<OsString> =
            std::iter::once("zi").chain(args.iter().copied()).map(OsString::from).collect();
        let error = super::super::parse_plain(&args).expect_err("clap refuses it");
        usage_error(&error).expect("an error, not help")
    }

    #[test]
    fn the_free_text_suggestions_of_clap_are_read_into_tips() {
        assert_eq!(refused(&["--", "status"]).tips, [Tip::RemoveDashes { command: "status".into() }]);
        assert_eq!(
            refused(&["show", "-3"]).tips,
            [Tip::PassAsValue { value: "-3".into(), written: "-- -3".into() }]
        );
        assert_eq!(refused(&["--format", "json"]).tips, []);
    }

    #[test]
    fn typos_come_with_what_was_meant() {
        let typo = refused(&["statsu"]);
        assert_eq!(typo.kind, UsageKind::UnknownCommand { name: "statsu".into() });
        assert_eq!(typo.tips, [Tip::SimilarCommands(vec!["status".into()])]);
        assert_eq!(typo.usage.as_deref(), Some("zi [OPTIONS] <COMMAND>"));
        let flag = refused(&["status", "--formt", "csv"]);
        assert_eq!(flag.kind, UsageKind::UnknownArgument { arg: "--formt".into() });
        assert_eq!(flag.tips, [Tip::SimilarArgument("--format".into())]);
    }

    #[test]
    fn refused_values_say_what_was_wanted() {
        let wanted = |args: &[&str]| match refused(args).kind {
            UsageKind::BadValue { wanted, .. } => wanted,
            other => panic!("{other:?}"),
        };
        assert_eq!(wanted(&["--as-of", "2022-02-30", "status"]), Wanted::Date);
        assert_eq!(wanted(&["overdue", "--within", "soon"]), Wanted::Count);
        let choice = refused(&["status", "--format", "xml"]).kind;
        let choices = ["table", "json", "csv", "markdown"].map(String::from).to_vec();
        assert_eq!(
            choice,
            UsageKind::NotAChoice { arg: "--format <FORMAT>".into(), value: "xml".into(), choices }
        );
    }

    #[test]
    fn help_and_version_are_not_errors() {
        for args in [&["--help"][..], &["status", "-h"], &["--version"], &["hook"]] {
            let args: Vec<OsString> =
                std::iter::once("zi").chain(args.iter().copied()).map(OsString::from).collect();
            let error = super::super::parse(&args, Lang::Id).expect_err("clap answers");
            assert_eq!(usage_error(&error), None, "{args:?}");
        }
    }
}
