// Positions in an article are Unicode code points into its canonical text, as the core
// stores them; JavaScript strings count UTF-16 units, which differ from code points
// outside the BMP (rare CJK characters, emoji). Every conversion between the two is here.

/** UTF-16 units of the code point at unit `i` of `s`: 2 for a surrogate pair, else 1. */
function width(s: string, i: number): number {
  const unit = s.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return 1;
  const next = s.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Code points in `s`. */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += width(s, i)) n++;
  return n;
}

/** The text between code points `start` and `end` of `text`. */
export function slicePoints(text: string, start: number, end: number): string {
  return text.slice(unitOf(text, start), unitOf(text, end));
}

/** The UTF-16 index in `s` of code point `point` (the length of `s` past its end). */
export function unitOf(s: string, point: number): number {
  let unit = 0;
  for (let p = 0; p < point && unit < s.length; p++) unit += width(s, unit);
  return unit;
}

/**
 * `s`, whose first code point is `start`, split at `cuts` (code points, sorted); each
 * piece with the code point it starts at.
 */
export function cutAtPoints(s: string, start: number, cuts: number[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let unit = 0;
  let point = start;
  let pieceUnit = 0;
  let pieceStart = start;
  let next = 0;
  while (next < cuts.length && cuts[next] <= start) next++;
  while (unit < s.length) {
    if (next < cuts.length && cuts[next] === point) {
      if (unit > pieceUnit) out.push({ text: s.slice(pieceUnit, unit), start: pieceStart });
      pieceUnit = unit;
      pieceStart = point;
      next++;
      continue;
    }
    unit += width(s, unit);
    point++;
  }
  if (unit > pieceUnit) out.push({ text: s.slice(pieceUnit), start: pieceStart });
  return out;
}
