//! The LKE (Lembar Kerja Evaluasi) as data: areas, sub-components and
//! questions with their answer scales, the hasil results and the WBK/WBBM
//! targets. Built by `crate::load::lke` from a TOML file (the built-in one is
//! PermenPANRB 90/2021, Lampiran III). Numbers are decimals, so that weights
//! like 0,25 and answer values like 0,67 add up exactly.

use std::ops::Range;

use rust_decimal::Decimal;

/// The pengungkit has two parts; every area weighs half in each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Part {
    Pemenuhan,
    Reform,
}

impl Part {
    pub(crate) const ALL: [Part; 2] = [Part::Pemenuhan, Part::Reform];

    /// The first segment of a question id: `P` or `R`.
    pub(crate) fn letter(self) -> &'static str {
        match self {
            Part::Pemenuhan => "P",
            Part::Reform => "R",
        }
    }

    pub(crate) fn from_letter(letter: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.letter() == letter)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Lke {
    /// `permenpanrb-90-2021`
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) areas: Vec<Area>,
    pub(crate) result_groups: Vec<ResultGroup>,
    pub(crate) targets: Vec<Target>,
}

/// One of the six areas, with the sub-components of both parts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Area {
    /// The Roman numeral: `III`.
    pub(crate) id: String,
    pub(crate) name: String,
    /// Pemenuhan + reform.
    pub(crate) weight: Decimal,
    /// In the order of the LKE, pemenuhan first.
    pub(crate) subcomponents: Vec<SubComponent>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SubComponent {
    /// `P.III.ii`
    pub(crate) id: String,
    pub(crate) part: Part,
    pub(crate) name: String,
    pub(crate) weight: Decimal,
    pub(crate) questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Question {
    /// `P.III.ii.b`
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) answer: AnswerKind,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum AnswerKind {
    /// One answer of a scale; the criteria of each answer the LKE prints.
    Choice { scale: Scale, criteria: Vec<(String, String)> },
    /// A value computed from named inputs.
    Percentage(Percentage),
}

/// An answer scale: answers with their values, the best first.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scale {
    /// `A/B/C/D`
    pub(crate) id: String,
    pub(crate) options: Vec<(String, Decimal)>,
}

impl Scale {
    /// The answer as the scale spells it, matched without regard to case.
    pub(crate) fn option(&self, answer: &str) -> Option<(&str, Decimal)> {
        let answer = answer.trim();
        self.options.iter().find(|(name, _)| name.eq_ignore_ascii_case(answer)).map(|(n, v)| (n.as_str(), *v))
    }
}

/// A percentage item: value = Σ numerator ÷ Σ denominator, clamped to 0–1.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Percentage {
    /// The LKE's explanation of the item.
    pub(crate) explanation: Option<String>,
    pub(crate) inputs: Vec<Input>,
    pub(crate) numerator: Vec<Term>,
    pub(crate) denominator: Vec<Term>,
    /// The value of 0 ÷ 0.
    pub(crate) when_zero: Decimal,
    /// How the regulation's words were read into the formula.
    pub(crate) reading: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Input {
    /// The key an assessment writes: `agen`.
    pub(crate) name: String,
    pub(crate) text: String,
    /// The number printed in the LKE's worked example.
    pub(crate) example: Decimal,
}

/// An input of a formula, by index into `Percentage::inputs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    pub(crate) input: usize,
    pub(crate) negative: bool,
}

impl Percentage {
    /// The value for `values` (one per input, in the order of `inputs`).
    /// A zero denominator gives `when_zero` for a zero numerator, and the
    /// limit of the ratio otherwise (1 when positive, 0 when negative).
    pub(crate) fn value(&self, values: &[Decimal]) -> Decimal {
        let sum = |terms: &[Term]| {
            terms.iter().fold(Decimal::ZERO, |acc, t| {
                let v = values.get(t.input).copied().unwrap_or_default();
                if t.negative {
                    acc - v
                } else {
                    acc + v
                }
            })
        };
        let (numerator, denominator) = (sum(&self.numerator), sum(&self.denominator));
        let ratio = if denominator.is_zero() {
            match numerator.cmp(&Decimal::ZERO) {
                std::cmp::Ordering::Equal => self.when_zero,
                std::cmp::Ordering::Greater => Decimal::ONE,
                std::cmp::Ordering::Less => Decimal::ZERO,
            }
        } else {
            numerator.checked_div(denominator).unwrap_or(Decimal::ONE)
        };
        ratio.clamp(Decimal::ZERO, Decimal::ONE)
    }

    pub(crate) fn input(&self, name: &str) -> Option<usize> {
        self.inputs.iter().position(|i| i.name == name)
    }
}

/// A result group of hasil: birokrasi bersih dan akuntabel, pelayanan prima.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ResultGroup {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) weight: Decimal,
    pub(crate) results: Vec<ResultItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ResultItem {
    /// The key under `[results]` of an assessment: `ipak`.
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) explanation: Option<String>,
    pub(crate) weight: Decimal,
    pub(crate) measure: Measure,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Measure {
    /// An index from 0 to `max` (a survey): scores index ÷ max × weight.
    Index { max: Decimal, example: Decimal },
    /// An answer of a scale: scores its value × weight.
    Choice { scale: Scale, criteria: Vec<(String, String)>, example: String },
}

/// The minimums of a predicate (Lampiran II, Tabel 6).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Target {
    /// `WBK`
    pub(crate) id: String,
    pub(crate) total: Decimal,
    pub(crate) pengungkit: Decimal,
    /// Every area's value ÷ its weight.
    pub(crate) area_ratio: Decimal,
    /// Minimums of result groups and results, by id, in the file's order.
    pub(crate) results: Vec<(String, Decimal)>,
}

impl Lke {
    pub(crate) fn subcomponents(&self) -> impl Iterator<Item = (&Area, &SubComponent)> {
        self.areas.iter().flat_map(|a| a.subcomponents.iter().map(move |s| (a, s)))
    }

    /// Every question, in the order of the LKE (all pemenuhan of an area,
    /// then its reform; area by area).
    pub(crate) fn questions(&self) -> impl Iterator<Item = (&Area, &SubComponent, &Question)> {
        self.subcomponents().flat_map(|(a, s)| s.questions.iter().map(move |q| (a, s, q)))
    }

    pub(crate) fn question_ids(&self) -> Vec<String> {
        self.questions().map(|(_, _, q)| q.id.clone()).collect()
    }

    pub(crate) fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, _, q)| q).find(|q| q.id == id)
    }

    pub(crate) fn results(&self) -> impl Iterator<Item = (&ResultGroup, &ResultItem)> {
        self.result_groups.iter().flat_map(|g| g.results.iter().map(move |r| (g, r)))
    }

    pub(crate) fn result(&self, id: &str) -> Option<&ResultItem> {
        self.results().map(|(_, r)| r).find(|r| r.id == id)
    }

    pub(crate) fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id.eq_ignore_ascii_case(id))
    }
}

/// Whether `id` has the form of a question id: `P` or `R`, an area numeral
/// I–X, a sub-component numeral i–x, a letter a–z, joined by dots.
pub(crate) fn is_question_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('.').collect();
    matches!(parts.as_slice(), [part, area, sub, letter]
        if Part::from_letter(part).is_some()
            && roman_value(area, true).is_some()
            && roman_value(sub, false).is_some()
            && letter.len() == 1
            && letter.bytes().all(|b| b.is_ascii_lowercase()))
}

/// 1–10 for `I`–`X` (`upper`) or `i`–`x`.
pub(crate) fn roman_value(text: &str, upper: bool) -> Option<u32> {
    let same_case = if upper {
        text.bytes().all(|b| b.is_ascii_uppercase())
    } else {
        text.bytes().all(|b| b.is_ascii_lowercase())
    };
    if !same_case {
        return None;
    }
    crate::model::rkt::roman_value(text).filter(|v| *v <= 10)
}

/// The candidate nearest to `word`, for a did-you-mean: the same but for
/// case, or at most two edits away.
pub(crate) fn nearest(word: &str, candidates: &[String]) -> Option<String> {
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(word)) {
        return Some(same.clone());
    }
    if word.len() > 64 {
        return None; // a huge word would cost a huge distance table
    }
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c.clone())
}

/// What is wrong in an LKE file (read by `crate::load::lke`), at a byte range of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    pub(crate) span: Option<Range<usize>>,
    pub(crate) kind: FaultKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FaultKind {
    /// Not TOML, or not the shape (the parser's words).
    Shape {
        message: String,
    },
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    /// A sub-component, question or result whose parent is not declared.
    NoParent {
        id: String,
    },
    UnknownScale {
        scale: String,
    },
    UnknownInput {
        question: String,
        input: String,
    },
    BadNumber {
        value: String,
    },
    /// A scale whose answers and values do not pair up (or that has none).
    ScaleLength {
        scale: String,
        answers: usize,
        values: usize,
    },
    /// Weights that should add up to `expected` add up to `found`.
    Weights {
        what: String,
        expected: String,
        found: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_ids_have_the_printed_form() {
        for good in ["P.I.i.a", "R.VI.ii.a", "P.III.iii.f", "R.V.iii.b", "P.X.ix.z"] {
            assert!(is_question_id(good), "{good}");
        }
        for bad in [
            "P.I.i",
            "X.I.i.a",
            "P.i.i.a",
            "P.I.I.a",
            "P.I.i.A",
            "P.I.i.ab",
            "P.XI.i.a",
            "P.IIII.i.a",
            "P.I.iiii.a",
            "",
            "P..i.a",
        ] {
            assert!(!is_question_id(bad), "{bad}");
        }
    }

    fn ratio(inputs: &[i64], numerator: &[(usize, bool)], denominator: &[usize], when_zero: i64) -> Decimal {
        let p = Percentage {
            explanation: None,
            inputs: Vec::new(),
            numerator: numerator.iter().map(|&(input, negative)| Term { input, negative }).collect(),
            denominator: denominator.iter().map(|&input| Term { input, negative: false }).collect(),
            when_zero: Decimal::from(when_zero),
            reading: None,
        };
        p.value(&inputs.iter().map(|&v| Decimal::from(v)).collect::<Vec<_>>())
    }

    #[test]
    fn a_percentage_is_clamped_and_zero_denominators_take_their_limit() {
        assert_eq!(ratio(&[10, 12], &[(1, false)], &[0], 0), Decimal::ONE);
        assert_eq!(ratio(&[4, 3], &[(1, false)], &[0], 0), Decimal::new(75, 2));
        assert_eq!(ratio(&[0, 0], &[(1, false)], &[0], 0), Decimal::ZERO);
        assert_eq!(ratio(&[0, 0], &[(1, false)], &[0], 1), Decimal::ONE);
        assert_eq!(ratio(&[0, 3], &[(1, false)], &[0], 0), Decimal::ONE);
        // (last year − this year) ÷ last year: more violations than last year is 0, not negative.
        assert_eq!(ratio(&[2, 5], &[(0, false), (1, true)], &[0], 1), Decimal::ZERO);
        assert_eq!(ratio(&[0, 5], &[(0, false), (1, true)], &[0], 1), Decimal::ZERO);
        assert_eq!(ratio(&[4, 1], &[(0, false), (1, true)], &[0], 1), Decimal::new(75, 2));
    }
}
