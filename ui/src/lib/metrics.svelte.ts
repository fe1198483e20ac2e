// Readers' names of the fact metrics, loaded once from the shell (the same names the
// reports print), in the interface language; a metric not in the list shows as stored.
import { listMetrics, type MetricName } from './api';
import { i18n } from './i18n.svelte';

export const metrics = $state({ list: [] as MetricName[] });

let loading: Promise<void> | null = null;

/** Loads the list once; later calls share the first. */
export function loadMetrics(): Promise<void> {
  loading ??= listMetrics().then(
    (list) => void (metrics.list = list),
    () => void (loading = null),
  );
  return loading;
}

export function metricName(id: string): string {
  const named = metrics.list.find((m) => m.id === id);
  return named ? named[i18n.locale] : id;
}
