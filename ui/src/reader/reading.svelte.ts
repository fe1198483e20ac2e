// The reader's state: the open article, its facts (under review) and notes, the text
// selected in it, the facts ticked for a report, and undo/redo of note changes.
import * as api from '../lib/api';
import type { Annotation, AnnotationEdit, Article, FactEdit, FactRow } from '../lib/api';
import { slicePoints } from '../lib/codepoints';
import { operation } from '../lib/failure.svelte';
import { tags } from '../lib/tags.svelte';
import type { ReaderMark } from './layout';

export type Side = 'facts' | 'notes';
export type NewNote = { colour: string; tags: string[]; comment: string };

export class Reading {
  article = $state<Article | null>(null);
  facts = $state<FactRow[]>([]);
  /** The fact under review (index into `facts`). */
  factIndex = $state(0);
  notes = $state<Annotation[]>([]);
  side = $state<Side>('facts');
  /** The selected text as code points of the article. */
  selection = $state<{ start: number; end: number } | null>(null);
  /** Facts ticked in the facts panel for a report. */
  chosenFacts = $state<number[]>([]);
  /** Shows code points [start, end) of the text; set by whoever draws the text. */
  reveal: (start: number, end?: number) => void = () => {};

  marks: ReaderMark[] = $derived([
    ...this.facts
      .filter((f) => f.status !== 'rejected')
      .map((f) => ({ id: `f${f.id}`, start: f.start, end: f.end, kind: 'fact' as const, colour: null })),
    ...this.notes
      .filter((n) => n.state !== 'orphaned')
      .map((n) => ({ id: `n${n.id}`, start: n.selector.position.start, end: n.selector.position.end, kind: 'note' as const, colour: n.colour })),
  ]);
  selectedText = $derived(
    this.article && this.selection ? { ...this.selection, text: slicePoints(this.article.text, this.selection.start, this.selection.end) } : null,
  );

  private async fetch(id: number) {
    const [article, facts, notes] = await Promise.all([api.getArticle(id), api.listFacts(id), api.listAnnotations(id)]);
    if (article.id !== this.article?.id) this.chosenFacts = [];
    this.article = article;
    this.facts = facts;
    this.notes = notes;
    this.factIndex = 0;
    this.selection = null;
  }

  /** Shows an article with its facts and notes. */
  show = operation((id: number) => this.fetch(id));

  close() {
    this.article = null;
    this.facts = [];
    this.notes = [];
    this.selection = null;
  }

  /** The facts anew (a newer extractor re-read the library). */
  refreshFacts = operation(async () => {
    const shown = this.article?.id;
    if (shown === undefined) return;
    const facts = await api.listFacts(shown);
    if (this.article?.id === shown) this.facts = facts;
  });

  private replaceFact(fact: FactRow) {
    this.facts = this.facts.map((f) => (f.id === fact.id ? fact : f));
  }

  revealFact(fact: FactRow | undefined) {
    if (fact) this.reveal(fact.start);
  }

  review = operation(async (id: number, status: 'confirmed' | 'rejected') => {
    // Move on to the next fact at once, as a reviewer works down the list: the next key
    // pressed is meant for the next fact, even before this review is stored.
    if (this.factIndex < this.facts.length - 1) {
      this.factIndex++;
      this.revealFact(this.facts[this.factIndex]);
    }
    this.replaceFact(await api.reviewFact(id, status));
  });

  editFact = operation(async (id: number, edit: FactEdit) => {
    this.replaceFact(await api.editFact(id, edit));
  });

  /** A fact over the selected text, filled in by the extractor, made the one under review. */
  createFact = operation(async () => {
    if (!this.article || !this.selection) return;
    const fact = await api.createFact(this.article.id, this.selection.start, this.selection.end);
    this.facts = [...this.facts, fact].sort((a, b) => a.start - b.start);
    this.factIndex = this.facts.findIndex((f) => f.id === fact.id);
    this.side = 'facts';
    this.selection = null;
  });

  private async reloadNotes() {
    if (!this.article) return;
    [this.notes, tags.list] = await Promise.all([api.listAnnotations(this.article.id), api.listTags()]);
  }

  createNote = operation(async (note: NewNote) => {
    if (!this.article || !this.selection) return;
    await api.createAnnotation({ article_id: this.article.id, ...this.selection, ...note });
    this.selection = null;
    await this.reloadNotes();
  });

  updateNote = operation(async (id: number, note: AnnotationEdit) => {
    await api.updateAnnotation(id, note);
    await this.reloadNotes();
  });

  deleteNote = operation(async (id: number) => {
    await api.deleteAnnotation(id);
    await this.reloadNotes();
  });

  /** Undoes (or redoes) the last change to a note; one of another article shows that article. */
  undo = operation(async (redo: boolean) => {
    const change = await (redo ? api.redoAnnotation() : api.undoAnnotation());
    if (change && this.article && change.article_id !== this.article.id) await this.fetch(change.article_id);
    else await this.reloadNotes();
  });

  /** A fact's or a note's mark was clicked in the text: show it in its panel. */
  markClicked(id: string) {
    const n = Number(id.slice(1));
    if (id.startsWith('f')) {
      this.side = 'facts';
      this.factIndex = Math.max(0, this.facts.findIndex((f) => f.id === n));
    } else this.side = 'notes';
  }

  select(range: { start: number; end: number } | null) {
    this.selection = range;
    if (range) this.side = 'notes';
  }
}
