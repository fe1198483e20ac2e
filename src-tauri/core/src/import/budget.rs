//! Every parser runs on a thread of its own, with a stack sized for the deepest input
//! the parsers' budgets let through, under a wall-clock budget and behind catch_unwind:
//! a hostile file costs an error message, never the app or the rest of a folder.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::{Error, Reason, Result};

/// Stack of the parsing thread. The HTML readability pass recurses once per level of a
/// page's tree, which its budget holds to 512 levels; this leaves a wide margin (the
/// memory is reserved, and only what is touched is used).
const STACK_BYTES: usize = 256 * 1024 * 1024;

/// Runs `work` on its own thread; a panic or an overrun becomes an error naming `what`.
/// On overrun the thread is left to finish on its own (threads cannot be killed) and
/// its result dropped; `work` gets the deadline so that long loops can stop by it.
pub fn guarded<T, F>(what: &str, budget: Duration, work: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce(Instant) -> Result<T> + Send + 'static,
{
    let deadline = Instant::now() + budget;
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("import-parse".into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let outcome = catch_unwind(AssertUnwindSafe(|| work(deadline)));
            let _ = tx.send(outcome);
        })
        .map_err(|e| Error::internal(format!("cannot start the {what} reader: {e}")))?;
    match rx.recv_timeout(budget) {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(Reason::ReaderFailed { what: what.to_owned() }.into()),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(overrun(what, budget)),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Error::internal(format!("the {what} reader stopped without an answer")))
        }
    }
}

/// The error for a file whose reading took longer than `budget`.
pub fn overrun(what: &str, budget: Duration) -> Error {
    Reason::ReadingTooSlow { what: what.to_owned(), seconds: budget.as_secs() }.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_and_overruns_become_errors() {
        let panicked =
            guarded("PDF", Duration::from_secs(5), |_| -> Result<()> { panic!("bad glyph table") });
        let err = panicked.unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::InvalidInput);
        assert_eq!(err.message, "the PDF is damaged: the reader failed on its structure");
        let stalled = guarded("web page", Duration::from_millis(50), |_| -> Result<()> {
            std::thread::sleep(Duration::from_secs(2));
            Ok(())
        });
        let err = stalled.unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::TooLarge);
        assert!(err.message.starts_with("reading the web page took longer than"), "{}", err.message);
    }

    #[test]
    fn deep_recursion_fits_the_stack() {
        // About 1 KiB a frame, 100,000 deep: far past a default thread's 2 MiB.
        fn down(n: usize) -> usize {
            let frame = [n as u8; 1024];
            if n == 0 {
                return 0;
            }
            std::hint::black_box(&frame);
            down(n - 1) + 1
        }
        let got = guarded("test", Duration::from_secs(60), |_| Ok(down(100_000)));
        assert_eq!(got.unwrap(), 100_000);
    }
}
