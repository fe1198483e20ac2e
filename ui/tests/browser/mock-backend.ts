// An in-memory stand-in for the Rust shell, injected into the page before the app
// loads (page.addInitScript) so the real UI runs in Chromium against known data.
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type { Article } from '../../src/lib/bindings/Article';
import type { Error as CoreError } from '../../src/lib/bindings/Error';
import type { ArticleFilter } from '../../src/lib/bindings/ArticleFilter';
import type { ImportReport } from '../../src/lib/bindings/ImportReport';
import type { OpenArticle } from '../../src/lib/bindings/OpenArticle';
import type { ReportPreview } from '../../src/lib/bindings/ReportPreview';
import type { ScopeRequest } from '../../src/lib/bindings/ScopeRequest';
import type { SearchHit } from '../../src/lib/bindings/SearchHit';

type Options = { articles: number; empty: boolean; firstRun: boolean; opened: OpenArticle | null; readOnly: CoreError | null };
const options: Options = { articles: 40, empty: false, firstRun: false, opened: null, readOnly: null, ...(window as any).__DOSSIER_MOCK_OPTIONS };

const outlets = ['华东商报', '京华经济周刊', 'Harbour Markets Daily', 'Asia Tech Ledger'];
const zhTitles = ['国产AI芯片市场规模预计突破千亿', '智谱AI完成30亿元融资', '阶跃星辰发布新模型', '月之暗面用户数翻倍'];
const enTitles = ['AI chip stocks extend rally', 'DeepSeek valuation estimates diverge', 'Cloud providers cut model prices'];

function makeArticle(id: number): Article {
  const zh = id % 2 === 1;
  const title = zh ? `${zhTitles[id % zhTitles.length]}（第${id}期）` : `${enTitles[id % enTitles.length]} (no. ${id})`;
  const text = zh
    ? `${title}\n\n据测算，2024年中国AI芯片市场规模约为1206亿元。半导体ETF（512480）收涨3.39%。\n\n业内人士认为，推理需求将持续增长。`
    : `${title}\n\nThe semiconductor ETF 512480 closed 3.39% higher. China's AI chip market reached 120.6 billion yuan in 2024.\n\nAnalysts expect inference demand to keep growing.`;
  // One article carries markup in its text, which must stay text in the UI.
  const withMarkup = id === 7 ? `${text}\n\nMarkup stays text: <img src=x onerror="window.__pwned=1"><b>bold</b> claims.` : text;
  const day = String((id % 28) + 1).padStart(2, '0');
  return {
    id,
    title,
    outlet: outlets[id % outlets.length],
    authors: [zh ? '林思远' : 'Laura Chen'],
    published: `2025-02-${day}`,
    language: zh ? 'zh' : 'en',
    format: 'text',
    file_name: `/home/user/articles/article-${id}.txt`,
    char_count: [...withMarkup].length,
    imported_at: '2025-03-01T08:00:00Z',
    encoding: 'UTF-8',
    content_hash: `hash-${id}`,
    text: withMarkup,
  };
}

let library: Article[] = options.empty ? [] : Array.from({ length: options.articles }, (_, i) => makeArticle(i + 1));
const collections = [{ id: 1, name: 'Samples · 示例', members: new Set<number>([1, 2, 3]) }];
const calls: { cmd: string; args: any }[] = [];
/** Errors the next call of a command rejects with, set by a test. */
const failures: Record<string, { kind: string; message: string; reason?: unknown }> = {};
/** What stops the next import before it reads a file (a read-only or damaged library),
    set by a test: the shell then reports every chosen file failed with it. */
const importRefusal = { error: null as CoreError | null };
/** What the Save dialog answers: a path, or null as if the user cancelled. */
const saveDialog = { path: '/home/user/Documents/report' as string | null };

// Facts, notes, tags and entities, kept like the core keeps them (code points).
const cp = (s: string) => [...s].length;
function factsOf(a: Article): any[] {
  const figures: [string, string, string, string, number][] = a.language === 'zh'
    ? [['中国AI芯片', 'market_size', '1206亿元', 'CNY', 1.206e11], ['半导体ETF', 'price_change', '3.39%', '%', 3.39]]
    : [['semiconductor ETF', 'price_change', '3.39%', '%', 3.39], ['China AI chips', 'market_size', '120.6 billion yuan', 'CNY', 1.206e11]];
  return figures.map(([subject, metric, value, unit, amount], i) => {
    const at = a.text.indexOf(value);
    const start = cp(a.text.slice(0, at));
    return {
      id: a.id * 10 + i, article_id: a.id, article_title: a.title, outlet: a.outlet, published: a.published,
      subject, metric, kind: unit === '%' ? 'percent' : 'money', value_text: value,
      start, end: start + cp(value), low: amount, high: amount, unit, qualifier: 'exact', date: '2024', round: null,
      investors: [], lead_investor: null, quote: value, confidence: 0.9, status: 'extracted',
      entity_id: i + 1, entity_name: subject,
    };
  });
}
const facts = new Map<number, any[]>();
const factsFor = (id: number) => {
  if (!facts.has(id)) facts.set(id, factsOf(library.find((a) => a.id === id)!));
  return facts.get(id)!;
};
const findFact = (id: number) => [...facts.values()].flat().find((f) => f.id === id);
let notes: any[] = [];
let nextNote = 1;
const history: { before: any; after: any }[] = [];
let undone = 0;
const tags = () => {
  const names = [...new Set(notes.flatMap((n) => n.tags))].sort();
  return names.map((name, i) => ({
    id: i + 1, name,
    annotation_count: notes.filter((n) => n.tags.includes(name)).length,
    article_count: new Set(notes.filter((n) => n.tags.includes(name)).map((n) => n.article_id)).size,
  }));
};
let entities = [
  { id: 1, name: '中国AI芯片', kind: 'organisation', aliases: [] as string[] },
  { id: 2, name: '半导体ETF', kind: 'index', aliases: ['512480'] },
];
const entityFacts = (id: number) =>
  [...facts.values()].flat().filter((f) => f.entity_id === id && f.status !== 'rejected');
function record(before: any, after: any) {
  history.splice(history.length - undone);
  undone = 0;
  history.push({ before, after });
}
function applyNote(target: any, id: number) {
  notes = notes.filter((n) => n.id !== id);
  if (target) notes.push(target);
}
/** Puts one side of a history step back; returns the change as the core reports it. */
function restore(step: { before: any; after: any }, side: 'before' | 'after') {
  const { id, article_id } = step.before ?? step.after;
  applyNote(step[side], id);
  return { article_id, annotation_id: id, annotation: step[side] };
}

function matches(a: Article, f: ArticleFilter): boolean {
  if (f.outlet && a.outlet !== f.outlet) return false;
  if (f.published_from && (a.published ?? '') < f.published_from) return false;
  if (f.published_to && (a.published ?? '') > f.published_to + '\u{10FFFF}') return false;
  if (f.collection !== null && !collections.find((c) => c.id === f.collection)?.members.has(a.id)) return false;
  if (f.tag != null) {
    const name = tags().find((t) => t.id === f.tag)?.name;
    if (!notes.some((n) => n.article_id === a.id && n.tags.includes(name))) return false;
  }
  return true;
}

const summary = ({ encoding: _e, content_hash: _h, text: _t, ...rest }: Article) => rest;

function list(args: any) {
  const rows = library.filter((a) => matches(a, args.filter));
  const sorted = [...rows].sort((a, b) => {
    switch (args.sort) {
      case 'title':
        return a.title.localeCompare(b.title);
      case 'imported':
        return b.id - a.id;
      case 'outlet':
        return (a.outlet ?? '').localeCompare(b.outlet ?? '') || b.id - a.id;
      default:
        return (b.published ?? '').localeCompare(a.published ?? '') || b.id - a.id;
    }
  });
  return sorted.slice(args.offset, args.offset + args.limit).map(summary);
}

function search(args: any): SearchHit[] {
  const q: string = args.query.text.toLowerCase();
  return library
    .filter((a) => matches(a, args.query.filter) && a.text.toLowerCase().includes(q))
    .slice(0, args.query.limit)
    .map((a) => {
      const at = a.text.toLowerCase().indexOf(q);
      return {
        article: summary(a),
        snippet: [
          { text: a.text.slice(Math.max(0, at - 20), at), hit: false },
          { text: a.text.slice(at, at + q.length), hit: true },
          { text: a.text.slice(at + q.length, at + q.length + 20), hit: false },
        ],
        score: 1,
      };
    });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The facts a report request covers, like the core picks them. */
function reportFacts({ scope, statuses }: ScopeRequest): any[] {
  const admitted = (f: any) => (statuses === 'reviewed' ? ['confirmed', 'edited'].includes(f.status) : f.status !== 'rejected');
  const ofArticles = (ids: number[]) => ids.flatMap((id) => factsFor(id)).filter(admitted);
  switch (scope.kind) {
    case 'article':
      return ofArticles([scope.value]);
    case 'collection': {
      const found = collections.find((c) => c.name === scope.value);
      if (!found) throw { kind: 'not_found', message: `no collection named "${scope.value}"`, reason: { code: 'no_collection_named', name: scope.value } };
      return ofArticles([...found.members]);
    }
    case 'tag':
      return ofArticles([...new Set(notes.filter((n) => n.tags.includes(scope.value)).map((n) => n.article_id))]);
    case 'search':
      return ofArticles(library.filter((a) => a.text.toLowerCase().includes(scope.value.toLowerCase())).map((a) => a.id));
    case 'facts':
      return scope.value.map((id) => {
        const f = findFact(id);
        if (!f) throw { kind: 'not_found', message: `no fact with id ${id}`, reason: { code: 'fact_not_found', id } };
        return f;
      });
  }
}

/** A small real report: the iframe shows it from a data: URL, as the app's does from its scheme. */
function reportPreview(request: ScopeRequest): ReportPreview {
  const rows = reportFacts(request);
  const sources = library.filter((a) => rows.some((f) => f.article_id === a.id));
  const quotes = notes.filter((n) => sources.some((a) => a.id === n.article_id));
  const { scope } = request;
  const title =
    request.title ??
    (scope.kind === 'article' ? library.find((a) => a.id === scope.value)!.title : scope.kind === 'facts' ? 'Selected facts' : scope.value);
  const language = request.language ?? (sources.filter((a) => a.language === 'zh').length * 2 >= sources.length ? 'zh' : 'en');
  const e = escapeHtml;
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${e(title)}</title></head><body>`,
    `<h1>${e(title)}</h1><p class="byline">${e([request.author, request.date ?? '2025-03-01'].filter(Boolean).join(' · '))}</p>`,
    request.sections.facts
      ? `<table><tr><th>Subject</th><th>Metric</th><th>Value</th></tr>${rows.map((f) => `<tr><td>${e(f.subject)}</td><td>${e(f.metric)}</td><td>${e(f.value_text)}</td></tr>`).join('')}</table>`
      : '',
    request.sections.sources ? `<h2>Sources</h2><ol>${sources.map((a) => `<li>${e(a.title)}</li>`).join('')}</ol>` : '',
    '</body></html>',
  ].join('');
  return { title, language, facts: rows.length, sources: sources.length, annotations: quotes.length, url: `data:text/html;charset=utf-8,${encodeURIComponent(html)}` };
}

async function importChosen(): Promise<boolean> {
  const paths = ['/home/user/Downloads/kimi-users-en.md', '/home/user/Downloads/broken.pdf'];
  const refused = importRefusal.error;
  if (refused) {
    importRefusal.error = null;
    const outcomes = paths.map((path) => ({ path, status: 'failed' as const, article_id: null, title: null, error: refused }));
    setTimeout(() => emit('import:finished', { outcomes, skipped: 0 }), 50);
    return true;
  }
  for (const [done, path] of paths.entries()) await emit('import:progress', { done, total: paths.length, path });
  const added = makeArticle(library.length + 1000);
  library = [added, ...library];
  // Its facts are extracted as it is stored, and a company it names is new.
  factsFor(added.id);
  entities.push({ id: 3, name: '月之暗面', kind: 'company', aliases: ['Moonshot AI'] });
  const report: ImportReport = {
    outcomes: [
      { path: paths[0], status: 'imported', article_id: added.id, title: added.title, error: null },
      {
        path: paths[1],
        status: 'failed',
        article_id: null,
        title: null,
        error: {
          kind: 'invalid_input',
          message: 'the PDF is truncated (its end-of-file marker is missing): download or copy it again',
          reason: { code: 'pdf_truncated' },
        },
      },
    ],
    skipped: 0,
  };
  setTimeout(() => emit('import:finished', report), 50);
  return true;
}

mockWindows('main');
mockIPC(
  async (cmd, args: any) => {
    calls.push({ cmd, args });
    const failure = failures[cmd];
    if (failure) {
      delete failures[cmd];
      throw failure;
    }
    switch (cmd) {
      case 'library_info':
        return { data_dir: '/home/user/.local/share/com.dossier.desktop', library_path: '/home/user/.local/share/com.dossier.desktop/library.sqlite', article_count: library.length, first_run: options.firstRun, read_only: options.readOnly };
      case 'library_backup':
        return '/home/user/.local/share/com.dossier.desktop/backups/library-2025-03-01T080000Z-manual.sqlite';
      case 'library_load_samples':
        library = Array.from({ length: 6 }, (_, i) => makeArticle(i + 1));
        return { outcomes: library.map((a) => ({ path: a.file_name, status: 'imported', article_id: a.id, title: a.title, error: null })), skipped: 0 };
      case 'articles_list':
        return list(args);
      case 'articles_count':
        return library.filter((a) => matches(a, args.filter)).length;
      case 'articles_get': {
        const found = library.find((a) => a.id === args.id);
        if (!found) throw { kind: 'not_found', message: `no article with id ${args.id}` };
        return found;
      }
      case 'outlets_list':
        return outlets.map((name) => ({ name, article_count: library.filter((a) => a.outlet === name).length }));
      case 'search_query':
        return search(args);
      case 'collections_list':
        return collections.map((c) => ({ id: c.id, name: c.name, article_count: c.members.size }));
      case 'collections_create':
        collections.push({ id: collections.length + 1, name: args.name, members: new Set() });
        return collections.length;
      case 'collections_add_article':
        collections.find((c) => c.id === args.collectionId)?.members.add(args.articleId);
        return null;
      case 'import_choose':
        return importChosen();
      case 'settings_language':
        return null;
      case 'articles_take_opened': {
        // The shell hands a pending article over once.
        const opened = options.opened;
        options.opened = null;
        return opened;
      }
      case 'facts_metrics':
        return [
          { id: 'valuation', en: 'Valuation', zh: '估值' },
          { id: 'funding', en: 'Funding', zh: '融资' },
          { id: 'users', en: 'Users', zh: '用户数' },
          { id: 'market_size', en: 'Market size', zh: '市场规模' },
          { id: 'price_change', en: 'Price change', zh: '股价涨跌' },
          { id: 'other', en: 'Other', zh: '其他' },
        ];
      case 'facts_list':
        return factsFor(args.articleId);
      case 'facts_review':
        Object.assign(findFact(args.id), { status: args.status });
        return findFact(args.id);
      case 'facts_edit': {
        const f = findFact(args.id);
        for (const [k, v] of Object.entries(args.edit)) if (v !== null) f[k] = v;
        f.status = 'edited';
        return f;
      }
      case 'facts_create': {
        const a = library.find((x) => x.id === args.articleId)!;
        const text = [...a.text].slice(args.start, args.end).join('');
        const fact = { ...factsFor(a.id)[0], id: 9000 + args.start, start: args.start, end: args.end, value_text: text, quote: text, status: 'edited' };
        factsFor(a.id).push(fact);
        return fact;
      }
      case 'annotations_list':
        return notes.filter((n) => n.article_id === args.articleId).sort((a, b) => a.selector.position.start - b.selector.position.start);
      case 'annotations_create': {
        const a = library.find((x) => x.id === args.note.article_id)!;
        const chars = [...a.text];
        const { start, end } = args.note;
        const note = {
          id: nextNote++, article_id: a.id, colour: args.note.colour ?? 'yellow', comment: args.note.comment, tags: args.note.tags,
          selector: {
            quote: { exact: chars.slice(start, end).join(''), prefix: chars.slice(Math.max(0, start - 32), start).join(''), suffix: chars.slice(end, end + 32).join('') },
            position: { start, end },
          },
          state: 'anchored', created_at: '2025-03-01T08:00:00Z', updated_at: '2025-03-01T08:00:00Z',
        };
        notes.push(note);
        record(null, note);
        return note;
      }
      case 'annotations_update': {
        const before = notes.find((n) => n.id === args.id);
        const after = { ...before };
        for (const [k, v] of Object.entries(args.note)) if (v !== null) after[k] = v;
        applyNote(after, args.id);
        record(before, after);
        return after;
      }
      case 'annotations_delete': {
        const before = notes.find((n) => n.id === args.id);
        applyNote(null, args.id);
        record(before, null);
        return null;
      }
      case 'annotations_undo': {
        if (undone >= history.length) return null;
        undone++;
        return restore(history[history.length - undone], 'before');
      }
      case 'annotations_redo': {
        if (!undone) return null;
        undone--;
        return restore(history[history.length - undone - 1], 'after');
      }
      case 'tags_list':
        return tags();
      case 'tags_rename':
      case 'tags_delete': {
        const old = tags().find((t) => t.id === args.id)!.name;
        for (const n of notes) n.tags = n.tags.flatMap((t: string) => (t === old ? (cmd === 'tags_rename' ? [args.name] : []) : [t]));
        return null;
      }
      case 'entities_list':
        return entities.map((e) => ({ ...e, fact_count: entityFacts(e.id).length, mention_count: entityFacts(e.id).length }));
      case 'entities_facts':
        return entityFacts(args.id);
      case 'entities_rename': {
        // A name another entity goes by is refused, as the core refuses it.
        const owner = entities.find((e) => e.id !== args.id && [e.name, ...e.aliases].includes(args.name));
        if (owner) {
          const message = `"${args.name}" is already a name of "${owner.name}"; merge the two entities instead`;
          throw { kind: 'invalid_input', message, reason: { code: 'alias_taken', alias: args.name, name: owner.name } };
        }
        entities.find((e) => e.id === args.id)!.name = args.name;
        return null;
      }
      case 'entities_alias':
        entities.find((e) => e.id === args.id)!.aliases.push(args.alias);
        return null;
      case 'entities_add': {
        if (entities.some((e) => e.name === args.name)) {
          const reason = { code: 'entity_name_taken', name: args.name };
          throw { kind: 'invalid_input', message: `an entity named "${args.name}" already exists`, reason };
        }
        const added = { id: Math.max(0, ...entities.map((e) => e.id)) + 1, name: args.name, kind: args.kind, aliases: [] };
        entities.push(added);
        return { ...added, fact_count: 0, mention_count: 0 };
      }
      case 'entities_delete': {
        entities = entities.filter((e) => e.id !== args.id);
        for (const [article, list] of facts) facts.set(article, list.filter((f) => f.entity_id !== args.id || f.status !== 'extracted'));
        return null;
      }
      case 'entities_merge': {
        const from = entities.find((e) => e.id === args.from)!;
        const into = entities.find((e) => e.id === args.into)!;
        into.aliases.push(from.name, ...from.aliases);
        entities = entities.filter((e) => e !== from);
        for (const f of [...facts.values()].flat()) if (f.entity_id === from.id) f.entity_id = into.id;
        return null;
      }
      case 'report_preview':
        return reportPreview(args.request);
      case 'report_export': {
        const preview = reportPreview(args.request);
        if (saveDialog.path === null) return null;
        return { path: `${saveDialog.path}.${args.format}`, bytes: preview.url.length, format: args.format };
      }
      default:
        throw { kind: 'internal', message: `unmocked command ${cmd}` };
    }
  },
  { shouldMockEvents: true },
);

(window as any).__dossierMock = { emit, calls, failures, importRefusal, saveDialog };
