//! Conformance against the Microsoft Recognizers-Text test specifications (MIT, kept in
//! tests/vendor/recognizers-text): Number, Percent, NumberRange and Currency in Chinese
//! and English.
//!
//! A case passes when our results for that model match its expected results exactly:
//! same count, and for each the same code-point span and value (within 1e-9 relative),
//! and for currencies the same ISO code when the case gives one. Every case counts,
//! including those marked NotSupported for some other implementation. The run prints
//! the pass rate per file, and the rate on the cases the Python port supports, and
//! fails below a floor that is raised as the extractor improves.

use dossier_core::extract::{currency_names, extract, number_bounds, numerals, Qualifier, QuantityKind};
use serde_json::Value;

const SUITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vendor/recognizers-text");

#[derive(Debug)]
struct Found {
    start: usize,
    /// Exclusive.
    end: usize,
    value: f64,
    iso: Option<String>,
    interval: Option<String>,
}

fn numbers(input: &str) -> Vec<Found> {
    let s: Vec<char> = input.chars().collect();
    numerals::scan(&s)
        .into_iter()
        .map(|n| {
            let start = match n.kind {
                numerals::NumKind::PerUnit { value_start, .. } => value_start,
                _ => n.start,
            };
            Found { start, end: n.end, value: n.low, iso: None, interval: None }
        })
        .collect()
}

fn quantities(input: &str, kind: QuantityKind) -> Vec<Found> {
    let x = extract(input, None);
    x.quantities
        .into_iter()
        .filter(|q| q.kind == kind)
        .map(|q| Found {
            start: q.amount_start,
            end: q.end,
            value: q.low,
            iso: Some(q.unit.to_string()),
            interval: None,
        })
        .collect()
}

/// Amounts of money, and currencies named without an amount (人民币 美元, the dollar).
fn money(input: &str) -> Vec<Found> {
    let mut found = quantities(input, QuantityKind::Money);
    let s: Vec<char> = input.chars().collect();
    let names =
        currency_names(&s).into_iter().filter(|c| !found.iter().any(|q| q.start < c.end && c.start < q.end));
    let names: Vec<Found> = names
        .map(|c| Found {
            start: c.start,
            end: c.end,
            value: f64::NAN,
            iso: Some(c.code.into()),
            interval: None,
        })
        .collect();
    found.extend(names);
    found.sort_by_key(|f| f.start);
    found
}

fn ranges(input: &str) -> Vec<Found> {
    let s: Vec<char> = input.chars().collect();
    let fmt = |v: f64| format!("{v}");
    number_bounds(&s)
        .into_iter()
        .map(|b| {
            let interval = match b.qualifier {
                Qualifier::Range => {
                    let (low_in, high_in) = b.closed.unwrap_or((true, false));
                    let open = if low_in { '[' } else { '(' };
                    let close = if high_in { ']' } else { ')' };
                    format!("{open}{},{}{close}", fmt(b.low), fmt(b.high))
                }
                Qualifier::Gt | Qualifier::Vague => format!("({},)", fmt(b.low)),
                Qualifier::Gte => format!("[{},)", fmt(b.low)),
                Qualifier::Lt => format!("(,{})", fmt(b.low)),
                Qualifier::Lte => format!("(,{}]", fmt(b.low)),
                Qualifier::Exact | Qualifier::Approx => unreachable!("number_bounds gives bounds only"),
            };
            Found { start: b.start, end: b.end, value: b.low, iso: None, interval: Some(interval) }
        })
        .collect()
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-9)
}

fn passes(expected: &[Value], found: &[Found]) -> bool {
    expected.len() == found.len()
        && expected.iter().zip(found).all(|(e, f)| {
            let start = e["Start"].as_u64() == Some(f.start as u64);
            let end = e["End"].as_u64().map(|x| x as usize + 1) == Some(f.end);
            let r = &e["Resolution"];
            let value = match (&f.interval, r["value"].as_str()) {
                (Some(i), Some(v)) => i == v,
                (None, Some(v)) => {
                    v.trim_end_matches('%').parse::<f64>().is_ok_and(|v| same_value(v, f.value))
                }
                // A currency named without an amount has no value.
                (_, None) => f.value.is_nan() && r["value"].is_null(),
            };
            let iso = r["isoCurrency"].as_str().is_none_or(|code| f.iso.as_deref() == Some(code));
            start && end && value && iso
        })
}

struct Rate {
    passed: usize,
    total: usize,
    python_passed: usize,
    python_total: usize,
}

fn run(file: &str, recognise: fn(&str) -> Vec<Found>) -> Rate {
    let path = format!("{SUITE}/{file}");
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("conformance file {path} must be present: {e}"));
    let cases: Vec<Value> = serde_json::from_str(raw.trim_start_matches('\u{feff}')).expect("valid JSON");
    let mut rate = Rate { passed: 0, total: 0, python_passed: 0, python_total: 0 };
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or_default();
        let expected = case["Results"].as_array().cloned().unwrap_or_default();
        let found = recognise(input);
        let ok = passes(&expected, &found);
        let python = !case["NotSupported"].as_str().unwrap_or("").contains("python");
        rate.total += 1;
        rate.passed += ok as usize;
        rate.python_total += python as usize;
        rate.python_passed += (ok && python) as usize;
        if !ok {
            let want: Vec<String> = expected
                .iter()
                .map(|e| format!("{} {}..{} {}", e["Text"], e["Start"], e["End"], e["Resolution"]["value"]))
                .collect();
            failures.push(format!("    {input:?}: want {want:?} found {found:?}"));
        }
    }
    println!(
        "{file}: {}/{} ({:.1}%), on the cases the Python port supports {}/{}",
        rate.passed,
        rate.total,
        100.0 * rate.passed as f64 / rate.total as f64,
        rate.python_passed,
        rate.python_total
    );
    if std::env::var_os("CONFORMANCE_VERBOSE").is_some() {
        println!("{}", failures.join("\n"));
    }
    rate
}

/// (file, recogniser, floor on the pass rate over all cases).
type Suite = (&'static str, fn(&str) -> Vec<Found>, f64);

#[test]
fn recognizers_text_conformance() {
    let percent = |t: &str| quantities(t, QuantityKind::Percent);
    let suites: [Suite; 8] = [
        ("Number/Chinese/NumberModel.json", numbers, 0.95),
        ("Number/Chinese/PercentModel.json", percent, 0.96),
        ("NumberWithUnit/Chinese/CurrencyModel.json", money, 0.99),
        ("Number/Chinese/NumberRangeModel.json", ranges, 0.92),
        ("Number/English/NumberModel.json", numbers, 0.71),
        ("Number/English/PercentModel.json", percent, 0.64),
        ("NumberWithUnit/English/CurrencyModel.json", money, 0.71),
        ("Number/English/NumberRangeModel.json", ranges, 0.71),
    ];
    let mut below = Vec::new();
    for (file, recognise, floor) in suites {
        let r = run(file, recognise);
        let rate = r.passed as f64 / r.total as f64;
        if rate < floor {
            below.push(format!("{file}: {:.3} < floor {floor}", rate));
        }
    }
    assert!(below.is_empty(), "{below:?}");
}
