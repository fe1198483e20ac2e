// How the interface's code is laid out: one module talks to the shell, views keep their
// state in their own rune modules, and components only draw and forward.
import { describe, expect, test } from 'vitest';

// Every source file's text, by its path under src/ (the generated bindings left out).
const sources = Object.entries(
  import.meta.glob<string>(['../../src/**/*.{ts,svelte}', '!../../src/lib/bindings/**'], { query: '?raw', import: 'default', eager: true }),
).map(([path, text]) => ({ path: path.replace('../../src/', ''), text }));

describe('layout of the interface', () => {
  test('only lib/api.ts calls the shell (invoke, listen)', () => {
    const callers = sources.filter((f) => /from '@tauri-apps\/api\/(core|event)'/.test(f.text)).map((f) => f.path);
    expect(callers).toEqual(['lib/api.ts']);
  });

  test('components take their data from the state modules, never from the API itself', () => {
    const components = sources.filter((f) => f.path.endsWith('.svelte') && f.path !== 'App.svelte');
    const calling = components.filter((f) => /import \* as api|import \{[^}]*\} from '[./]+lib\/api'/.test(f.text)).map((f) => f.path);
    expect(calling).toEqual([]);
  });

  test('each view keeps its state in a rune module beside its components', () => {
    for (const view of ['library/library', 'reader/reading', 'entities/entities', 'report/builder', 'importing/importing']) {
      expect(sources.some((f) => f.path === `${view}.svelte.ts`), view).toBe(true);
    }
  });
});
