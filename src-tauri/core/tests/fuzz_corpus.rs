//! Replays what the fuzzing campaign kept (fuzz/corpus: inputs that answered in a new
//! way; fuzz/crashers: inputs that once crashed, hung or broke a promise, fixed since)
//! through the same targets the campaign ran. See RELIABILITY.md.

#[path = "../fuzz/targets.rs"]
mod targets;

use targets::Target;

#[test]
fn every_kept_fuzzing_input_runs_clean() {
    let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    let mut failures = Vec::new();
    for target in Target::ALL {
        for path in target.kept(&fuzz) {
            let input = std::fs::read(&path).unwrap();
            match std::panic::catch_unwind(|| target.run(&input)) {
                Ok(Ok(_)) => {}
                Ok(Err(finding)) => failures.push(format!("{}: {finding}", path.display())),
                Err(_) => failures.push(format!("{}: panicked", path.display())),
            }
            replayed += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {replayed} kept inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The campaign's corpus is in the repository: an empty replay means it went missing.
    assert!(replayed >= Target::ALL.len(), "only {replayed} kept inputs under {}", fuzz.display());
}
