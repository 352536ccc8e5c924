//! clap's command with every word from the catalogue of one language: the
//! descriptions of commands and flags, the headings, the usage line, and
//! the default values and value lists clap would otherwise add in English.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::args::Cli;
use crate::text::{Catalogue, Lang};

/// The command line of zi, speaking `lang`.
pub(crate) fn command(lang: Lang) -> Command {
    let catalogue = lang.catalogue();
    let words = catalogue.help_words();
    let mut root = localise(plain(), "zi", catalogue);
    root.build();
    finish(root, words.options_tag, catalogue)
}

/// The command line of zi with no words: it reads every line as `command`
/// does (`tests::the_plain_command_reads_every_line_as_the_localised_one`).
pub(crate) fn plain() -> Command {
    Cli::command().disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .global(true)
            .display_order(LAST),
    )
}

/// The global flags (`-C`, `--as-of`, `--lang`) after a command's own, then
/// `--version` and `--help`, as clap puts them.
const GLOBALS: usize = 1_000;
const LAST: usize = 10_000;

/// What exists only once clap has built the command: its `help` commands,
/// and the usage lines, written out once with the catalogue's word for
/// "options" (clap writes `[OPTIONS]` whatever the language).
fn finish(mut cmd: Command, options_tag: &str, catalogue: &dyn Catalogue) -> Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, rest)| rest)
        .trim()
        .replace("[OPTIONS]", options_tag);
    let names: Vec<String> = cmd.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    let cmd = names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sub| {
            if sub.get_name() == "help" {
                let sub = sub.mut_args(|arg| {
                    let key = format!("help.{}", arg.get_id());
                    localise_arg(arg, &key, catalogue)
                });
                describe(sub, "help", catalogue)
            } else {
                finish(sub, options_tag, catalogue)
            }
        })
    });
    cmd.override_usage(usage)
}

/// `cmd` and its commands below, localised; `key` names `cmd` (see `crate::cli`).
fn localise(cmd: Command, key: &str, catalogue: &dyn Catalogue) -> Command {
    let words = catalogue.help_words();
    let cmd = cmd
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).display_order(LAST + 1))
        .subcommand_value_name(words.command_tag)
        .mut_args(|arg| {
            let id = arg.get_id().as_str();
            let own = format!("{key}.{id}");
            let key = match catalogue.help(&own) {
                Some(_) => own,
                None if id == "help" => "zi.help".to_string(),
                None => id.to_string(),
            };
            globals_after(localise_arg(arg, &key, catalogue))
        });
    let names: Vec<String> = cmd.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    let mut cmd = names.iter().fold(cmd, |cmd, name| {
        let sub_key = if key == "zi" { name.clone() } else { format!("{key}.{name}") };
        cmd.mut_subcommand(name, |sub| localise(sub, &sub_key, catalogue))
    });
    let template = template(&cmd, catalogue);
    cmd = cmd.help_template(template);
    describe(cmd, key, catalogue)
}

fn describe(cmd: Command, key: &str, catalogue: &dyn Catalogue) -> Command {
    match catalogue.help(key) {
        Some(about) => cmd.about(about).long_about(None),
        None => cmd,
    }
}

/// The help of `arg`, with its default and its choices in words of the catalogue.
fn localise_arg(arg: Arg, key: &str, catalogue: &dyn Catalogue) -> Arg {
    let Some(text) = catalogue.help(key) else { return arg };
    let words = catalogue.help_words();
    let mut text = text.to_string();
    if !arg.get_action().takes_values() {
        return arg.help(text);
    }
    {
        let choices: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        let defaults: Vec<String> =
            arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() {
            text.push_str(&format!(" [{}: {}]", words.default, defaults.join(", ")));
        }
        if !choices.is_empty() {
            text.push_str(&format!(" [{}: {}]", words.possible_values, choices.join(", ")));
        }
    }
    arg.help(text).hide_default_value(true).hide_possible_values(true)
}

/// The flags every command takes come after the command's own.
fn globals_after(arg: Arg) -> Arg {
    let order = arg.get_display_order();
    if arg.is_global_set() && order < GLOBALS {
        arg.display_order(GLOBALS + order)
    } else {
        arg
    }
}

/// clap's help layout with the headings of the catalogue.
fn template(cmd: &Command, catalogue: &dyn Catalogue) -> String {
    let words = catalogue.help_words();
    let mut sections = Vec::new();
    if cmd.has_subcommands() {
        sections.push(format!("{}:\n{{subcommands}}", words.commands));
    }
    if cmd.get_positionals().any(|arg| !arg.is_hide_set()) {
        sections.push(format!("{}:\n{{positionals}}", words.arguments));
    }
    sections.push(format!("{}:\n{{options}}", words.options));
    format!("{{about-with-newline}}\n{} {{usage}}\n\n{}", words.usage, sections.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::FromArgMatches;

    use super::*;
    use crate::text::LANGUAGES;

    /// Every key the command line asks the catalogues for, found by walking
    /// clap's command as the derive makes it: (key, the flag's own name).
    fn keys(cmd: &Command, key: &str, found: &mut Vec<(String, String)>) {
        found.push((key.to_string(), String::new()));
        for arg in cmd.get_arguments() {
            found.push((format!("{key}.{}", arg.get_id()), arg.get_id().to_string()));
        }
        for sub in cmd.get_subcommands() {
            let sub_key =
                if key == "zi" { sub.get_name().to_string() } else { format!("{key}.{}", sub.get_name()) };
            keys(sub, &sub_key, found);
        }
    }

    /// What `command` adds to the derive's command: its own flags and clap's `help` command.
    const ADDED: [&str; 4] = ["zi.help", "zi.version", "help", "help.subcommand"];

    fn needed() -> Vec<(String, String)> {
        let mut found = Vec::new();
        keys(&Cli::command(), "zi", &mut found);
        found.extend(ADDED.iter().map(|k| (k.to_string(), String::new())));
        found
    }

    #[test]
    fn every_command_and_flag_has_help_in_every_language() {
        for lang in LANGUAGES {
            let catalogue = lang.catalogue();
            let missing: Vec<String> = needed()
                .into_iter()
                .filter(|(key, name)| catalogue.help(key).or_else(|| catalogue.help(name)).is_none())
                .map(|(key, _)| key)
                .collect();
            assert!(missing.is_empty(), "{lang:?}: no help text (src/text/*_help.rs) for {missing:?}");
        }
    }

    #[test]
    fn every_help_text_belongs_to_a_command_or_flag() {
        let used: BTreeSet<String> = needed().into_iter().flat_map(|(key, name)| [key, name]).collect();
        for lang in LANGUAGES {
            let unused: Vec<&str> = lang
                .catalogue()
                .help_texts()
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| !used.contains(*k))
                .collect();
            assert!(unused.is_empty(), "{lang:?}: help texts for nothing: {unused:?}");
        }
    }

    #[test]
    fn no_words_come_from_doc_comments() {
        fn check(cmd: &Command, wrong: &mut Vec<String>) {
            if cmd.get_about().is_some() || cmd.get_long_about().is_some() {
                wrong.push(cmd.get_name().to_string());
            }
            for arg in cmd.get_arguments() {
                if arg.get_help().is_some() || arg.get_long_help().is_some() {
                    wrong.push(format!("{} {}", cmd.get_name(), arg.get_id()));
                }
            }
            cmd.get_subcommands().for_each(|sub| check(sub, wrong));
        }
        let mut wrong = Vec::new();
        check(&Cli::command(), &mut wrong);
        assert!(wrong.is_empty(), "English from `///` comments would reach `--help`: {wrong:?}");
    }

    #[test]
    fn the_plain_command_reads_every_line_as_the_localised_one() {
        let lines = [
            "zi",
            "zi overdue",
            "zi overdue --staged",
            "zi --lang en -C plan overdue --within 30",
            "zi status --format json I.1",
            "zi status --format nope",
            "zi check --as-of 2022-10-15",
            "zi -h",
            "zi --help",
            "zi overdue -h",
            "zi help overdue",
            "zi help",
            "zi -V",
            "zi overdue --version",
            "zi overdue --no-such-flag",
            "zi no-such-command",
            "zi hook run",
            "zi hook",
            "zi report -o out.html",
            "zi fmt --check",
            "zi --as-of",
        ];
        let read = |cmd: Command, line: &str| match cmd.try_get_matches_from(line.split(' ')) {
            Ok(matches) => format!("{:?}", Cli::from_arg_matches(&matches).map_err(|e| e.kind())),
            Err(e) => format!("{:?}", e.kind()),
        };
        for line in lines {
            for lang in LANGUAGES {
                assert_eq!(read(plain(), line), read(command(lang), line), "{lang:?}: {line}");
            }
        }
        assert!(read(plain(), "zi overdue --staged").starts_with("Ok(Cli"));
    }

    #[test]
    fn every_language_describes_every_command_with_its_own_words() {
        for lang in LANGUAGES {
            let mut cmd = command(lang);
            let help = cmd.render_help().to_string();
            let words = lang.catalogue().help_words();
            assert!(help.contains(words.usage) && help.contains(words.options_tag), "{lang:?}:\n{help}");
            for sub in cmd.get_subcommands_mut() {
                let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
                assert!(!about.is_empty(), "{lang:?}: {} has no description", sub.get_name());
            }
        }
    }
}
