// The library's tags (from notes), shared by the sidebar, the notes panel and the report
// builder; reloaded whenever notes or tags change.
import * as api from './api';
import type { Tag } from './api';
import { operation } from './failure.svelte';

export const tags = $state({ list: [] as Tag[] });

export const loadTags = operation(async () => {
  tags.list = await api.listTags();
});

export const renameTag = operation(async (id: number, name: string) => {
  await api.renameTag(id, name);
  tags.list = await api.listTags();
});

export const deleteTag = operation(async (id: number) => {
  await api.deleteTag(id);
  tags.list = await api.listTags();
});
