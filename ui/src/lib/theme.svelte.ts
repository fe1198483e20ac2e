// Light or dark: follows the OS (prefers-color-scheme) unless the user picks one.
export type Theme = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'dossier.theme';

function initial(): Theme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export const theme = $state({ choice: initial() });

export function applyTheme(choice: Theme) {
  theme.choice = choice;
  localStorage.setItem(STORAGE_KEY, choice);
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}
