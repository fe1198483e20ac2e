// The entities view's state: every company, organisation and person, the one picked, and
// its facts across articles.
import * as api from '../lib/api';
import type { EntityKind, EntityRow, FactRow } from '../lib/api';
import { operation } from '../lib/failure.svelte';

export class Entities {
  list = $state<EntityRow[]>([]);
  selected = $state<number | null>(null);
  /** The selected entity's facts, newest first. */
  facts = $state<FactRow[]>([]);

  current = $derived(this.list.find((e) => e.id === this.selected) ?? null);

  /** The list and the selected entity's facts as the library now has them. */
  private async reload() {
    this.list = await api.listEntities();
    if (this.selected !== null && !this.list.some((e) => e.id === this.selected)) this.selected = null;
    const id = this.selected;
    const facts = id === null ? [] : await api.entityFacts(id);
    if (this.selected === id) this.facts = facts;
  }

  load = operation(() => this.reload());

  select = operation(async (id: number) => {
    this.selected = id;
    const facts = await api.entityFacts(id);
    if (this.selected === id) this.facts = facts;
  });

  rename = operation(async (id: number, name: string) => {
    await api.renameEntity(id, name);
    await this.reload();
  });

  addAlias = operation(async (id: number, alias: string) => {
    await api.addAlias(id, alias);
    await this.reload();
  });

  /** Merges `from` into `into` (its names, mentions and facts follow) and shows `into`. */
  merge = operation(async (from: number, into: number) => {
    await api.mergeEntities(from, into);
    this.selected = into;
    await this.reload();
  });

  /** Rejects an entity as junk and goes back to the list, which no longer has it. */
  delete = operation(async (id: number) => {
    await api.deleteEntity(id);
    this.selected = null;
    await this.reload();
  });

  /** Adds an entity the extractor does not know, and shows it. */
  add = operation(async (name: string, kind: EntityKind) => {
    const added = await api.addEntity(name, kind);
    this.selected = added.id;
    await this.reload();
  });
}
