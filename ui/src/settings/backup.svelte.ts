// A backup of the library made from the settings, with its outcome shown there.
import * as api from '../lib/api';
import type { CoreError } from '../lib/api';
import { operation } from '../lib/failure.svelte';

export class Backup {
  busy = $state(false);
  /** Where the last copy went. */
  path = $state<string | null>(null);
  error = $state<CoreError | null>(null);

  /** Copies the library into its backups folder. */
  run = operation(
    async () => {
      this.busy = true;
      [this.path, this.error] = [null, null];
      try {
        this.path = await api.backupLibrary();
      } finally {
        this.busy = false;
      }
    },
    (e) => (this.error = e),
  );
}
