// Rows of a long list fetched a page at a time, only where the user is looking.
export const PAGE_SIZE = 200;

export type FetchPage<T> = (offset: number, limit: number) => Promise<T[]>;

export class PagedRows<T> {
  private pages = new Map<number, T[]>();
  private pending = new Map<number, Promise<void>>();

  constructor(
    private fetchPage: FetchPage<T>,
    private onLoaded: () => void,
    private pageSize = PAGE_SIZE,
  ) {}

  /** The row at `index` if its page is loaded. */
  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Loads the pages covering rows [first, last] that are neither loaded nor loading. */
  ensure(first: number, last: number): Promise<void> {
    const loads: Promise<void>[] = [];
    for (let page = Math.floor(Math.max(first, 0) / this.pageSize); page <= Math.floor(last / this.pageSize); page++) {
      if (this.pages.has(page)) continue;
      let load = this.pending.get(page);
      if (!load) {
        load = this.fetchPage(page * this.pageSize, this.pageSize)
          .then((rows) => {
            this.pages.set(page, rows);
            this.onLoaded();
          })
          .finally(() => this.pending.delete(page));
        this.pending.set(page, load);
      }
      loads.push(load);
    }
    return Promise.all(loads).then(() => undefined);
  }

  /** How many pages are held in memory (for tests and to bound memory use). */
  get loadedPages(): number {
    return this.pages.size;
  }
}

/** The rows a viewport shows: [first, last] with `overscan` extra rows each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 10,
): [number, number] {
  if (total === 0) return [0, -1];
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return [first, last];
}
