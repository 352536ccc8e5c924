//! `zi hook install [--force]` and `zi hook uninstall`: a git pre-commit
//! hook that refuses a commit while something in the plan is overdue.
//!
//! The hook zi writes carries a marker line, so zi knows its own hook from
//! anyone else's: it never replaces or removes a hook it did not write
//! (unless `--force`, and then the old hook is kept beside it), and
//! installing twice changes nothing.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use crate::cli::{GlobalArgs, HookAction};
use crate::load::git::Repo;
use crate::text::{tr, Lang};
use crate::write::atomic;

/// The line that marks a hook as zi's.
pub const MARKER: &str = "# zi-managed-hook: written by `zi hook install`; `zi hook uninstall` removes it";
const HOOK: &str = "pre-commit";
/// Where `--force` keeps the hook it replaces, for `uninstall` to restore.
const BACKUP: &str = "pre-commit.before-zi";

/// One message, in the user's language, on its own line.
fn say(to: &mut dyn Write, lang: Lang, en: impl Into<String>, id: impl Into<String>) -> std::io::Result<()> {
    writeln!(to, "{}", tr(lang, en.into(), id.into()))
}

/// Whether a hook's text is one zi wrote.
pub fn is_ours(text: &str) -> bool {
    text.lines().any(|line| line.trim_end() == MARKER)
}

pub fn run(
    global: &GlobalArgs,
    action: &HookAction,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let (root, lang) = super::locate(global)?;
    let repo = Repo::containing(&root)?;
    let dir = repo.hooks_dir()?;
    let hook = dir.join(HOOK);
    let shown = shown(&repo.top, &hook);
    match action {
        HookAction::Install { force } => install(&repo, &dir, &shown, *force, lang, out, err),
        HookAction::Uninstall => uninstall(&dir, &shown, lang, out, err),
    }
}

fn install(
    repo: &Repo,
    dir: &Path,
    shown: &str,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let hook = dir.join(HOOK);
    let script = script(&repo.prefix, lang);
    let existing = read_existing(&hook)?;
    match &existing {
        Some(text) if *text == script => {
            say(
                out,
                lang,
                format!("the zi pre-commit hook is already installed: {shown}"),
                format!("hook pre-commit zi sudah terpasang: {shown}"),
            )?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(text) if !is_ours(text) && !force => {
            let chain = overdue_command(&repo.prefix);
            let en = format!(
                "zi: {shown} already exists and zi did not write it; it is left as it is\n  \
                 hint: to run zi's check as well, add this line to that hook:\n      {chain} || exit 1\n  \
                 or replace it with `zi hook install --force` (the old hook is kept as {BACKUP})"
            );
            let id = format!(
                "zi: {shown} sudah ada dan tidak ditulis oleh zi; berkas itu dibiarkan\n  \
                 saran: agar pemeriksaan zi ikut berjalan, tambahkan baris ini ke hook tersebut:\n      {chain} || exit 1\n  \
                 atau ganti dengan `zi hook install --force` (hook lama disimpan sebagai {BACKUP})"
            );
            say(err, lang, en, id)?;
            return Ok(ExitCode::FAILURE);
        }
        _ => {}
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let backup = dir.join(BACKUP);
    let replacing_foreign = existing.as_deref().is_some_and(|text| !is_ours(text));
    if replacing_foreign {
        if backup.exists() {
            say(
                err,
                lang,
                format!(
                    "zi: {} already exists; move it away first, so that no hook is lost",
                    shown_sibling(shown, BACKUP)
                ),
                format!(
                    "zi: {} sudah ada; pindahkan dulu agar tidak ada hook yang hilang",
                    shown_sibling(shown, BACKUP)
                ),
            )?;
            return Ok(ExitCode::FAILURE);
        }
        std::fs::rename(dir.join(HOOK), &backup)
            .with_context(|| format!("cannot keep the old hook as {BACKUP}"))?;
    }
    if let Err(e) = atomic::write_executable(&dir.join(HOOK), script.as_bytes()) {
        if replacing_foreign {
            // Put the user's hook back: a failed install leaves things as they were.
            let _ = std::fs::rename(&backup, dir.join(HOOK));
        }
        return Err(e).with_context(|| format!("cannot write {shown}"));
    }
    let message = match (&existing, replacing_foreign) {
        (_, true) => tr(
            lang,
            format!("installed the zi pre-commit hook: {shown} (the old hook is kept as {BACKUP})"),
            format!("hook pre-commit zi terpasang: {shown} (hook lama disimpan sebagai {BACKUP})"),
        ),
        (Some(_), false) => tr(
            lang,
            format!("updated the zi pre-commit hook: {shown}"),
            format!("hook pre-commit zi diperbarui: {shown}"),
        ),
        (None, false) => tr(
            lang,
            format!("installed the zi pre-commit hook: {shown}"),
            format!("hook pre-commit zi terpasang: {shown}"),
        ),
    };
    writeln!(out, "{message}")?;
    say(
        out,
        lang,
        "it runs `zi overdue` before each commit; to commit anyway, once: git commit --no-verify",
        "hook ini menjalankan `zi overdue` sebelum setiap commit; untuk tetap commit sekali ini: git commit --no-verify",
    )?;
    Ok(ExitCode::SUCCESS)
}

fn uninstall(
    dir: &Path,
    shown: &str,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let hook = dir.join(HOOK);
    match read_existing(&hook)? {
        None => {
            say(
                out,
                lang,
                format!("no pre-commit hook to remove: {shown}"),
                format!("tidak ada hook pre-commit untuk dihapus: {shown}"),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(text) if !is_ours(&text) => {
            say(
                err,
                lang,
                format!("zi: {shown} was not written by zi; it is left as it is"),
                format!("zi: {shown} tidak ditulis oleh zi; berkas itu dibiarkan"),
            )?;
            Ok(ExitCode::FAILURE)
        }
        Some(_) => {
            let backup = dir.join(BACKUP);
            if backup.exists() {
                std::fs::rename(&backup, &hook).with_context(|| format!("cannot restore {BACKUP}"))?;
                say(
                    out,
                    lang,
                    format!("removed the zi pre-commit hook and put back the one it replaced: {shown}"),
                    format!("hook pre-commit zi dihapus dan hook yang digantikannya dikembalikan: {shown}"),
                )?;
            } else {
                std::fs::remove_file(&hook).with_context(|| format!("cannot remove {shown}"))?;
                say(
                    out,
                    lang,
                    format!("removed the zi pre-commit hook: {shown}"),
                    format!("hook pre-commit zi dihapus: {shown}"),
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The hook's text, `None` when there is none.
fn read_existing(hook: &Path) -> Result<Option<String>> {
    match std::fs::read(hook) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", hook.display())),
    }
}

/// `zi overdue`, pointed at the plan when it is not at the top of the repository.
fn overdue_command(prefix: &str) -> String {
    let dir = prefix.trim_end_matches('/');
    if dir.is_empty() {
        "zi overdue".to_string()
    } else {
        format!("zi -C {} overdue", shell_quote(dir))
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The hook script. It is plain POSIX sh and names no absolute path, so it
/// works in every worktree and on every machine where `zi` is on PATH.
pub fn script(prefix: &str, lang: Lang) -> String {
    let command = overdue_command(prefix);
    let not_found = tr(
        lang,
        "zi pre-commit hook: zi is not on PATH, so the work plan was not checked and the commit is refused.\n  Install zi (cargo install), or commit without the check, once: git commit --no-verify",
        "hook pre-commit zi: zi tidak ada di PATH, jadi rencana kerja tidak diperiksa dan commit ditolak.\n  Pasang zi (cargo install), atau commit tanpa pemeriksaan, sekali ini: git commit --no-verify",
    );
    let refused = tr(
        lang,
        "zi pre-commit hook: commit refused, something in the work plan is overdue (see above).\n  Add the missing evidence, or commit anyway, once: git commit --no-verify",
        "hook pre-commit zi: commit ditolak, ada yang terlambat dalam rencana kerja (lihat di atas).\n  Lengkapi bukti yang kurang, atau tetap commit sekali ini: git commit --no-verify",
    );
    let failed = tr(
        lang,
        "zi pre-commit hook: zi could not check the work plan (see above), so the commit is refused.\n  Fix the problem, or commit anyway, once: git commit --no-verify",
        "hook pre-commit zi: zi tidak dapat memeriksa rencana kerja (lihat di atas), jadi commit ditolak.\n  Perbaiki masalahnya, atau tetap commit sekali ini: git commit --no-verify",
    );
    format!(
        "#!/bin/sh\n\
         {MARKER}\n\
         # Refuses a commit while a period of the work plan is overdue.\n\
         # zi rewrites this file; for more checks, write your own hook that runs {command} || exit 1\n\
         # To commit anyway, once: git commit --no-verify\n\
         if ! command -v zi >/dev/null 2>&1; then\n\
         \x20   printf '%s\\n' {} >&2\n\
         \x20   exit 1\n\
         fi\n\
         cd \"$(git rev-parse --show-toplevel)\" || exit 1\n\
         {command}\n\
         status=$?\n\
         case $status in\n\
         \x20   0) exit 0 ;;\n\
         \x20   1) printf '%s\\n' {} >&2 ;;\n\
         \x20   *) printf '%s\\n' {} >&2 ;;\n\
         esac\n\
         exit 1\n",
        shell_quote(&not_found),
        shell_quote(&refused),
        shell_quote(&failed),
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
        let at_top = script("", Lang::En);
        assert!(is_ours(&at_top));
        assert!(at_top.lines().any(|l| l == "zi overdue"));
        let below = script("plans/it's here/", Lang::En);
        assert!(below.lines().any(|l| l == r"zi -C 'plans/it'\''s here' overdue"), "{below}");
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
