//! Pure types and rules: months, the target-time grammar, schedules. No
//! input or output, no language.

pub(crate) mod assessment;
pub(crate) mod due;
pub(crate) mod evidence;
pub(crate) mod glob;
pub(crate) mod lke;
pub(crate) mod month;
pub(crate) mod place;
pub(crate) mod plan;
pub(crate) mod quote;
pub(crate) mod rkt;
pub(crate) mod schedule;
