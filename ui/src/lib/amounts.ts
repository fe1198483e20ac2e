// Amounts as analysts write them: 200亿, 1.5万亿, 3000万 in Chinese, 20 billion, 1.5bn,
// 300m in English; shown in the interface language and read in either.

/** Multipliers written after a number, by the words for them. */
const SCALES: [RegExp, number][] = [
  [/^万亿/, 1e12],
  [/^亿/, 1e8],
  [/^千万/, 1e7],
  [/^百万/, 1e6],
  [/^万/, 1e4],
  [/^千/, 1e3],
  [/^百/, 1e2],
  [/^(trillion|tn)\b/i, 1e12],
  [/^(billion|bn|b)\b/i, 1e9],
  [/^(million|mn|mm|m)\b/i, 1e6],
  [/^(thousand|k)\b/i, 1e3],
  // A percentage's sign adds nothing to its value (41.9% is stored as 41.9, unit %).
  [/^%/, 1],
];

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A number written in Chinese numerals below 10,000 (二十, 三百五十, 两千); null if it is none. */
function chineseNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in UNITS) {
      total += (digit ?? 1) * UNITS[c];
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/**
 * The amount `input` writes, in base units (200亿 = 2e10, 20 billion = 2e10, 1.5万亿 =
 * 1.5e12, 2e10, 20,000,000,000, 二百亿); null if it writes none.
 */
export function parseAmount(input: string): number | null {
  const s = input.normalize('NFKC').trim().replace(/(\d)[,\s](?=\d{3}\b)/g, '$1');
  const lead = s.match(/^[+-]?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?/i) ?? s.match(/^[〇零一二两三四五六七八九十百千]+?(?=万|亿|$)/);
  if (!lead) return null;
  let value = /\d/.test(lead[0]) ? Number(lead[0]) : chineseNumber(lead[0]);
  if (value === null || !Number.isFinite(value)) return null;
  let rest = s.slice(lead[0].length).trim();
  while (rest) {
    const scale = SCALES.find(([word]) => word.test(rest));
    if (!scale) return null;
    value *= scale[1];
    rest = rest.replace(scale[0], '').trim();
  }
  return value;
}

/**
 * `n` without the noise of binary fractions (0.1 * 3), with as many decimals as a count of
 * `scale` needs to keep every unit (9.87654321亿 is 987654321).
 */
function plain(n: number, locale: string, grouping: boolean, scale = 1): string {
  const decimals = Math.min(20, Math.round(Math.log10(scale)) + 6);
  return Number(n.toPrecision(15)).toLocaleString(locale, { maximumFractionDigits: decimals, useGrouping: grouping });
}

/** `n` as the interface language writes amounts: 200亿 and 1.5万亿, or 20 billion. */
export function formatAmount(n: number, locale: 'zh' | 'en'): string {
  const size = Math.abs(n);
  if (locale === 'zh') {
    for (const [scale, word] of [
      [1e12, '万亿'],
      [1e8, '亿'],
      [1e4, '万'],
    ] as const) {
      if (size >= scale) return `${plain(n / scale, 'zh-CN', false, scale)}${word}`;
    }
    return plain(n, 'zh-CN', false);
  }
  for (const [scale, word] of [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const) {
    if (size >= scale) return `${plain(n / scale, 'en', true, scale)} ${word}`;
  }
  return plain(n, 'en', true);
}
