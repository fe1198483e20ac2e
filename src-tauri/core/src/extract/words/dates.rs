//! Words of dates: month names and the words after which a bare four-digit number is a
//! year. Data only.

/// English month names and abbreviations, with their numbers.
pub const MONTHS: &[(&str, u32)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Sept.", 9),
    ("Jan.", 1),
    ("Feb.", 2),
    ("Mar.", 3),
    ("Apr.", 4),
    ("Jun.", 6),
    ("Jul.", 7),
    ("Aug.", 8),
    ("Sep.", 9),
    ("Oct.", 10),
    ("Nov.", 11),
    ("Dec.", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Words after which a bare four-digit number in English is a year.
pub const YEAR_LEAD: &[&str] = &[
    "in", "by", "since", "of", "for", "from", "until", "to", "through", "end", "early", "late", "mid",
    "fiscal", "year", "and", "or", "the", "before", "after", "during", "its", "their",
];

/// Words of a sentence that looks ahead (expects, will, 预计, 有望).
pub const FORWARD_CUES: &[&str] = &[
    "expect", "will ", "could ", "would ", "forecast", "plans ", "aims ", "target", "预计", "将", "有望",
    "计划", "预期", "目标",
];
