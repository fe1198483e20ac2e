//! Words of numbers: English number words and scales, and currency codes written glued to
//! an amount. Data only.

/// English scale words above a hundred, after a number in digits or in words.
pub const SCALE_WORDS: [(&str, f64); 6] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// Magnitudes after an Arabic number and a space, besides the scale words: hundred, dozens
/// and abbreviations.
pub const SCALE_SPACED: [(&str, f64); 16] = [
    ("hundred", 1e2),
    ("dozen", 12.0),
    ("dozens", 12.0),
    ("dzs", 12.0),
    ("mln", 1e6),
    ("bln", 1e9),
    ("tln", 1e12),
    ("mn", 1e6),
    ("bn", 1e9),
    ("MM", 1e6),
    ("M", 1e6),
    ("k", 1e3),
    // Indian magnitudes: Rs 4,851.09 Cr, 12 lakhs.
    ("Cr", 1e7),
    ("cr", 1e7),
    ("crores", 1e7),
    ("lakhs", 1e5),
];

/// Magnitude letters glued to an amount after a currency sign ($2.0B, £2.13B), where a
/// capital B is no model size (7B).
pub const SIGNED_SCALES: [(&str, f64); 2] = [("B", 1e9), ("T", 1e12)];

/// Magnitude suffixes glued to an Arabic number (5bn, 20k).
pub const SCALE_ATTACHED: [(&str, f64); 10] = [
    ("MM", 1e6),
    ("bn", 1e9),
    ("mn", 1e6),
    ("tn", 1e12),
    ("m", 1e6),
    ("M", 1e6),
    ("k", 1e3),
    ("K", 1e3),
    ("Ｋ", 1e3),
    ("b", 1e9),
];

/// zero .. nineteen.
pub const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// twenty .. ninety.
pub const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// Denominators whose form is not the cardinal + "th".
pub const PARTS: [(&str, f64); 12] = [
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("quarter", 4.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("twelfth", 12.0),
    ("hundredth", 100.0),
    ("thousandth", 1e3),
    ("millionth", 1e6),
];

/// Currency codes written glued to the amount (RMB1,204.6 million, Rmb10bn, USD115).
pub const GLUED_CODES: &[&str] =
    &["RMB", "USD", "HKD", "EUR", "GBP", "JPY", "CNY", "SGD", "AUD", "CAD", "CHF"];

/// Words before "half" that make it a period of time (the first half, the April-September
/// half), not a number.
pub const HALF_PERIODS: &[&str] = &[
    "first",
    "second",
    "the",
    "this",
    "that",
    "latter",
    "other",
    "back",
    "front",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
