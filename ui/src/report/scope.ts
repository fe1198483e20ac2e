// The report builder's form as the core's ScopeRequest: the scope the user picked, and
// blank fields left to the core's defaults (title from the scope, today, the sources' language).
import type { Format, Language, Scope, ScopeRequest, Sections, Statuses } from '../lib/api';

export const FORMATS: Format[] = ['md', 'html', 'docx', 'xlsx', 'csv', 'json', 'pdf'];

export type ScopeKind = Scope['kind'];
export const SCOPE_KINDS: ScopeKind[] = ['article', 'collection', 'tag', 'search', 'facts'];

/** What the user chose for every kind of scope, kept apart so switching kinds loses nothing. */
export type ScopeChoices = { article: number | null; collection: string; tag: string; search: string; facts: number[] };

export type ReportOptions = {
  statuses: Statuses;
  sections: Sections;
  title: string;
  author: string;
  date: string;
  language: Language | 'auto';
};

export const allSections = (): Sections => ({ facts: true, timeline: true, charts: true, quotes: true, sources: true });

/** The scope of `kind` with what the user chose for it; null while it names nothing to report on. */
export function scopeOf(kind: ScopeKind, choices: ScopeChoices): Scope | null {
  switch (kind) {
    case 'article':
      return choices.article === null ? null : { kind, value: choices.article };
    case 'facts':
      return choices.facts.length ? { kind, value: choices.facts } : null;
    default: {
      const value = choices[kind].trim();
      return value ? { kind, value } : null;
    }
  }
}

export function toRequest(scope: Scope, options: ReportOptions): ScopeRequest {
  const blank = (s: string) => s.trim() || null;
  return {
    scope,
    statuses: options.statuses,
    sections: { ...options.sections },
    title: blank(options.title),
    author: blank(options.author),
    date: blank(options.date),
    language: options.language === 'auto' ? null : options.language,
  };
}

/**
 * The scope a report opened from the header starts with: what the user is looking at,
 * most specific first (the open article, the search, the tag, then the collection filter).
 */
export function contextScope(context: {
  article: number | null;
  query: string;
  tag: string | null;
  collection: string | null;
}): { kind: ScopeKind; choices: Partial<ScopeChoices> } {
  if (context.article !== null) return { kind: 'article', choices: { article: context.article } };
  if (context.query.trim()) return { kind: 'search', choices: { search: context.query.trim() } };
  if (context.tag !== null) return { kind: 'tag', choices: { tag: context.tag } };
  if (context.collection !== null) return { kind: 'collection', choices: { collection: context.collection } };
  return { kind: 'collection', choices: {} };
}
