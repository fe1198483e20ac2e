// Imports: files dragged over the window, the progress of an import and its results.
// Imports are started by the shell (a drop, the system's chooser); their progress and
// results arrive as events.
import * as api from '../lib/api';
import type { ImportReport, Progress } from '../lib/api';
import { operation } from '../lib/failure.svelte';
import { t } from '../lib/i18n.svelte';

export class Imports {
  dragging = $state(false);
  progress = $state<Progress | null>(null);
  /** The results shown (of the import just finished, or of the last one on request). */
  report = $state<ImportReport | null>(null);
  last = $state<ImportReport | null>(null);
  loadingSamples = $state(false);

  /** Opens the system's chooser (of files, or of folders); the shell imports what is picked. */
  choose = operation((folders: boolean) =>
    api.chooseImport(folders, t(folders ? 'import.chooseFolders' : 'import.chooseFiles'), t('import.kinds')),
  );

  loadSamples = operation(async () => {
    this.loadingSamples = true;
    try {
      this.finished(await api.loadSamples());
    } finally {
      this.loadingSamples = false;
    }
  });

  progressed(progress: Progress) {
    this.progress = progress;
    this.report = null;
  }

  finished(report: ImportReport) {
    this.progress = null;
    this.report = this.last = report;
  }

  showLast() {
    this.report = this.last;
  }

  dismiss() {
    this.report = null;
  }
}
