//! The tree's types: what a TOML file says, with spans, without layout.

use std::borrow::Cow;
use std::ops::Range;

use crate::problem::ValueKind;

pub(crate) type Span = Option<Range<usize>>;

/// A value and where it is written (without the spaces around it).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node<'a> {
    pub(crate) value: Value<'a>,
    pub(crate) span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    String(Cow<'a, str>),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(toml_edit::Datetime),
    Array(Vec<Node<'a>>),
    /// `{ … }`.
    InlineTable(Table<'a>),
    /// `[name]`, or a table made by a dotted key.
    Table(Table<'a>),
    /// `[[name]]`: each element a `Value::Table`.
    ArrayOfTables(Vec<Node<'a>>),
}

/// A table's entries in the order the file gives them.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Table<'a> {
    pub(crate) entries: Vec<Entry<'a>>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry<'a> {
    pub(crate) key: Cow<'a, str>,
    pub(crate) key_span: Span,
    pub(crate) node: Node<'a>,
}

impl<'a> Table<'a> {
    pub(crate) fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.entry(key).map(|e| &e.node)
    }

    fn entry(&self, key: &str) -> Option<&Entry<'a>> {
        self.entries.iter().find(|e| e.key == key)
    }
}

impl<'a> Node<'a> {
    pub(crate) fn span(&self) -> Span {
        self.span.clone()
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_integer(&self) -> Option<i64> {
        match self.value {
            Value::Integer(i) => Some(i),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub(crate) fn as_array_of_tables(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::ArrayOfTables(a) => Some(a),
            _ => None,
        }
    }

    /// A `[name]` table (not an inline one).
    pub(crate) fn as_table(&self) -> Option<&Table<'a>> {
        match &self.value {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }

    /// A table of either kind.
    pub(crate) fn as_table_like(&self) -> Option<&Table<'a>> {
        match &self.value {
            Value::Table(t) | Value::InlineTable(t) => Some(t),
            _ => None,
        }
    }

    /// The value's kind, as a message names it.
    pub(crate) fn kind(&self) -> ValueKind {
        match self.value {
            Value::String(_) => ValueKind::String,
            Value::Integer(_) => ValueKind::Integer,
            Value::Float(_) => ValueKind::Float,
            Value::Boolean(_) => ValueKind::Boolean,
            Value::Datetime(_) => ValueKind::Datetime,
            Value::Array(_) => ValueKind::Array,
            Value::InlineTable(_) | Value::Table(_) => ValueKind::Table,
            Value::ArrayOfTables(_) => ValueKind::ArrayOfTables,
        }
    }
}
