// The reader's text as paragraphs of pieces, each piece a run of text covered by the same
// marks (highlights, fact spans) and the same find match. Positions are code points
// (see ../lib/codepoints).
import { codePoints, cutAtPoints } from '../lib/codepoints';

export type Mark = { id: string; start: number; end: number };
/** A highlight (note) or an extracted fact's value, drawn over the reader's text. */
export type ReaderMark = Mark & { kind: 'note' | 'fact'; colour: string | null };
export type Piece = { text: string; start: number; marks: string[]; match: number | null };
export type Paragraph = { start: number; pieces: Piece[] };

/** Canonical paragraphs (separated by one blank line) with their code-point starts. */
export function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (const para of text.split('\n\n')) {
    if (para.trim()) out.push({ start, text: para });
    start += codePoints(para) + 2;
  }
  return out;
}

/**
 * How many of the first paragraphs repeat what the reader's header shows: the headline
 * (as the article's title) and then a short byline naming its authors. They stay in
 * the text (positions count them) but are not shown twice.
 */
export function headerParagraphs(paras: { text: string }[], title: string, authors: string[]): number {
  const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  let n = 0;
  if (paras[n] && same(paras[n].text, title)) n++;
  const byline = paras[n]?.text ?? '';
  if (authors.length && byline.length <= 80 && authors.every((a) => byline.includes(a))) n++;
  return n;
}

/** Code-point ranges of every case-insensitive occurrence of `query` in `text`. */
function matches(text: string, query: string): { start: number; end: number }[] {
  const needle = query.toLocaleLowerCase();
  if (!needle) return [];
  const hay = text.toLocaleLowerCase();
  // Lower-casing keeps the length of CJK and Latin text; if it did not, positions would drift.
  if (hay.length !== text.length) return [];
  const out: { start: number; end: number }[] = [];
  let unit = 0;
  let point = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) {
    point += codePoints(text.slice(unit, at));
    const length = codePoints(text.slice(at, at + needle.length));
    out.push({ start: point, end: point + length });
    point += length;
    unit = at + needle.length;
  }
  return out;
}

/**
 * The text laid out for the reader: paragraphs of pieces, with the marks covering each
 * piece (overlapping marks give pieces with several) and find matches numbered across
 * the article. Matches never span paragraphs, as the query holds no blank line.
 * Pieces also start at each of `cuts` (the ends of a range to flash).
 */
export function layout(
  text: string,
  marks: Mark[],
  query: string,
  cuts: number[] = [],
): { paragraphs: Paragraph[]; total: number } {
  const found = matches(text, query);
  const ends = [...new Set([...marks.flatMap((m) => [m.start, m.end]), ...found.flatMap((m) => [m.start, m.end]), ...cuts])].sort(
    (a, b) => a - b,
  );
  let match = 0;
  const laid = paragraphs(text).map(({ start, text: para }) => ({
    start,
    pieces: cutAtPoints(para, start, ends).map(({ text: piece, start: at }) => {
      while (match < found.length && found[match].end <= at) match++;
      const inMatch = match < found.length && found[match].start <= at;
      return {
        text: piece,
        start: at,
        marks: marks.filter((m) => m.start <= at && at < m.end).map((m) => m.id),
        match: inMatch ? match : null,
      };
    }),
  }));
  return { paragraphs: laid, total: found.length };
}

/**
 * The code point a DOM position falls on, for a position inside an element with `data-at`
 * (the code point it starts at: each piece and each paragraph); null outside the text.
 */
export function pointAt(node: Node | null, offset: number): number | null {
  if (!node) return null;
  const text = node.nodeType === Node.TEXT_NODE;
  const element = text ? node.parentElement : (node as Element);
  const piece = element?.closest<HTMLElement>('[data-at]');
  if (!piece) return null;
  // Everything inside the piece (or paragraph) before the position.
  let before = '';
  const walk = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
  const stop = text ? node : (node.childNodes[offset] ?? null);
  for (let n = walk.nextNode(); n && n !== stop; n = walk.nextNode()) {
    if (stop && n.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_PRECEDING) break;
    before += n.textContent ?? '';
  }
  if (text) before += (node.textContent ?? '').slice(0, offset);
  return Number(piece.dataset.at) + codePoints(before);
}

/** The code-point range `[start, end)` of the selection, or null if it is empty or outside the text. */
export function selectedRange(selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  const start = pointAt(range.startContainer, range.startOffset);
  const end = pointAt(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
