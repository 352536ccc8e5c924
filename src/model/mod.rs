//! Pure types and rules: months, the target-time grammar, schedules. No
//! input or output, no language.

pub mod due;
pub mod evidence;
pub mod month;
pub mod plan;
pub mod quote;
pub mod schedule;
