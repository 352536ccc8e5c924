//! The TOML tree the loaders read: values, keys and their spans, nothing
//! of the layout. `toml_edit` keeps every space and comment of a file so
//! that `zi fmt` can write it back; reading a plan needs none of that, and
//! building it was most of the time a run spent on plan files. So plan
//! files in the common shape go through `fast`, a parser of that shape
//! alone, and anything it does not fully understand goes to `toml_edit`,
//! whose tree is converted (`from_document`): either way the loaders see
//! the same tree, and every error comes from `toml_edit`.

mod fast;
mod node;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

pub(crate) use fast::parse as parse_fast;
pub(crate) use node::{Entry, Node, Span, Table, Value};

/// `toml_edit`'s tree of a document, as the loaders read it.
pub(crate) fn from_document(doc: &toml_edit::Document<&str>) -> Table<'static> {
    table(doc.as_table())
}

fn table(t: &toml_edit::Table) -> Table<'static> {
    let entries = t
        .iter()
        .filter_map(|(key, item)| {
            let node = item_node(item)?;
            Some(Entry {
                key: Cow::Owned(key.to_string()),
                key_span: t.key(key).and_then(|k| k.span()),
                node,
            })
        })
        .collect();
    Table { entries }
}

fn item_node(item: &toml_edit::Item) -> Option<Node<'static>> {
    use toml_edit::Item;
    Some(match item {
        Item::None => return None,
        Item::Value(v) => value_node(v),
        Item::Table(t) => Node { value: Value::Table(table(t)), span: t.span() },
        Item::ArrayOfTables(a) => {
            let tables = a.iter().map(|t| Node { value: Value::Table(table(t)), span: t.span() }).collect();
            Node { value: Value::ArrayOfTables(tables), span: a.span() }
        }
    })
}

fn value_node(v: &toml_edit::Value) -> Node<'static> {
    use toml_edit::Value as V;
    let value = match v {
        V::String(s) => Value::String(Cow::Owned(s.value().clone())),
        V::Integer(i) => Value::Integer(*i.value()),
        V::Float(f) => Value::Float(*f.value()),
        V::Boolean(b) => Value::Boolean(*b.value()),
        V::Datetime(d) => Value::Datetime(*d.value()),
        V::Array(a) => Value::Array(a.iter().map(value_node).collect()),
        V::InlineTable(t) => {
            let entries = t
                .iter()
                .map(|(key, value)| Entry {
                    key: Cow::Owned(key.to_string()),
                    key_span: t.key(key).and_then(|k| k.span()),
                    node: value_node(value),
                })
                .collect();
            Value::InlineTable(Table { entries })
        }
    };
    Node { value, span: v.span() }
}

/// Panics when the fast path's tree of `text` is not `toml_edit`'s.
#[cfg(debug_assertions)]
pub(crate) fn assert_same_as_toml_edit(text: &str, fast: &Table) {
    let doc = toml_edit::Document::parse(text)
        .unwrap_or_else(|e| panic!("the fast TOML path read what toml_edit refuses ({e}): {text:?}"));
    assert_eq!(fast, &from_document(&doc), "the fast TOML path and toml_edit disagree on {text:?}");
}
