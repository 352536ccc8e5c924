//! When a step of a run uses the other cores. A step of few items (the
//! indicators of a small plan, the components of an area, the files of a
//! small index) runs on the calling thread alone, and a run made only of
//! such steps never starts the thread pool: starting it costs more than
//! such a step shares out (the shipped plan's `zi overdue` is 0.2 ms
//! faster without it; `docs/performance.md`, round 9). The first step of
//! more items starts the pool, with the calling thread as one of its
//! workers.

use std::sync::Once;

use rayon::iter::{FromParallelIterator, IntoParallelIterator, ParallelIterator};

/// The fewest indicators judged (each plan file read, each evidence
/// folder listed) that are shared out: the shipped plan has 72, and is
/// judged on one thread; a generated plan of 150 is judged 1.2 ms faster
/// (12 %) on two.
pub(crate) const INDICATORS: usize = 128;

/// The fewest folders listed (an area's components, each listing its
/// indicators' files) that are shared out: no area of the shipped plan
/// has more than 6.
pub(crate) const FOLDERS: usize = 16;

/// The fewest small files read and hashed (a plan's files in git's index)
/// that are shared out: the shipped plan has 102.
pub(crate) const FILES: usize = 512;

/// The fewest units of a workspace, each a plan, that are shared out.
pub(crate) const UNITS: usize = 2;

/// Whether a step of `items` items, worth sharing out from `at_least`, is
/// shared out among the thread pool's workers; if so, the pool has been
/// started (where it cannot be, rayon's own pool does the work).
pub(crate) fn pays(items: usize, at_least: usize) -> bool {
    if items < at_least {
        return false;
    }
    start_pool();
    true
}

/// `f` of each of `items`, in their order: shared out among the pool's
/// workers where `shared` (what `pays` says of the step), else on the
/// calling thread.
pub(crate) fn map<I, R, C>(
    shared: bool,
    items: I,
    f: impl Fn(<I as IntoIterator>::Item) -> R + Sync + Send,
) -> C
where
    I: IntoIterator + IntoParallelIterator<Item = <I as IntoIterator>::Item>,
    R: Send,
    C: FromIterator<R> + FromParallelIterator<R>,
{
    if shared {
        items.into_par_iter().map(f).collect()
    } else {
        items.into_iter().map(f).collect()
    }
}

/// Starts the thread pool, once. The calling thread works alongside the
/// pool instead of waiting for it, so a step is not held up until a pool
/// thread is scheduled on a busy machine; and the pool is not waited for
/// (`build`, unlike `build_global`, returns before its threads have
/// started). Work started on the calling thread goes to this pool, since
/// that thread is one of its workers; the pool is never dropped. Where
/// the calling thread is already a worker of another pool, that pool
/// does the work.
fn start_pool() {
    static POOL: Once = Once::new();
    POOL.call_once(|| {
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().use_current_thread().build() {
            std::mem::forget(pool);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_shared_out_from_its_threshold_on() {
        assert!(!pays(0, INDICATORS));
        assert!(!pays(INDICATORS - 1, INDICATORS));
        assert!(pays(INDICATORS, INDICATORS));
        assert!(!pays(FOLDERS - 1, FOLDERS));
        assert!(pays(100_000, FILES));
    }
}
