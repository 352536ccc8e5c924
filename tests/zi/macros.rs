//! The assertion every whole-output test uses. A macro, not a function,
//! so that insta names each snapshot after the module that takes it
//! (`tests/zi/snapshots/zi__<module>__<name>.snap`).

/// Pins a `Run` (exit code, standard output, standard error; temp paths
/// as `[ROOT]`) as the snapshot `name`, its command line in the header.
macro_rules! assert_run {
    ($name:expr, $run:expr) => {{
        let name = $name;
        let name: &str = ::std::convert::AsRef::<str>::as_ref(&name);
        let run: &$crate::harness::Run = &$run;
        insta::with_settings!({
            description => run.command.clone(),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, run.snapshot());
        });
    }};
}

#[allow(unused_macros)]
/// Pins any text (a page's visible text, a file zi wrote) as `name`.
macro_rules! assert_text {
    ($name:expr, $text:expr) => {{
        let name = $name;
        let name: &str = ::std::convert::AsRef::<str>::as_ref(&name);
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(name, $text);
        });
    }};
}
