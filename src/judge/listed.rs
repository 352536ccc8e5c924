//! A list that costs one word when it is empty. An evaluation in summary
//! keeps no file lists, yet a period of a large plan is judged a dozen
//! times per indicator, and each empty `Vec` would still take three words:
//! at 100,000 indicators that was a tenth of the memory.

use std::ops::{Deref, DerefMut};

use serde::{Serialize, Serializer};

/// A list read as a slice (`&[T]`), empty without allocating.
#[derive(Clone, Debug, PartialEq, Eq)]
// The box is the point: one thin pointer, where a `Vec` is three words.
#[allow(clippy::box_collection)]
pub(crate) struct Listed<T>(Option<Box<Vec<T>>>);

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Listed(None)
    }
}

impl<T> From<Vec<T>> for Listed<T> {
    fn from(items: Vec<T>) -> Self {
        if items.is_empty() {
            return Listed(None);
        }
        Listed(Some(Box::new(items)))
    }
}

impl<T> FromIterator<T> for Listed<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Listed::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<T> Deref for Listed<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<T> DerefMut for Listed<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.0.as_deref_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl<'a, T> IntoIterator for &'a Listed<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Serialize> Serialize for Listed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_takes_one_word_and_reads_as_an_empty_slice() {
        assert_eq!(std::mem::size_of::<Listed<String>>(), std::mem::size_of::<usize>());
        let empty: Listed<String> = Vec::new().into();
        assert_eq!(empty, Listed::default());
        assert!(empty.is_empty());
        assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
    }

    #[test]
    fn a_list_keeps_its_items_in_order() {
        let listed: Listed<&str> = ["b", "a"].into_iter().collect();
        assert_eq!(&listed[..], ["b", "a"]);
        assert_eq!((&listed).into_iter().count(), 2);
        assert_eq!(serde_json::to_string(&listed).unwrap(), r#"["b","a"]"#);
    }
}
