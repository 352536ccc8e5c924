//! The git pre-commit hook that refuses a commit while something in the
//! plan is overdue: installing and removing it.
//!
//! The hook zi writes carries a marker line, so zi knows its own hook from
//! anyone else's: it never replaces or removes a hook it did not write
//! (unless `--force`, and then the old hook is kept beside it), and
//! installing twice changes nothing.

use std::path::Path;

use crate::load::git::Repo;
use crate::problem::{Fatal, Note};
use crate::write::atomic;

/// The line that marks a hook as zi's.
pub(crate) const MARKER: &str =
    "# zi-managed-hook: written by `zi hook install`; `zi hook uninstall` removes it";
const HOOK: &str = "pre-commit";
/// Where `--force` keeps the hook it replaces, for `uninstall` to restore.
const BACKUP: &str = "pre-commit.before-zi";

/// Whether a hook's text is one zi wrote.
pub(crate) fn is_ours(text: &str) -> bool {
    text.lines().any(|line| line.trim_end() == MARKER)
}

/// Installs the hook of `repo`, and says what it did.
/// `not_found` is what the script says, in every language, when it cannot
/// find zi.
pub(crate) fn install(repo: &Repo, force: bool, not_found: &[&str]) -> Result<Vec<Note>, Fatal> {
    let dir = repo.hooks_dir()?;
    let hook = dir.join(HOOK);
    let shown = shown(&repo.top, &hook);
    let script = script(&repo.prefix, not_found);
    let existing = read_existing(&hook)?;
    match &existing {
        Some(text) if *text == script => return Ok(vec![Note::HookAlreadyInstalled { shown }]),
        Some(text) if !is_ours(text) && !force => {
            return Err(Fatal::ForeignHook { shown, chain: hook_command(&repo.prefix), backup: BACKUP })
        }
        _ => {}
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| Fatal::CannotCreate { path: dir.display().to_string(), error: e.to_string() })?;
    let backup = dir.join(BACKUP);
    let replacing_foreign = existing.as_deref().is_some_and(|text| !is_ours(text));
    if replacing_foreign {
        if backup.exists() {
            return Err(Fatal::BackupInTheWay { path: shown_sibling(&shown, BACKUP) });
        }
        std::fs::rename(&hook, &backup)
            .map_err(|e| Fatal::CannotKeepOldHook { backup: BACKUP, error: e.to_string() })?;
    }
    if let Err(e) = atomic::write_executable(&hook, script.as_bytes()) {
        if replacing_foreign {
            // Put the user's hook back: a failed install leaves things as they were.
            let _ = std::fs::rename(&backup, &hook);
        }
        return Err(Fatal::CannotWrite { path: shown, error: e.to_string() });
    }
    let done = match (&existing, replacing_foreign) {
        (_, true) => Note::HookInstalled { shown, backup: Some(BACKUP) },
        (Some(_), false) => Note::HookUpdated { shown },
        (None, false) => Note::HookInstalled { shown, backup: None },
    };
    Ok(vec![done, Note::HookRuns])
}

/// Removes the hook zi installed (and puts back the one it replaced).
pub(crate) fn uninstall(repo: &Repo) -> Result<Note, Fatal> {
    let dir = repo.hooks_dir()?;
    let hook = dir.join(HOOK);
    let shown = shown(&repo.top, &hook);
    match read_existing(&hook)? {
        None => Ok(Note::NoHookToRemove { shown }),
        Some(text) if !is_ours(&text) => Err(Fatal::NotOurHook { shown }),
        Some(_) => {
            let backup = dir.join(BACKUP);
            if backup.exists() {
                std::fs::rename(&backup, &hook)
                    .map_err(|e| Fatal::CannotRestoreHook { backup: BACKUP, error: e.to_string() })?;
                Ok(Note::HookRemoved { shown, restored: true })
            } else {
                std::fs::remove_file(&hook)
                    .map_err(|e| Fatal::CannotRemove { path: shown.clone(), error: e.to_string() })?;
                Ok(Note::HookRemoved { shown, restored: false })
            }
        }
    }
}

/// The hook's text, `None` when there is none.
fn read_existing(hook: &Path) -> Result<Option<String>, Fatal> {
    match std::fs::read(hook) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Fatal::CannotRead { path: hook.display().to_string(), error: e.to_string() }),
    }
}

/// `zi hook run`, pointed at the plan when it is not at the top of the repository.
fn hook_command(prefix: &str) -> String {
    let dir = prefix.trim_end_matches('/');
    if dir.is_empty() {
        "zi hook run".to_string()
    } else {
        format!("zi -C {} hook run", shell_quote(dir))
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The hook script. It is plain POSIX sh and names no absolute path, so it
/// works in every worktree and on every machine where `zi` is on PATH. It
/// holds no words of its own but those for a missing zi: `zi hook run`
/// speaks the plan's language as it is at commit time, and reads
/// `[hook] gate` then too.
pub(crate) fn script(prefix: &str, not_found: &[&str]) -> String {
    let command = hook_command(prefix);
    let not_found: String =
        not_found.iter().map(|m| format!("\x20   printf '%s\\n' {} >&2\n", shell_quote(m))).collect();
    format!(
        "#!/bin/sh\n\
         {MARKER}\n\
         # Judges what is being committed (git's index) as zi.toml's [hook] gate says:\n\
         # by default it refuses only a commit that makes the work plan worse.\n\
         # zi rewrites this file; for more checks, write your own hook that runs {command} || exit 1\n\
         # To commit anyway, once: git commit --no-verify\n\
         if ! command -v zi >/dev/null 2>&1; then\n\
         {not_found}\
         \x20   exit 1\n\
         fi\n\
         cd \"$(git rev-parse --show-toplevel)\" || exit 1\n\
         {command} || exit 1\n",
    )
}

/// `path` as the user sees it: relative to the top of the repository when
/// it is inside, else in full.
fn shown(top: &Path, path: &Path) -> String {
    match path.strip_prefix(top) {
        Ok(rel) => rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"),
        Err(_) => path.display().to_string(),
    }
}

fn shown_sibling(shown: &str, name: &str) -> String {
    match shown.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{name}"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn the_script_carries_the_marker_and_points_at_a_plan_below_the_top() {
        let at_top = script("", &["not found", "tidak ada"]);
        assert!(is_ours(&at_top));
        assert!(at_top.lines().any(|l| l == "zi hook run || exit 1"));
        assert!(at_top.lines().any(|l| l == "    printf '%s\\n' 'tidak ada' >&2"), "{at_top}");
        let below = script("plans/it's here/", &["not found"]);
        assert!(below.lines().any(|l| l == r"zi -C 'plans/it'\''s here' hook run || exit 1"), "{below}");
    }

    #[test]
    fn a_hook_without_the_marker_line_is_not_ours() {
        assert!(!is_ours("#!/bin/sh\nexec lint\n"));
        assert!(!is_ours(&format!("#!/bin/sh\necho '{MARKER}'\n")));
    }

    #[test]
    fn paths_inside_the_repository_are_shown_relative_to_its_top() {
        let top = PathBuf::from("/r");
        assert_eq!(shown(&top, &top.join(".git/hooks/pre-commit")), ".git/hooks/pre-commit");
        assert_eq!(shown(&top, Path::new("/elsewhere/hooks/pre-commit")), "/elsewhere/hooks/pre-commit");
    }
}
