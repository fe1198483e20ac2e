// The interface language, told to the shell so that the system's dialogs (GTK's Open and
// Save) start in it too.
import * as api from '../lib/api';
import { operation } from '../lib/failure.svelte';
import type { Locale } from '../lib/i18n.svelte';

export const keepLanguage = operation((locale: Locale) => api.setInterfaceLanguage(locale));
