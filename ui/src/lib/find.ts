// Find in article: splits paragraphs into plain and matching segments (rendered as
// text nodes), numbering matches across the whole article.
export type Segment = { text: string; match: number | null };

export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function findSegments(paras: string[], query: string): { segments: Segment[][]; total: number } {
  const needle = query.toLocaleLowerCase();
  let total = 0;
  const segments = paras.map((para) => {
    if (!needle) return [{ text: para, match: null }];
    const hay = para.toLocaleLowerCase();
    const out: Segment[] = [];
    let from = 0;
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) {
      if (at > from) out.push({ text: para.slice(from, at), match: null });
      out.push({ text: para.slice(at, at + needle.length), match: total++ });
      from = at + needle.length;
    }
    if (from < para.length) out.push({ text: para.slice(from), match: null });
    return out;
  });
  return { segments, total };
}
