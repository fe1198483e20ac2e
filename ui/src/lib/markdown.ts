// The Markdown of a note's comment, read into a small tree that components draw as
// elements: a safe subset (paragraphs, line breaks, lists, quotes, headings drawn as bold
// lines; bold, italic, strikethrough, code, links shown with their address). Markup is
// never HTML: `<b>` stays the text "<b>", and nothing is ever fetched or opened.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em' | 'del'; children: Inline[] }
  | { kind: 'link'; children: Inline[]; url: string };

export type Block =
  | { kind: 'paragraph' | 'heading'; content: Inline[] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const ITEM = /^\s{0,3}(?:[-*+]|(\d{1,9})[.)])\s+/;

/** Comment text as blocks. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
    } else if (/^\s{0,3}>/.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && /^\s{0,3}>/.test(lines[i]); i++) quoted.push(lines[i].replace(/^\s{0,3}> ?/, ''));
      blocks.push({ kind: 'quote', blocks: parseMarkdown(quoted.join('\n')) });
    } else if (ITEM.test(line)) {
      const ordered = ITEM.exec(line)![1] !== undefined;
      const items: string[] = [];
      for (; i < lines.length && lines[i].trim(); i++) {
        const item = ITEM.exec(lines[i]);
        if (item && (item[1] !== undefined) === ordered) items.push(lines[i].slice(item[0].length));
        else if (!item && items.length) items[items.length - 1] += '\n' + lines[i].trim();
        else break;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
    } else if (/^\s{0,3}#{1,6}\s/.test(line)) {
      blocks.push({ kind: 'heading', content: parseInline(line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '')) });
      i++;
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i].trim() && !ITEM.test(lines[i]) && !/^\s{0,3}(>|#{1,6}\s)/.test(lines[i]); i++) para.push(lines[i].trim());
      blocks.push({ kind: 'paragraph', content: parseInline(para.join('\n')) });
    }
  }
  return blocks;
}

/** Delimiters of emphasis, longest first. */
const SPANS: [string, 'strong' | 'em' | 'del'][] = [
  ['**', 'strong'],
  ['__', 'strong'],
  ['~~', 'del'],
  ['*', 'em'],
  ['_', 'em'],
];

/** Inline Markdown: emphasis, code, links, line breaks; everything else is text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && /[\\`*_~[\]()#>+\-.!]/.test(source[i + 1])) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ kind: 'break' });
      i++;
      continue;
    }
    const code = rest.match(/^(`+)([^]*?[^`])\1(?!`)/);
    if (code) {
      flush();
      out.push({ kind: 'code', text: code[2].trim() || code[2] });
      i += code[0].length;
      continue;
    }
    const link = rest.match(/^\[([^\]\n]+)\]\(\s*([^\s()]+)\s*\)/);
    if (link) {
      flush();
      out.push({ kind: 'link', children: parseInline(link[1]), url: link[2] });
      i += link[0].length;
      continue;
    }
    const span = SPANS.find(([d]) => rest.startsWith(d));
    if (span) {
      const [d, kind] = span;
      // Opens only before text and closes only after it (2 * 3 * 4 stays as it is); _ only
      // between words, so snake_case_names stay text.
      const before = source[i - 1] ?? ' ';
      const inner = rest.slice(d.length);
      const end = closing(inner, d);
      const wordy = d[0] === '_' && /[\p{L}\p{N}]/u.test(before);
      if (end > 0 && !/^\s/.test(inner) && !wordy) {
        flush();
        out.push({ kind, children: parseInline(inner.slice(0, end)) });
        i += d.length * 2 + end;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** Where delimiter `d` closes in `s` (after non-space text, not inside code), or -1. */
function closing(s: string, d: string): number {
  for (let j = 1; j <= s.length - d.length; j++) {
    if (s[j] === '`') {
      const code = s.slice(j).match(/^(`+)[^]*?\1/);
      if (code) j += code[0].length - 1;
      continue;
    }
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (!s.startsWith(d, j) || /\s/.test(s[j - 1])) continue;
    // A single * is not the first of a **; _ closes only before a non-word.
    if (d.length === 1 && s[j + 1] === d) {
      j++;
      continue;
    }
    if (d[0] === '_' && /[\p{L}\p{N}]/u.test(s[j + d.length] ?? '')) continue;
    return j;
  }
  return -1;
}
