//! The HTML report in a real browser. Ignored by a plain `cargo test`
//! because it needs Chromium; `scripts/browser-test.sh` (run by `.ci/run`)
//! runs it with `cargo test --test zi browser -- --ignored`, and on CI
//! (`CI` set) a missing Chromium fails it rather than skipping it.
//!
//! For each language it writes `zi report` into `<root>/target/zi-browser-test/`,
//! renders it headless to a PNG and to a DOM dump, and asserts that the
//! page rendered (a 1280×2000 screenshot with many colours, not a blank
//! page), that every indicator of the plan is in the DOM, that every link
//! leads to a file of the repository, and that no request left the machine
//! (Chromium's net log, with every host name unresolvable, holds no request
//! made by the page to anything but `file:` or `data:`; a leaky page is
//! checked the same way to show that such a request would be seen). The
//! page is also printed to PDF and its first two pages rendered by
//! pdftoppm: not blank, upright, and page 1 holding the header and the
//! first area (read back by pdftotext).
//!
//! The workspace page (`zi report` at a `[workspace]` root) is checked the
//! same way on the workspace fixture of `tests/zi/workspace.rs`.
//!
//! The plan is the realistic fixture, or the repository named by
//! `ZI_BROWSER_ROOT` (the shipped plan: `scripts/browser-test.sh .`), judged
//! as of `ZI_BROWSER_AS_OF` (default: the fixture's date).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::fixture;
use crate::harness::Zi;
use crate::html::link_targets;

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 2000;

#[test]
#[ignore = "needs Chromium; scripts/browser-test.sh runs it"]
fn the_report_renders_in_headless_chromium_in_both_languages() {
    let Some(chromium) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium (see .ci/run)");
        eprintln!("skipped: no chromium (apt-get install chromium)");
        return;
    };
    let fixture;
    let root = match std::env::var_os("ZI_BROWSER_ROOT") {
        Some(root) => std::fs::canonicalize(root).expect("ZI_BROWSER_ROOT exists"),
        None => {
            fixture = fixture::realistic();
            fixture.root().to_path_buf()
        }
    };
    let as_of = std::env::var("ZI_BROWSER_AS_OF").unwrap_or_else(|_| fixture::AS_OF.to_string());
    let ids = indicator_ids(&root, &as_of);
    assert!(!ids.is_empty(), "the plan at {} has indicators", root.display());
    let out = root.join("target/zi-browser-test");
    std::fs::create_dir_all(&out).expect("create the output folder");

    for (lang, heading) in [("id", "Kemajuan per area"), ("en", "Progress per area")] {
        let page = out.join(format!("report-{lang}.html"));
        let page_arg = page.to_str().unwrap();
        let zi = Zi::new(&root, &as_of, &["--lang", lang, "report", "-o", page_arg]).run();
        assert_eq!(zi.code, 0, "zi report: {}", zi.stderr);
        let url = format!("file://{}", page.display());

        let requests = screenshot_offline(&chromium, &url, &out, &format!("report-{lang}"));
        let outside: Vec<&String> =
            requests.iter().filter(|u| !(u.starts_with("file:") || u.starts_with("data:"))).collect();
        assert!(outside.is_empty(), "--lang {lang}: the page asked the network for {outside:?}");

        let dom = run_chromium(&chromium, &["--dump-dom", &url]);
        std::fs::write(out.join(format!("dom-{lang}.html")), &dom).expect("keep the DOM dump");
        assert!(
            dom.contains(&format!("<html lang=\"{lang}\">")),
            "--lang {lang}: {}",
            &dom[..dom.len().min(300)]
        );
        assert!(dom.contains(heading), "--lang {lang}: the page speaks its language");
        assert!(!dom.to_ascii_lowercase().contains("<script"));
        for id in &ids {
            assert!(dom.contains(&format!("id=\"{id}\"")), "--lang {lang}: indicator {id} is in the DOM");
            assert!(dom.contains(&format!("href=\"#{id}\"")), "--lang {lang}: {id} is on the timeline");
        }
        for target in link_targets(&dom, &out) {
            assert!(
                target.exists(),
                "--lang {lang}: a link leads to {}, which does not exist",
                target.display()
            );
        }
        let pdf = out.join(format!("report-{lang}.pdf"));
        let _ = std::fs::remove_file(&pdf);
        run_chromium(
            &chromium,
            &[&format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer", &url],
        );
        let (unit, first_area) = unit_and_first_area(&root, &as_of);
        assert_printed(&pdf, &out.join(format!("report-{lang}-page")), &[&unit, heading, &first_area]);
        eprintln!("--lang {lang}: {} rendered ({} indicators)", page.display(), ids.len());
    }

    // The check above would see a page that fetches something.
    let leaky = out.join("leaky.html");
    std::fs::write(
        &leaky,
        "<!DOCTYPE html><html><body><img src=\"http://zi-test.invalid/x.png\"><p>x</p></body></html>",
    )
    .unwrap();
    let net_log = out.join("net-log-leaky.json");
    run_chromium(
        &chromium,
        &[
            &format!("--screenshot={}", out.join("leaky.png").display()),
            &format!("--log-net-log={}", net_log.display()),
            &format!("file://{}", leaky.display()),
        ],
    );
    assert_eq!(
        page_requests(&net_log),
        ["http://zi-test.invalid/x.png"],
        "the net log check sees a page's request"
    );
}

/// The workspace page (`zi report` at a workspace root) in the same
/// browser: it renders, asks nothing of the network, has a section for
/// every unit that the table links to, lists the unit that needs attention
/// first, and prints with the title and the table on page 1.
#[test]
#[ignore = "needs Chromium; scripts/browser-test.sh runs it"]
fn the_workspace_report_renders_in_headless_chromium_in_both_languages() {
    let Some(chromium) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium (see .ci/run)");
        eprintln!("skipped: no chromium (apt-get install chromium)");
        return;
    };
    let ws = crate::workspace::workspace();
    let root = std::fs::canonicalize(ws.root()).expect("the workspace exists");
    let tags: Vec<String> = Zi::new(&root, fixture::AS_OF, &["status", "--format", "json"]).run().json()
        ["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["folder"].as_str().expect("folder").to_string())
        .collect();
    assert_eq!(tags.len(), 6, "the workspace fixture's folders");
    let out = root.join("target/zi-browser-test");
    std::fs::create_dir_all(&out).expect("create the output folder");
    for (lang, heading) in [("id", "Unit"), ("en", "Units")] {
        let page = out.join(format!("workspace-{lang}.html"));
        let zi =
            Zi::new(&root, fixture::AS_OF, &["--lang", lang, "report", "-o", page.to_str().unwrap()]).run();
        assert_eq!(zi.code, 0, "zi report at the root: {}", zi.stderr);
        let url = format!("file://{}", page.display());
        let requests = screenshot_offline(&chromium, &url, &out, &format!("workspace-{lang}"));
        assert!(requests.iter().all(|u| u.starts_with("file:")), "--lang {lang}: {requests:?}");
        let dom = run_chromium(&chromium, &["--dump-dom", &url]);
        std::fs::write(out.join(format!("workspace-dom-{lang}.html")), &dom).expect("keep the DOM dump");
        assert!(dom.contains(&format!("<html lang=\"{lang}\">")));
        assert!(!dom.to_ascii_lowercase().contains("<script"));
        for tag in &tags {
            assert!(dom.contains(&format!("id=\"unit-{tag}\"")), "--lang {lang}: {tag} has its section");
            assert!(dom.contains(&format!("href=\"#unit-{tag}\"")), "--lang {lang}: the table links {tag}");
        }
        let first_row = dom.find("<tbody>").map(|at| &dom[at..]).unwrap_or_default();
        assert!(
            first_row.find("#unit-catatan") < first_row.find("#unit-balit-palma"),
            "--lang {lang}: the folder that is no unit needs attention first"
        );
        let pdf = out.join(format!("workspace-{lang}.pdf"));
        let _ = std::fs::remove_file(&pdf);
        run_chromium(
            &chromium,
            &[&format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer", &url],
        );
        assert_printed(
            &pdf,
            &out.join(format!("workspace-{lang}-page")),
            &["Inspektorat Uji", heading, "balit-palma"],
        );
        eprintln!("--lang {lang}: {} rendered", page.display());
    }
}

/// Renders the page at `url` to `<out>/<name>.png`, asserts that it
/// rendered, and returns the requests it made (from `<out>/<name>-net-log.json`).
fn screenshot_offline(chromium: &Path, url: &str, out: &Path, name: &str) -> Vec<String> {
    let png = out.join(format!("{name}.png"));
    let net_log = out.join(format!("{name}-net-log.json"));
    let _ = std::fs::remove_file(&png);
    let screenshot = run_chromium(
        chromium,
        &[
            &format!("--screenshot={}", png.display()),
            &format!("--window-size={WIDTH},{HEIGHT}"),
            &format!("--log-net-log={}", net_log.display()),
            url,
        ],
    );
    assert_rendered(&png, &screenshot);
    page_requests(&net_log)
}

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The unit's name and its first area as the progress table writes it
/// ("I Manajemen Perubahan"), as `zi status --format json` says.
fn unit_and_first_area(root: &Path, as_of: &str) -> (String, String) {
    let json = Zi::new(root, as_of, &["status", "--format", "json"]).run().json();
    let area = &json["areas"][0];
    let first =
        format!("{} {}", area["id"].as_str().expect("area id"), area["name"].as_str().expect("area name"));
    (json["unit"].as_str().expect("unit").to_string(), first)
}

/// A report printed to PDF by Chromium: its first two pages rendered by
/// pdftoppm are not blank, and page 1 holds `page_one` (the unit, the
/// progress heading and the first area).
fn assert_printed(pdf: &Path, png_prefix: &Path, page_one: &[&str]) {
    assert!(pdf.is_file(), "chromium printed no {}", pdf.display());
    for page in ["1", "2"] {
        let png = PathBuf::from(format!("{}-{page}.png", png_prefix.display()));
        let rendered = Command::new("pdftoppm")
            .args(["-png", "-r", "60", "-f", page, "-l", page, "-singlefile"])
            .arg(pdf)
            .arg(png_prefix.with_file_name(png.file_stem().unwrap()))
            .output()
            .expect("pdftoppm runs (apt-get install poppler-utils)");
        assert!(rendered.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&rendered.stderr));
        let file = std::fs::File::open(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
        let mut reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("buffer size")];
        let info = reader.next_frame(&mut pixels).expect("decode the PNG");
        let channels = info.color_type.samples();
        let pixels = &pixels[..info.buffer_size()];
        let white = pixels.chunks(channels).filter(|p| p[..3] == [255, 255, 255]).count();
        let inked = 1.0 - white as f64 / f64::from(info.width * info.height);
        let colours: HashSet<&[u8]> = pixels.chunks(channels).collect();
        assert!(info.height > info.width, "{}: an A4 page stands upright", png.display());
        assert!(
            inked > 0.02 && colours.len() >= 16,
            "{}: page {page} is blank ({:.1}% inked)",
            png.display(),
            inked * 100.0
        );
    }
    let text = Command::new("pdftotext").args(["-f", "1", "-l", "1"]).arg(pdf).arg("-").output();
    let text = String::from_utf8_lossy(&text.expect("pdftotext runs").stdout).into_owned();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in page_one {
        let wanted = wanted.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&wanted), "page 1 of {} lacks {wanted:?}:\n{text}", pdf.display());
    }
}

/// The plan's indicator ids, as `zi status --format json` lists them.
fn indicator_ids(root: &Path, as_of: &str) -> Vec<String> {
    let json = Zi::new(root, as_of, &["status", "--format", "json"]).run().json();
    let mut ids = Vec::new();
    for area in json["areas"].as_array().into_iter().flatten() {
        for component in area["components"].as_array().into_iter().flatten() {
            for indicator in component["indicators"].as_array().into_iter().flatten() {
                ids.push(indicator["id"].as_str().expect("id").to_string());
            }
        }
    }
    ids
}

/// Runs headless Chromium, offline: every host name fails to resolve, and
/// the background services that would phone home are off. Returns standard
/// output; panics with standard error if Chromium fails or hangs.
fn run_chromium(chromium: &Path, args: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("profile folder");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    // Read the pipes while waiting, so a large DOM dump cannot block it.
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let (stdout, stderr) = (read(Box::new(stdout)), read(Box::new(stderr)));
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium {args:?} did not finish: {}", stderr.join().unwrap_or_default());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let (stdout, stderr) = (stdout.join().unwrap_or_default(), stderr.join().unwrap_or_default());
    assert!(status.success(), "chromium {args:?} failed ({status}):\n{stderr}");
    stdout
}

/// A screenshot of a page that rendered: the asked size, and far more than
/// the one colour of a blank page.
fn assert_rendered(png: &Path, chromium_output: &str) {
    let file = std::fs::File::open(png).unwrap_or_else(|e| {
        panic!("no screenshot {} ({e}); chromium said: {chromium_output}", png.display())
    });
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut pixels).expect("decode the PNG");
    assert_eq!((info.width, info.height), (WIDTH, HEIGHT), "{}", png.display());
    let channels = info.color_type.samples();
    let pixels = &pixels[..info.buffer_size()];
    let colours: HashSet<&[u8]> = pixels.chunks(channels).collect();
    let background = pixels.chunks(channels).filter(|p| p[..3] == [255, 255, 255]).count();
    let inked = 1.0 - background as f64 / f64::from(WIDTH * HEIGHT);
    assert!(colours.len() >= 32, "{}: only {} colours, a blank page?", png.display(), colours.len());
    assert!(inked > 0.03, "{}: only {:.1}% of the page is not white", png.display(), inked * 100.0);
}

/// URLs of the requests a page made, from Chromium's net log. The browser's
/// own requests (update checks and the like, initiator "not an origin")
/// are not the page's and are left out.
fn page_requests(net_log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(net_log).expect("chromium wrote the net log");
    let log: serde_json::Value = serde_json::from_str(&text).expect("the net log is JSON");
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].as_u64().expect("event type");
    let mut urls: Vec<String> = log["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["type"].as_u64() == Some(start_job))
        .filter(|e| e["params"]["initiator"].as_str() != Some("not an origin"))
        .filter_map(|e| e["params"]["url"].as_str().map(str::to_string))
        .collect();
    urls.sort();
    urls.dedup();
    urls
}
