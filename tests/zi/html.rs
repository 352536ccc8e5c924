//! Just enough HTML reading for the tests: tag balance, attributes, links
//! and the text a reader sees. zi's page is generated, so a strict subset
//! of HTML is all it may contain.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Elements that never take a closing tag.
const VOID: [&str; 6] = ["meta", "col", "br", "img", "link", "input"];

/// One tag: `<name attrs>`, `</name>` or `<name … />`.
pub struct Tag<'a> {
    pub name: String,
    pub closing: bool,
    pub self_closing: bool,
    pub text: &'a str,
}

/// The tags of `html` in order, skipping the doctype and the CSS inside
/// `<style>` (which holds no `<`).
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start..];
        let end = after
            .find('>')
            .unwrap_or_else(|| panic!("unterminated tag at {:?}", &after[..after.len().min(60)]));
        let text = &after[..=end];
        rest = &after[end + 1..];
        if text.starts_with("<!") {
            continue;
        }
        let closing = text.starts_with("</");
        let name: String = text
            .trim_start_matches("</")
            .trim_start_matches('<')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        tags.push(Tag { name, closing, self_closing: text.ends_with("/>"), text });
    }
    tags
}

/// Checks that every tag opened is closed, in order, and that the page has
/// one `html`, `head` and `body`. Returns what is wrong.
pub fn structure_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if !html.starts_with("<!DOCTYPE html>") {
        problems.push("does not start with <!DOCTYPE html>".to_string());
    }
    let mut stack: Vec<String> = Vec::new();
    for tag in tags(html) {
        if tag.name.is_empty() {
            problems.push(format!("a tag without a name: {}", tag.text));
        } else if tag.closing {
            match stack.pop() {
                Some(open) if open == tag.name => {}
                other => problems.push(format!("</{}> closes {:?}", tag.name, other)),
            }
        } else if !tag.self_closing && !VOID.contains(&tag.name.as_str()) {
            stack.push(tag.name);
        }
    }
    if !stack.is_empty() {
        problems.push(format!("left open: {stack:?}"));
    }
    for element in ["html", "head", "body", "style", "title"] {
        let count = tags(html).iter().filter(|t| !t.closing && t.name == element).count();
        if count != 1 {
            problems.push(format!("{count} <{element}> elements"));
        }
    }
    problems
}

/// Every value of attribute `name` (`href`, `src`, `id`…), unescaped.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut values = Vec::new();
    for tag in tags(html) {
        let mut rest = tag.text;
        while let Some(i) = rest.find(&needle) {
            let value = &rest[i + needle.len()..];
            let end = value.find('"').expect("closing quote");
            values.push(unescape(&value[..end]));
            rest = &value[end..];
        }
    }
    values
}

/// The text a reader sees: tags and the style sheet removed, entities
/// decoded.
pub fn visible_text(html: &str) -> String {
    let body = match (html.find("</style>"), html.find("<body")) {
        (Some(_), Some(body)) => &html[body..],
        _ => html,
    };
    let title = html.find("<title>").and_then(|s| html[s..].find("</title>").map(|e| &html[s + 7..s + e]));
    let mut text = String::from(title.unwrap_or_default());
    text.push('\n');
    let mut inside = false;
    for c in body.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                text.push(' ');
            }
            c if !inside => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
}

pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Decodes `%XX` escapes of a URL path.
pub fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ASCII escape");
            out.push(u8::from_str_radix(hex, 16).expect("hex escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8 path")
}

/// Where each relative link of a page in `page_dir` leads; fragment links
/// (`#I.1.1`) are left out.
pub fn link_targets(html: &str, page_dir: &Path) -> Vec<PathBuf> {
    attribute_values(html, "href")
        .into_iter()
        .filter(|href| !href.starts_with('#'))
        .map(|href| page_dir.join(percent_decode(&href)))
        .collect()
}

/// Links and sources that would leave the machine: a scheme or `//`.
pub fn external_urls(html: &str) -> Vec<String> {
    let mut urls: Vec<String> = ["href", "src", "action", "srcset", "poster", "data"]
        .iter()
        .flat_map(|a| attribute_values(html, a))
        .filter(|v| v.starts_with("//") || v.contains(':'))
        .collect();
    for needle in ["http://", "https://", "url(", "@import", "//"] {
        if let Some(style) = html.split("<style>").nth(1).and_then(|s| s.split("</style>").next()) {
            if style.contains(needle) {
                urls.push(format!("style sheet contains {needle}"));
            }
        }
    }
    urls
}
