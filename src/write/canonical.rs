//! The canonical layout of plan files, the one `zi fmt` writes, so that a
//! reviewer's diff shows what changed in the plan and never how someone's
//! editor laid it out:
//!
//! - keys in a fixed order (an indicator's `indicator`, `actions`,
//!   `evidence`, `due`, `pic`; evidence items' `name`, `file`), any other
//!   key kept after them in its own order;
//! - `key = value` with one space either side of `=`;
//! - every non-empty array that is a key's value on its own lines, one item
//!   per line, indented two spaces, each with a trailing comma; `[]` when
//!   empty; arrays and tables inside an item stay on the item's line;
//! - strings in double quotes with escapes, whatever quotes the file used;
//! - `[[evidence]]` tables written as inline `{ name = "…", file = "…" }`;
//! - comments kept, next to what they were next to; runs of blank lines
//!   shrink to one, and there are none at the start or end.
//!
//! A comment sitting inside something that is laid out on one line (an
//! inline table, an array inside an evidence item) moves to its own line
//! just above that line. Before a layout is accepted it is checked against
//! the original: same data, same comments, and laying it out again changes
//! nothing. A file that fails the check is left as it is.

use std::fmt::Write as _;
use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Key, RawString, Table, Value};

use crate::load::indicator;
use crate::problem::UnsafeLayout;

/// What a TOML file in a plan repository holds, which sets its key order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// `zi.toml`
    Config,
    /// `area.toml`, `component.toml`
    Name,
    /// Any other `.toml` file under `plan/`.
    Indicator,
}

impl FileKind {
    pub(crate) fn of(path: &Path) -> FileKind {
        match path.file_name().and_then(|n| n.to_str()) {
            Some("zi.toml") => FileKind::Config,
            Some("area.toml" | "component.toml") => FileKind::Name,
            _ => FileKind::Indicator,
        }
    }

    fn key_order(self) -> &'static [&'static str] {
        match self {
            FileKind::Config => &["unit", "year", "title", "lang"],
            FileKind::Name => &["name"],
            FileKind::Indicator => &indicator::KEYS,
        }
    }
}

/// Why a file was not laid out.
#[derive(Debug)]
pub(crate) enum LayoutError {
    /// The file is not valid TOML.
    Syntax,
    /// The layout would have changed the data or lost a comment (a bug in
    /// zi, never the user's fault); the file is left as it is.
    Unsafe(UnsafeLayout),
}

/// `text` in the canonical layout.
pub(crate) fn canonical(text: &str, kind: FileKind) -> Result<String, LayoutError> {
    let laid_out = lay_out(text, kind).map_err(|_| LayoutError::Syntax)?;
    if laid_out == text {
        return Ok(laid_out);
    }
    let same_data = match (toml::from_str::<toml::Table>(text), toml::from_str::<toml::Table>(&laid_out)) {
        (Ok(before), Ok(after)) => before == after,
        _ => false,
    };
    if !same_data {
        return Err(LayoutError::Unsafe(UnsafeLayout::ChangesData));
    }
    let (mut before, mut after) = (comments(text), comments(&laid_out));
    before.sort();
    after.sort();
    if before != after {
        return Err(LayoutError::Unsafe(UnsafeLayout::LosesComment));
    }
    if lay_out(&laid_out, kind).ok().as_deref() != Some(laid_out.as_str()) {
        return Err(LayoutError::Unsafe(UnsafeLayout::Unstable));
    }
    Ok(laid_out)
}

fn lay_out(text: &str, kind: FileKind) -> Result<String, toml_edit::TomlError> {
    let doc: DocumentMut = text.parse()?;
    let root = doc.as_table();
    let first = root.iter().next().and_then(|(k, _)| root.key(k));
    // The comments at the top of the file that a blank line separates from
    // the first key belong to the file, not to that key: they stay on top.
    let mut header = comment_notes(raw(root.decor().prefix()));
    if let Some(key) = first {
        let above = notes(raw(key.leaf_decor().prefix()));
        let detached = above.iter().rposition(|n| *n == Note::Blank).map_or(0, |at| at + 1);
        header.extend(above.into_iter().take(detached).filter(|n| *n != Note::Blank));
    }
    let mut rows: Vec<Row> = header.into_iter().map(Row::from).collect();
    rows.push(Row::Blank);
    let writer = Writer { kind, first_key: first.map(|k| k.get().to_string()) };
    writer.table_body(root, &[], kind.key_order(), &mut rows);
    rows.extend(notes(&format!("{}\n", raw(Some(doc.trailing())))).into_iter().map(Row::from));
    Ok(render(tidy(rows)))
}

/// One line (or, for a block array, several) of output.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Row {
    Blank,
    Comment(String),
    Text(String),
}

/// What stands on its own line between entries in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Note {
    Blank,
    Comment(String),
}

impl From<Note> for Row {
    fn from(note: Note) -> Row {
        match note {
            Note::Blank => Row::Blank,
            Note::Comment(c) => Row::Comment(c),
        }
    }
}

/// Runs of blank rows become one; none at the start or the end.
fn tidy(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        if row == Row::Blank && matches!(out.last(), None | Some(Row::Blank)) {
            continue;
        }
        out.push(row);
    }
    if out.last() == Some(&Row::Blank) {
        out.pop();
    }
    out
}

fn render(rows: Vec<Row>) -> String {
    let mut out = String::new();
    for row in rows {
        match row {
            Row::Blank => {}
            Row::Comment(text) | Row::Text(text) => out.push_str(&text),
        }
        out.push('\n');
    }
    out
}

/// The text of a decor or trailing part; parsed documents always have it.
fn raw(part: Option<&RawString>) -> &str {
    part.and_then(RawString::as_str).unwrap_or("")
}

/// The comment and blank lines of whitespace `text` that end in a newline;
/// what follows the last newline is the next line's indentation.
fn notes(text: &str) -> Vec<Note> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines.pop();
    lines
        .into_iter()
        .map(|line| match line.find('#') {
            Some(at) => Note::Comment(comment_text(&line[at..])),
            None => Note::Blank,
        })
        .collect()
}

/// The comment lines of `notes(text)`: blank lines inside a table or an
/// array are not kept.
fn comment_notes(text: &str) -> Vec<Note> {
    notes(text).into_iter().filter(|n| *n != Note::Blank).collect()
}

/// Every comment in whitespace `text`, wherever it stands.
fn comments_in(text: &str) -> Vec<String> {
    text.split('\n').filter_map(|line| line.find('#').map(|at| comment_text(&line[at..]))).collect()
}

fn comment_text(comment: &str) -> String {
    comment.trim_end().to_string()
}

/// Splits whitespace after an array's `[` or `,` into what stays on that
/// line and the lines below it.
fn split_head(text: &str) -> (&str, &str) {
    match text.find('\n') {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    }
}

/// Where `key` goes in `order`: listed keys first, in order, then the rest.
fn rank(order: &[&str], key: &str) -> usize {
    order.iter().position(|k| *k == key).unwrap_or(order.len())
}

fn key_text(key: &Key) -> String {
    let name = key.get();
    let bare = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        name.to_string()
    } else {
        basic_string(name)
    }
}

/// A TOML basic string: double quotes, escapes for quotes, backslashes and
/// control characters, everything else as written.
pub(crate) fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The entries of a table, sorted by `order`, with the keys they sit under.
fn entries<'t>(table: &'t Table, order: &[&str]) -> Vec<(&'t Key, &'t Item)> {
    let mut entries: Vec<(&Key, &Item)> = table.iter().filter_map(|(k, _)| table.get_key_value(k)).collect();
    entries.sort_by_key(|(k, _)| rank(order, k.get()));
    entries
}

/// One item of a block array: what stands above it, its text, and the
/// comments after it.
struct ArrayItem {
    notes: Vec<Note>,
    text: String,
    trailing: Vec<String>,
}

struct Writer {
    kind: FileKind,
    /// The first key of the file, whose detached comments are the header.
    first_key: Option<String>,
}

impl Writer {
    /// The key-value lines of `table`, then its sub-tables.
    fn table_body(&self, table: &Table, path: &[String], order: &[&str], rows: &mut Vec<Row>) {
        let entries = entries(table, order);
        for (key, item) in &entries {
            match item {
                Item::Value(value) => self.key_value(&[key], value, path.is_empty(), rows),
                Item::Table(t) if t.is_dotted() => self.dotted(&mut vec![key], t, path.is_empty(), rows),
                Item::ArrayOfTables(tables) if self.inline_evidence(path, key, tables) => {
                    rows.extend(self.above(key, true).into_iter().map(Row::from));
                    self.evidence_tables(key, tables, rows)
                }
                _ => {}
            }
        }
        for (key, item) in &entries {
            let mut sub = path.to_vec();
            sub.push(key_text(key));
            match item {
                Item::Table(t) if !t.is_dotted() => self.table(&sub, t, rows),
                Item::ArrayOfTables(tables) if !self.inline_evidence(path, key, tables) => {
                    for t in tables.iter() {
                        self.header(&format!("[[{}]]", sub.join(".")), t, rows);
                        self.table_body(t, &sub, &[], rows);
                    }
                }
                _ => {}
            }
        }
    }

    fn table(&self, path: &[String], table: &Table, rows: &mut Vec<Row>) {
        let has_body = table.iter().any(|(_, item)| match item {
            Item::Value(_) => true,
            Item::Table(t) => t.is_dotted(),
            _ => false,
        });
        if !table.is_implicit() || has_body {
            self.header(&format!("[{}]", path.join(".")), table, rows);
        }
        self.table_body(table, path, &[], rows);
    }

    fn header(&self, header: &str, table: &Table, rows: &mut Vec<Row>) {
        rows.push(Row::Blank);
        rows.extend(comment_notes(raw(table.decor().prefix())).into_iter().map(Row::from));
        let mut line = header.to_string();
        for (i, comment) in comments_in(raw(table.decor().suffix())).into_iter().enumerate() {
            if i == 0 {
                let _ = write!(line, "  {comment}");
            } else {
                rows.push(Row::Text(std::mem::take(&mut line)));
                line = comment;
            }
        }
        rows.push(Row::Text(line));
    }

    /// `a.b.c = value` lines under a dotted key.
    fn dotted<'t>(&self, keys: &mut Vec<&'t Key>, table: &'t Table, top: bool, rows: &mut Vec<Row>) {
        for (key, item) in entries(table, &[]) {
            keys.push(key);
            match item {
                Item::Value(value) => self.key_value(keys, value, top, rows),
                Item::Table(t) => self.dotted(keys, t, top, rows),
                _ => {}
            }
            keys.pop();
        }
    }

    /// Whether `[[evidence]]` tables are written as an inline array: in an
    /// indicator file, at the top, when they hold plain values only.
    fn inline_evidence(&self, path: &[String], key: &Key, tables: &ArrayOfTables) -> bool {
        self.kind == FileKind::Indicator
            && path.is_empty()
            && key.get() == "evidence"
            && tables.iter().all(|t| t.iter().all(|(_, item)| matches!(item, Item::Value(_))))
    }

    /// The comment lines above `key`; for the file's first key, those that
    /// are not the file's header.
    fn above(&self, key: &Key, top: bool) -> Vec<Note> {
        let notes = notes(raw(key.leaf_decor().prefix()));
        let attached = if top && self.first_key.as_deref() == Some(key.get()) {
            notes.iter().rposition(|n| *n == Note::Blank).map_or(0, |at| at + 1)
        } else {
            0
        };
        notes.into_iter().skip(attached).filter(|n| *n != Note::Blank).collect()
    }

    /// `key = value`, with the comments above the key, inside the value, and
    /// after it on the line.
    fn key_value(&self, keys: &[&Key], value: &Value, top: bool, rows: &mut Vec<Row>) {
        let mut hoisted = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            if i == 0 {
                rows.extend(self.above(key, top).into_iter().map(Row::from));
            } else {
                hoisted.extend(comments_in(raw(key.leaf_decor().prefix())));
            }
            for part in [key.leaf_decor().suffix(), key.dotted_decor().prefix(), key.dotted_decor().suffix()]
            {
                hoisted.extend(comments_in(raw(part)));
            }
        }
        hoisted.extend(comments_in(raw(value.decor().prefix())));
        let order =
            if top && keys.len() == 1 && keys[0].get() == "evidence" && self.kind == FileKind::Indicator {
                &indicator::ITEM_KEYS[..]
            } else {
                &[]
            };
        // `lke` is a short list of ids, read best on one line as SPEC writes it.
        let ids = top && keys.len() == 1 && keys[0].get() == "lke" && self.kind == FileKind::Indicator;
        let text = match value {
            Value::Array(array)
                if !ids && (!array.is_empty() || !comments_in(raw(Some(array.trailing()))).is_empty()) =>
            {
                self.block_array(array, order)
            }
            _ => inline(value, order, &mut hoisted),
        };
        let path: Vec<String> = keys.iter().map(|k| key_text(k)).collect();
        self.entry_line(format!("{} = {text}", path.join(".")), hoisted, raw(value.decor().suffix()), rows);
    }

    /// The entry's line with the comments moved above it and the comment
    /// after it; further comments after it go on lines of their own.
    fn entry_line(&self, line: String, hoisted: Vec<String>, after: &str, rows: &mut Vec<Row>) {
        rows.extend(hoisted.into_iter().map(Row::Comment));
        let mut trailing = comments_in(after).into_iter();
        let line = match trailing.next() {
            Some(comment) => format!("{line}  {comment}"),
            None => line,
        };
        rows.push(Row::Text(line));
        rows.extend(trailing.map(Row::Comment));
    }

    /// `[[evidence]]` tables as one block array of inline tables.
    fn evidence_tables(&self, key: &Key, tables: &ArrayOfTables, rows: &mut Vec<Row>) {
        let mut items = Vec::new();
        for table in tables.iter() {
            let mut hoisted = Vec::new();
            let mut fields = Vec::new();
            for (k, item) in entries(table, &indicator::ITEM_KEYS) {
                let Item::Value(value) = item else { continue };
                hoisted.extend(comments_in(raw(k.leaf_decor().prefix())));
                hoisted.extend(comments_in(raw(k.leaf_decor().suffix())));
                hoisted.extend(comments_in(raw(value.decor().prefix())));
                hoisted.extend(comments_in(raw(value.decor().suffix())));
                fields.push(format!("{} = {}", key_text(k), inline(value, &[], &mut hoisted)));
            }
            let mut notes = comment_notes(raw(table.decor().prefix()));
            notes.extend(hoisted.into_iter().map(Note::Comment));
            let text =
                if fields.is_empty() { "{}".to_string() } else { format!("{{ {} }}", fields.join(", ")) };
            items.push(ArrayItem { notes, text, trailing: comments_in(raw(table.decor().suffix())) });
        }
        let text = block(Vec::new(), items, Vec::new());
        rows.push(Row::Text(format!("{} = {text}", key_text(key))));
    }

    /// A key's array, one item per line.
    fn block_array(&self, array: &toml_edit::Array, order: &[&str]) -> String {
        let mut opening = Vec::new();
        let mut items: Vec<ArrayItem> = Vec::new();
        let mut pending = Vec::new();
        for value in array.iter() {
            let (head, below) = split_head(raw(value.decor().prefix()));
            match items.last_mut() {
                Some(previous) => previous.trailing.extend(comments_in(head)),
                None => opening.extend(comments_in(head)),
            }
            pending.extend(comment_notes(below));
            let mut hoisted = Vec::new();
            let text = inline(value, order, &mut hoisted);
            let mut notes = std::mem::take(&mut pending);
            notes.extend(hoisted.into_iter().map(Note::Comment));
            // Before a comma on a later line: the first line's comment stays
            // with the item, the lines below go above the next one.
            let (after, below) = split_head(raw(value.decor().suffix()));
            pending.extend(comments_in(below).into_iter().map(Note::Comment));
            items.push(ArrayItem { notes, text, trailing: comments_in(after) });
        }
        let (head, below) = split_head(raw(Some(array.trailing())));
        match items.last_mut() {
            Some(last) => last.trailing.extend(comments_in(head)),
            None => opening.extend(comments_in(head)),
        }
        pending.extend(comment_notes(below));
        block(opening, items, pending)
    }
}

/// `[`, the items one per line, `]`.
fn block(opening: Vec<String>, items: Vec<ArrayItem>, closing: Vec<Note>) -> String {
    let mut opening = opening.into_iter();
    let mut rows = Vec::new();
    let mut first = "[".to_string();
    if let Some(comment) = opening.next() {
        let _ = write!(first, "  {comment}");
    }
    rows.extend(opening.map(Row::Comment));
    // Blank lines right after `[` would be dropped by `tidy` as leading.
    let mut body = Vec::new();
    for item in items {
        body.extend(item.notes.into_iter().map(Row::from));
        let mut trailing = item.trailing.into_iter();
        let line = match trailing.next() {
            Some(comment) => format!("{},  {comment}", item.text),
            None => format!("{},", item.text),
        };
        body.push(Row::Text(line));
        body.extend(trailing.map(Row::Comment));
    }
    body.extend(closing.into_iter().map(Row::from));
    rows.extend(body);
    let mut out = first;
    for row in tidy(rows) {
        out.push('\n');
        match row {
            Row::Blank => {}
            Row::Comment(text) | Row::Text(text) => {
                out.push_str("  ");
                out.push_str(&text);
            }
        }
    }
    out.push_str("\n]");
    out
}

/// `value` on one line; the comments inside it go to `hoisted`.
fn inline(value: &Value, order: &[&str], hoisted: &mut Vec<String>) -> String {
    match value {
        Value::String(s) => basic_string(s.value()),
        Value::Integer(v) => scalar(v.default_repr()),
        Value::Float(v) => scalar(v.default_repr()),
        Value::Boolean(v) => scalar(v.default_repr()),
        Value::Datetime(v) => scalar(v.default_repr()),
        Value::Array(array) => {
            let items: Vec<String> = array
                .iter()
                .map(|v| {
                    hoisted.extend(comments_in(raw(v.decor().prefix())));
                    hoisted.extend(comments_in(raw(v.decor().suffix())));
                    inline(v, &[], hoisted)
                })
                .collect();
            hoisted.extend(comments_in(raw(Some(array.trailing()))));
            format!("[{}]", items.join(", "))
        }
        Value::InlineTable(table) => {
            let mut fields = Vec::new();
            inline_fields(table, &mut Vec::new(), order, hoisted, &mut fields);
            hoisted.extend(comments_in(raw(Some(table.trailing()))));
            if fields.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", fields.join(", "))
            }
        }
    }
}

fn scalar(repr: toml_edit::Repr) -> String {
    repr.as_raw().as_str().unwrap_or_default().to_string()
}

/// `key = value` pairs of an inline table, dotted keys spelt out.
fn inline_fields(
    table: &InlineTable,
    path: &mut Vec<String>,
    order: &[&str],
    hoisted: &mut Vec<String>,
    fields: &mut Vec<String>,
) {
    let mut entries: Vec<(&Key, &Value)> = table
        .iter()
        .filter_map(|(k, _)| table.get_key_value(k))
        .filter_map(|(k, item)| item.as_value().map(|v| (k, v)))
        .collect();
    entries.sort_by_key(|(k, _)| rank(order, k.get()));
    for (key, value) in entries {
        for part in [
            key.leaf_decor().prefix(),
            key.leaf_decor().suffix(),
            key.dotted_decor().prefix(),
            key.dotted_decor().suffix(),
            value.decor().prefix(),
            value.decor().suffix(),
        ] {
            hoisted.extend(comments_in(raw(part)));
        }
        path.push(key_text(key));
        match value {
            Value::InlineTable(inner) if inner.is_dotted() => {
                inline_fields(inner, path, &[], hoisted, fields)
            }
            _ => fields.push(format!("{} = {}", path.join("."), inline(value, &[], hoisted))),
        }
        path.pop();
    }
}

/// The comments of a TOML text, found by skipping over strings.
pub(crate) fn comments(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                found.push(comment_text(&text[i..end]));
                i = end;
            }
            quote @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(&[quote; 3]);
                i = if triple { i + 3 } else { i + 1 };
                while i < bytes.len() {
                    let b = bytes[i];
                    if b == b'\\' && quote == b'"' {
                        i += 2;
                        continue;
                    }
                    if b == quote && (!triple || bytes[i..].starts_with(&[quote; 3])) {
                        let run = bytes[i..].iter().take_while(|c| **c == quote).count();
                        i += if triple { run } else { 1 };
                        break;
                    }
                    if b == b'\n' && !triple {
                        break;
                    }
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests;
