// The only module that talks to the Rust shell: typed wrappers over invoke() and listen().
// Types come from ./bindings, generated from the Rust types (never written by hand).
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { Annotation } from './bindings/Annotation';
import type { AnnotationEdit } from './bindings/AnnotationEdit';
import type { NewAnnotation } from './bindings/NewAnnotation';
import type { Article } from './bindings/Article';
import type { ArticleFilter } from './bindings/ArticleFilter';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { Collection } from './bindings/Collection';
import type { Error as CoreError } from './bindings/Error';
import type { Change } from './bindings/Change';
import type { EntityKind } from './bindings/EntityKind';
import type { EntityRow } from './bindings/EntityRow';
import type { Exported } from './bindings/Exported';
import type { FactEdit } from './bindings/FactEdit';
import type { FactRow } from './bindings/FactRow';
import type { FactStatus } from './bindings/FactStatus';
import type { Metric } from './bindings/Metric';
import type { MetricName } from './bindings/MetricName';
import type { Format } from './bindings/Format';
import type { ImportReport } from './bindings/ImportReport';
import type { LibraryInfo } from './bindings/LibraryInfo';
import type { OpenArticle } from './bindings/OpenArticle';
import type { Outlet } from './bindings/Outlet';
import type { Progress } from './bindings/Progress';
import type { Qualifier } from './bindings/Qualifier';
import type { QuantityKind } from './bindings/QuantityKind';
import type { ReportPreview } from './bindings/ReportPreview';
import type { Scope } from './bindings/Scope';
import type { ScopeRequest } from './bindings/ScopeRequest';
import type { SearchHit } from './bindings/SearchHit';
import type { SortOrder } from './bindings/SortOrder';
import type { Tag } from './bindings/Tag';
import type { Language } from './bindings/Language';

export type {
  Annotation,
  AnnotationEdit,
  NewAnnotation,
  Article,
  ArticleFilter,
  ArticleSummary,
  Collection,
  Change,
  CoreError,
  EntityKind,
  EntityRow,
  Exported,
  FactEdit,
  FactRow,
  FactStatus,
  Metric,
  MetricName,
  Format,
  ImportReport,
  LibraryInfo,
  OpenArticle,
  Outlet,
  Progress,
  Qualifier,
  QuantityKind,
  ReportPreview,
  Scope,
  ScopeRequest,
  SearchHit,
  SortOrder,
  Tag,
  Language,
};
export type { SnippetPart } from './bindings/SnippetPart';
export type { FileOutcome } from './bindings/FileOutcome';
export type { OutcomeStatus } from './bindings/OutcomeStatus';
export type { Sections } from './bindings/Sections';
export type { Statuses } from './bindings/Statuses';

export const emptyFilter = (): ArticleFilter => ({
  outlet: null,
  published_from: null,
  published_to: null,
  collection: null,
  tag: null,
});

/** Whatever a command rejected with, as the core's `{kind, message, reason}`. */
export function asCoreError(e: unknown): CoreError {
  if (e && typeof e === 'object' && 'kind' in e && 'message' in e) return e as CoreError;
  return { kind: 'internal', message: String(e), reason: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asCoreError(e);
  }
}

export const libraryInfo = () => call<LibraryInfo>('library_info');
export const loadSamples = () => call<ImportReport>('library_load_samples');
/** Copies the library into its backups folder; resolves to the copy's path. */
export const backupLibrary = () => call<string>('library_backup');

export const listArticles = (filter: ArticleFilter, sort: SortOrder, offset: number, limit: number) =>
  call<ArticleSummary[]>('articles_list', { filter, sort, offset, limit });
export const countArticles = (filter: ArticleFilter) => call<number>('articles_count', { filter });
export const getArticle = (id: number) => call<Article>('articles_get', { id });
export const listOutlets = () => call<Outlet[]>('outlets_list');

export const searchArticles = (text: string, filter: ArticleFilter, limit = 200) =>
  call<SearchHit[]>('search_query', { query: { text, filter, limit } });

export const listCollections = () => call<Collection[]>('collections_list');
export const createCollection = (name: string) => call<number>('collections_create', { name });
export const addToCollection = (collectionId: number, articleId: number) =>
  call<void>('collections_add_article', { collectionId, articleId });

/**
 * Opens the system chooser, titled `title` and its file types named `kinds` (in the
 * interface language); resolves to whether the user picked anything to import.
 */
export const chooseImport = (folders: boolean, title: string, kinds: string) => call<boolean>('import_choose', { folders, title, kinds });

export const onImportProgress = (handler: (p: Progress) => void): Promise<UnlistenFn> =>
  listen<Progress>('import:progress', (e) => handler(e.payload));
export const onImportFinished = (handler: (r: ImportReport) => void): Promise<UnlistenFn> =>
  listen<ImportReport>('import:finished', (e) => handler(e.payload));

/** A newer extractor re-read this many articles (after an upgrade): their facts changed. */
export const onExtractionUpdated = (handler: (count: number) => void): Promise<UnlistenFn> =>
  listen<number>('extraction:updated', (e) => handler(e.payload));

/** An article the system asked to show (a file opened with Dossier) before the window listened. */
export const takeOpenedArticle = () => call<OpenArticle | null>('articles_take_opened');
export const onOpenArticle = (handler: (a: OpenArticle) => void): Promise<UnlistenFn> =>
  listen<OpenArticle>('article:open', (e) => handler(e.payload));

export const listFacts = (articleId: number) => call<FactRow[]>('facts_list', { articleId });
export const listMetrics = () => call<MetricName[]>('facts_metrics');
export const reviewFact = (id: number, status: Extract<FactStatus, 'confirmed' | 'rejected'>) => call<FactRow>('facts_review', { id, status });
export const editFact = (id: number, edit: FactEdit) => call<FactRow>('facts_edit', { id, edit });
/** A new fact over the selected text, pre-filled by the extractor (status: edited). */
export const createFact = (articleId: number, start: number, end: number) =>
  call<FactRow>('facts_create', { articleId, start, end });

export const listAnnotations = (articleId: number) => call<Annotation[]>('annotations_list', { articleId });
export const createAnnotation = (note: NewAnnotation) => call<Annotation>('annotations_create', { note });
export const updateAnnotation = (id: number, note: AnnotationEdit) => call<Annotation>('annotations_update', { id, note });
export const deleteAnnotation = (id: number) => call<void>('annotations_delete', { id });
/** Undoes the last annotation change; resolves to what it did, or null if there was nothing to undo. */
export const undoAnnotation = () => call<Change | null>('annotations_undo');
export const redoAnnotation = () => call<Change | null>('annotations_redo');

export const listTags = () => call<Tag[]>('tags_list');
export const renameTag = (id: number, name: string) => call<void>('tags_rename', { id, name });
export const deleteTag = (id: number) => call<void>('tags_delete', { id });

export const listEntities = () => call<EntityRow[]>('entities_list');
export const entityFacts = (id: number) => call<FactRow[]>('entities_facts', { id });
export const addEntity = (name: string, kind: EntityKind) => call<EntityRow>('entities_add', { name, kind });
export const renameEntity = (id: number, name: string) => call<void>('entities_rename', { id, name });
export const addAlias = (id: number, alias: string) => call<void>('entities_alias', { id, alias });
/** Rejects an entity as junk: it goes with its unreviewed facts, and no later extraction brings its names back. */
export const deleteEntity = (id: number) => call<void>('entities_delete', { id });
export const mergeEntities = (from: number, into: number) => call<void>('entities_merge', { from, into });

/** The report `request` describes, rendered to HTML at the returned `url` (a new one each time). */
export const previewReport = (request: ScopeRequest) => call<ReportPreview>('report_preview', { request });
/** Asks where to save (the system's Save dialog, titled `title`), then writes the report; null if the user cancelled. */
export const exportReport = (request: ScopeRequest, format: Format, title: string) =>
  call<Exported | null>('report_export', { request, format, title });

/** The interface speaks `language`: the shell starts the system's dialogs in it from the next start. */
export const setInterfaceLanguage = (language: Language) => call<void>('settings_language', { language });

export type DragState = 'over' | 'idle';

/** Files dragged over the window (the shell imports them on drop). */
export async function onFileDrag(handler: (state: DragState) => void): Promise<UnlistenFn> {
  const stops = await Promise.all([
    listen('tauri://drag-enter', () => handler('over')),
    listen('tauri://drag-over', () => handler('over')),
    listen('tauri://drag-leave', () => handler('idle')),
    listen('tauri://drag-drop', () => handler('idle')),
  ]);
  return () => stops.forEach((stop) => stop());
}
