// Dates as people type them (2025-02, 2025年2月, 2025/2/14, Feb 2025) read as ISO 8601 at
// the precision given ("2025", "2025-02", "2025-02-14"), which is how the core stores and
// compares publication dates; and the ranges a reader asks for (this month, last 90 days).

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 of the parts given, or null if they name no real date. */
function iso(year: number, month?: number, day?: number): string | null {
  if (year < 1000 || year > 9999) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const monthOf = (word: string) => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
};

/**
 * The date `input` names, as ISO 8601 to the precision it gives; null if it names none.
 * Full-width digits and punctuation (２０２５／２) read as their ASCII forms.
 */
export function parseDate(input: string): string | null {
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ');
  const n = (x: string | undefined) => (x === undefined ? undefined : Number(x));
  let m: RegExpMatchArray | null;
  // 2025, 2025-02, 2025-2-14, 2025/02/14, 2025.2.14
  if ((m = s.match(/^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/))) return iso(Number(m[1]), n(m[3]), n(m[4]));
  // 20250214
  if ((m = s.match(/^(\d{4})(\d{2})(\d{2})$/))) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // 2025年, 2025年2月, 2025年2月14日 (or 号)
  if ((m = s.match(/^(\d{4}) ?年(?: ?(\d{1,2}) ?月(?: ?(\d{1,2}) ?[日号])?)?$/))) return iso(Number(m[1]), n(m[2]), n(m[3]));
  // Feb 2025, February 14, 2025, Feb. 14 2025
  if ((m = s.match(/^([a-z]+)\.? (?:(\d{1,2}),? )?(\d{4})$/i)) && monthOf(m[1])) return iso(Number(m[3]), monthOf(m[1]), n(m[2]));
  // 14 Feb 2025
  if ((m = s.match(/^(\d{1,2}) ([a-z]+)\.? (\d{4})$/i)) && monthOf(m[2])) return iso(Number(m[3]), monthOf(m[2]), Number(m[1]));
  return null;
}

/** A day as ISO 8601, in local time. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type Range = { from: string; to: string };
export const RANGES = ['thisMonth', 'lastMonth', 'last90Days', 'thisYear', 'lastYear'] as const;
export type RangeName = (typeof RANGES)[number];

/** The range `name` names, seen on `today`; bounds are inclusive, at the precision they give. */
export function range(name: RangeName, today = new Date()): Range {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  switch (name) {
    case 'thisMonth':
      return { from: `${year}-${pad(month)}`, to: `${year}-${pad(month)}` };
    case 'lastMonth': {
      const last = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
      return { from: last, to: last };
    }
    case 'last90Days': {
      const from = new Date(year, today.getMonth(), today.getDate() - 90);
      return { from: isoDay(from), to: isoDay(today) };
    }
    case 'thisYear':
      return { from: String(year), to: String(year) };
    case 'lastYear':
      return { from: String(year - 1), to: String(year - 1) };
  }
}

/** Which named range `from`..`to` is on `today`, if any. */
export function rangeName(from: string | null, to: string | null, today = new Date()): RangeName | null {
  return RANGES.find((name) => {
    const r = range(name, today);
    return r.from === from && r.to === to;
  }) ?? null;
}
