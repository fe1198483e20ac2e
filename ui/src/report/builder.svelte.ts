// The report builder's state: the scope and options chosen, the preview of the report they
// make, and the export. Failures of the preview and of the export are shown in the builder
// itself, next to what they concern, rather than in the app's banner.
import * as api from '../lib/api';
import { operation } from '../lib/failure.svelte';
import { t } from '../lib/i18n.svelte';
import type { Collection, CoreError, Exported, Format, ReportPreview, ScopeRequest, Tag } from '../lib/api';
import { allSections, scopeOf, toRequest, type ReportOptions, type ScopeChoices, type ScopeKind } from './scope';

/** What the builder opens with: a kind of scope and what is chosen for it. */
export type ReportStart = { kind: ScopeKind; choices: Partial<ScopeChoices> };

export class ReportForm {
  kind: ScopeKind = $state('collection');
  choices: ScopeChoices = $state({ article: null, collection: '', tag: '', search: '', facts: [] });
  options: ReportOptions = $state({ statuses: 'reviewed', sections: allSections(), title: '', author: '', date: '', language: 'auto' });

  preview = $state<ReportPreview | null>(null);
  previewError = $state<CoreError | null>(null);
  updating = $state(false);
  exporting = $state<Format | null>(null);
  exported = $state<Exported | null>(null);
  exportError = $state<CoreError | null>(null);

  scope = $derived(scopeOf(this.kind, this.choices));
  request = $derived(this.scope && toRequest(this.scope, this.options));
  /** Which kinds of scope have something to report on. */
  get available(): Record<ScopeKind, boolean> {
    return {
      article: this.choices.article !== null,
      collection: this.collections.length > 0,
      tag: this.tags.length > 0,
      search: true,
      facts: this.choices.facts.length > 0,
    };
  }

  constructor(
    start: ReportStart,
    article: number | null,
    facts: number[],
    private collections: Collection[],
    private tags: Tag[],
  ) {
    this.kind = start.kind;
    this.choices = { article, collection: collections[0]?.name ?? '', tag: tags[0]?.name ?? '', search: '', facts, ...start.choices };
  }

  // Answers to an older form than the last one asked about are dropped.
  private asked = 0;

  /** Renders `request` (a snapshot of the form) to the preview. */
  renderPreview = operation(
    async (request: ScopeRequest | null) => {
      const mine = ++this.asked;
      if (!request) {
        [this.preview, this.previewError, this.updating] = [null, null, false];
        return;
      }
      this.updating = true;
      try {
        const shown = await api.previewReport(request);
        if (mine === this.asked) [this.preview, this.previewError] = [shown, null];
      } catch (e) {
        if (mine !== this.asked) return;
        this.preview = null;
        throw e;
      } finally {
        if (mine === this.asked) this.updating = false;
      }
    },
    (e) => (this.previewError = e),
  );

  /** Asks where to save (the system's Save dialog) and writes the report as `format`. */
  exportAs = operation(
    async (format: Format) => {
      if (!this.request) return;
      this.exporting = format;
      [this.exported, this.exportError] = [null, null];
      try {
        this.exported = await api.exportReport($state.snapshot(this.request), format, t('report.saveTitle'));
      } finally {
        this.exporting = null;
      }
    },
    (e) => (this.exportError = e),
  );

  dismissExport() {
    [this.exported, this.exportError] = [null, null];
  }
}
