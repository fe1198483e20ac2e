// The library view's state: the article list (filtered, sorted, fetched a page at a time),
// the search and its order, the sidebar's collections and outlets, and the selected row.
import * as api from '../lib/api';
import type { ArticleFilter, ArticleSummary, Collection, LibraryInfo, Outlet, SearchHit, SortOrder } from '../lib/api';
import { operation } from '../lib/failure.svelte';
import { PagedRows } from './pages';

/** Search results come in the core's order of relevance, or in one of the list's orders. */
export type SearchOrder = 'relevance' | SortOrder;

/** Most search results asked for (the core's limit). */
export const SEARCH_LIMIT = 1000;

/** `hits` (in order of relevance) in `order`, each order as the list sorts (see the core's SortOrder). */
export function orderHits(hits: SearchHit[], order: SearchOrder): SearchHit[] {
  if (order === 'relevance') return hits;
  // Unknown dates and outlets last, as in the list; ties keep relevance order (sort is stable).
  const key = (h: SearchHit) => ({ published: h.article.published, imported: h.article.imported_at, title: h.article.title, outlet: h.article.outlet })[order];
  const newestFirst = order === 'published' || order === 'imported';
  return [...hits].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return newestFirst ? y.localeCompare(x) : x.localeCompare(y);
  });
}

export class Library {
  info = $state<LibraryInfo | null>(null);
  loaded = $state(false);
  collections = $state<Collection[]>([]);
  outlets = $state<Outlet[]>([]);
  filter = $state<ArticleFilter>(api.emptyFilter());
  sort = $state<SortOrder>('published');
  searchOrder = $state<SearchOrder>('relevance');
  query = $state('');
  /** Search results in order of relevance; null when not searching. */
  found = $state.raw<SearchHit[] | null>(null);
  total = $state(0);
  rows = $state.raw(this.newRows());
  /** Bumped whenever a page of rows arrives, so the visible rows re-render. */
  version = $state(0);
  /** The row (of the list or of the search results) the keyboard is on; -1 before any. */
  selected = $state(-1);

  searching = $derived(this.found !== null);
  hits = $derived(this.found && orderHits(this.found, this.searchOrder));
  empty = $derived(this.loaded && this.info?.article_count === 0);
  filtered = $derived(
    this.filter.collection !== null ||
      this.filter.outlet !== null ||
      this.filter.tag !== null ||
      !!this.filter.published_from ||
      !!this.filter.published_to,
  );

  private newRows() {
    const filter = $state.snapshot(this.filter);
    const sort = this.sort;
    // A page that fails to load stays a placeholder; the failure is shown like any other.
    const page = operation((offset: number, limit: number) => api.listArticles(filter, sort, offset, limit));
    return new PagedRows<ArticleSummary>(
      async (offset, limit) => (await page(offset, limit)) ?? [],
      () => this.version++,
    );
  }

  /** The id of the article at row `index` of whatever is shown (list or search results). */
  idAt(index: number): number | undefined {
    return this.hits ? this.hits[index]?.article.id : this.rows.get(index)?.id;
  }

  /** Rows shown: the list's or the search's. */
  get count(): number {
    return this.hits ? this.hits.length : this.total;
  }

  /** The library's summary, collections and outlets. */
  load = operation(async () => {
    [this.info, this.collections, this.outlets] = await Promise.all([api.libraryInfo(), api.listCollections(), api.listOutlets()]);
    this.loaded = true;
  });

  /** The list (and the search, if one is shown) anew, as after filters change or an import. */
  refresh = operation(async () => {
    const filter = $state.snapshot(this.filter);
    const text = this.query.trim();
    const [total, found] = await Promise.all([
      api.countArticles(filter),
      text ? api.searchArticles(text, filter, SEARCH_LIMIT) : Promise.resolve(null),
    ]);
    this.total = total;
    this.rows = this.newRows();
    if (this.query.trim() === text) this.found = found;
    this.selected = Math.min(this.selected, this.count - 1);
  });

  setFilter(change: Partial<ArticleFilter>) {
    this.filter = { ...this.filter, ...change };
    void this.refresh();
  }

  clearFilters() {
    this.filter = api.emptyFilter();
    void this.refresh();
  }

  /** Sets the order of whatever is shown: the list's, or the search results'. */
  setOrder(order: SearchOrder) {
    if (this.searching) this.searchOrder = order;
    else if (order !== 'relevance') {
      this.sort = order;
      void this.refresh();
    }
  }

  search = operation(async () => {
    const text = this.query.trim();
    if (!text) {
      this.found = null;
      return;
    }
    const found = await api.searchArticles(text, $state.snapshot(this.filter), SEARCH_LIMIT);
    // A later keystroke has asked again meanwhile: its answer is the one to show.
    if (this.query.trim() !== text) return;
    if (this.found === null) this.searchOrder = 'relevance';
    this.found = found;
    this.selected = -1;
  });

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The search field now says `query`: search once the user pauses typing; an emptied field is the list again at once. */
  typed(query: string) {
    this.query = query;
    clearTimeout(this.timer);
    if (this.query.trim()) this.timer = setTimeout(() => void this.search(), 180);
    else this.found = null;
  }

  endSearch() {
    clearTimeout(this.timer);
    this.query = '';
    this.found = null;
  }

  createCollection = operation(async (name: string) => {
    await api.createCollection(name);
    this.collections = await api.listCollections();
  });

  addToCollection = operation(async (collectionId: number, articleId: number) => {
    await api.addToCollection(collectionId, articleId);
    this.collections = await api.listCollections();
  });
}
