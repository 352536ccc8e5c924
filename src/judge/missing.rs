//! Which documents of a period no file satisfies, kept small: a period of a
//! large plan is judged a dozen times per indicator, so the names are shared
//! by the indicator's every period and each period keeps only a set of
//! positions in that list.

use std::sync::Arc;

/// A document's name as the plan writes it; `None` for the one unnamed
/// document of an indicator whose plan lists none (any file satisfies it).
pub(crate) type DocumentName = Option<Arc<str>>;

/// The missing documents of one period, in the plan's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Missing {
    /// The indicator's documents, shared by all its periods.
    names: Arc<[DocumentName]>,
    /// Which of `names` are missing.
    set: Positions,
}

/// A set of positions: a word for the first 64 documents, which is every
/// plan anyone writes, and a list beyond that, so that no plan is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Positions {
    Word(u64),
    List(Box<[u32]>),
}

impl Missing {
    /// The documents of `names` for which `is_missing` holds.
    pub(crate) fn of(names: &Arc<[DocumentName]>, is_missing: impl Fn(usize) -> bool) -> Missing {
        let set = if names.len() <= 64 {
            Positions::Word((0..names.len()).filter(|&i| is_missing(i)).fold(0, |word, i| word | 1 << i))
        } else {
            let list = (0..names.len()).filter(|&i| is_missing(i));
            Positions::List(list.map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect())
        };
        Missing { names: Arc::clone(names), set }
    }

    /// How many documents there are, missing or not.
    pub(crate) fn documents(&self) -> usize {
        self.names.len()
    }

    /// The missing documents' names.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &DocumentName> {
        let names = &self.names;
        let positions: Box<dyn Iterator<Item = usize> + '_> = match &self.set {
            Positions::Word(word) => Box::new((0..names.len().min(64)).filter(move |i| word & (1 << i) != 0)),
            Positions::List(list) => Box::new(list.iter().map(|&i| i as usize)),
        };
        positions.filter_map(|i| names.get(i))
    }
}

impl<'a> IntoIterator for &'a Missing {
    type Item = &'a DocumentName;
    type IntoIter = Box<dyn Iterator<Item = &'a DocumentName> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// The documents as counted: the plan's, or one unnamed document when the
/// plan lists none.
pub(crate) fn document_names(indicator: &crate::model::plan::Indicator) -> Arc<[DocumentName]> {
    if indicator.evidence.is_empty() {
        return Arc::new([None]);
    }
    indicator.evidence.iter().map(|e| Some(e.name.as_str().into())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(count: usize) -> Arc<[DocumentName]> {
        (0..count).map(|i| Some(Arc::from(format!("d{i}").as_str()))).collect()
    }

    fn shown(missing: &Missing) -> Vec<String> {
        missing.iter().map(|n| n.as_deref().unwrap_or("*").to_string()).collect()
    }

    #[test]
    fn keeps_the_plans_order_and_only_the_missing() {
        let all = names(5);
        let missing = Missing::of(&all, |i| i % 2 == 0);
        assert_eq!(shown(&missing), ["d0", "d2", "d4"]);
        assert_eq!(Missing::of(&all, |_| false).iter().count(), 0);
        assert_eq!(shown(&Missing::of(&[None].into(), |_| true)), ["*"]);
    }

    #[test]
    fn a_period_of_more_than_64_documents_is_kept_whole() {
        let all = names(70);
        let missing = Missing::of(&all, |i| i == 0 || i == 63 || i == 64 || i == 69);
        assert_eq!(shown(&missing), ["d0", "d63", "d64", "d69"]);
        let exactly = Missing::of(&names(64), |i| i == 63);
        assert_eq!(shown(&exactly), ["d63"]);
    }

    /// A period of a large plan is judged a dozen times per indicator.
    #[test]
    fn a_set_of_missing_documents_stays_small() {
        assert!(std::mem::size_of::<Missing>() <= 32, "{}", std::mem::size_of::<Missing>());
    }
}
