import type { Language } from '../../src/phone/index.js';
import type { Catalog } from './catalog.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

const catalogs: Readonly<Record<Language, Catalog>> = { en, de, fr, es };

export function catalogFor(language: Language): Catalog {
  return catalogs[language];
}

export type { Catalog };
