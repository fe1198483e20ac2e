import { describe, expect, test } from 'vitest';
import { allSections, contextScope, scopeOf, toRequest, type ReportOptions, type ScopeChoices } from '../../src/report/scope';

const choices: ScopeChoices = { article: 7, collection: 'Samples · 示例', tag: '', search: '  DeepSeek ', facts: [] };
const options: ReportOptions = { statuses: 'reviewed', sections: allSections(), title: '', author: ' ', date: '', language: 'auto' };

describe('report request', () => {
  test('a scope names what the user chose for its kind, or nothing yet', () => {
    expect(scopeOf('article', choices)).toEqual({ kind: 'article', value: 7 });
    expect(scopeOf('collection', choices)).toEqual({ kind: 'collection', value: 'Samples · 示例' });
    expect(scopeOf('search', choices)).toEqual({ kind: 'search', value: 'DeepSeek' });
    expect(scopeOf('tag', choices)).toBeNull();
    expect(scopeOf('facts', choices)).toBeNull();
    expect(scopeOf('facts', { ...choices, facts: [11, 12] })).toEqual({ kind: 'facts', value: [11, 12] });
    expect(scopeOf('article', { ...choices, article: null })).toBeNull();
  });

  test('blank fields are left to the core: title from the scope, today, the sources’ language', () => {
    const request = toRequest({ kind: 'article', value: 7 }, options);
    expect(request).toEqual({
      scope: { kind: 'article', value: 7 },
      statuses: 'reviewed',
      sections: { facts: true, timeline: true, charts: true, quotes: true, sources: true },
      title: null,
      author: null,
      date: null,
      language: null,
    });
    const filled = toRequest(
      { kind: 'tag', value: '融资' },
      { ...options, statuses: 'not_rejected', title: ' AI 融资 ', date: '2025-03-14', language: 'zh', sections: { ...allSections(), charts: false } },
    );
    expect([filled.title, filled.date, filled.language, filled.statuses, filled.sections.charts]).toEqual(['AI 融资', '2025-03-14', 'zh', 'not_rejected', false]);
  });

  test('a report starts from what the user is looking at, most specific first', () => {
    const none = { article: null, query: '', tag: null, collection: null };
    expect(contextScope({ ...none, article: 3, query: 'chips', tag: '芯片' })).toEqual({ kind: 'article', choices: { article: 3 } });
    expect(contextScope({ ...none, query: ' chips ', tag: '芯片' })).toEqual({ kind: 'search', choices: { search: 'chips' } });
    expect(contextScope({ ...none, tag: '芯片', collection: 'Samples' })).toEqual({ kind: 'tag', choices: { tag: '芯片' } });
    expect(contextScope({ ...none, collection: 'Samples' })).toEqual({ kind: 'collection', choices: { collection: 'Samples' } });
    expect(contextScope(none)).toEqual({ kind: 'collection', choices: {} });
  });
});
