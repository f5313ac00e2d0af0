import assert from 'node:assert/strict';

import { negotiateLanguage, type Language } from '../../src/phone/locale.js';
import type { PhoneRequest } from '../../src/phone/request.js';

function withAcceptLanguage(value: unknown): PhoneRequest['headers'] {
  return { 'accept-language': value } as PhoneRequest['headers'];
}

describe('negotiateLanguage', () => {
  describe('from the locale= parameter', () => {
    const cases: [unknown, Language][] = [
      ['English_United_States', 'en'],
      ['English_United_Kingdom', 'en'],
      ['German_Germany', 'de'],
      ['German_Switzerland', 'de'],
      ['French_France', 'fr'],
      ['French_Canada', 'fr'],
      ['Spanish_Spain', 'es'],
      ['Spanish_Colombia', 'es'],
      ['germany', 'de'],
      ['GERMANY', 'de'],
      ['france', 'fr'],
      ['spain', 'es'],
      ['united_states', 'en'],
      ['United States', 'en'],
      ['deutsch', 'de'],
      ['francais', 'fr'],
      ['Fran\u00E7ais', 'fr'],
      ['espanol', 'es'],
      ['espa\u00F1ol', 'es'],
      ['espan\u0303ol', 'es'],
      ['de_DE', 'de'],
      ['de-DE', 'de'],
      ['DE_de', 'de'],
      ['de', 'de'],
      ['fr_CA', 'fr'],
      ['es_ES.UTF-8', 'es'],
      [' German_Germany ', 'de'],
      [['French_France', 'English_United_States'], 'fr'],
      [['Italian_Italy', 'de_DE'], 'de'],
    ];
    for (const [locale, expected] of cases) {
      it(`reads ${JSON.stringify(locale)} as ${expected}, over Accept-Language: it`, () => {
        assert.equal(negotiateLanguage({ locale }, withAcceptLanguage('it, es;q=0.5')), expected);
      });
    }
  });

  describe('passes a locale it cannot use on to Accept-Language', () => {
    const cases: [unknown, Language][] = [
      ['Italian_Italy', 'fr'],
      ['switzerland', 'fr'],
      ['', 'fr'],
      [[], 'fr'],
      [{ de: 'de' }, 'fr'],
      [49, 'fr'],
      [`German_${'x'.repeat(100)}`, 'fr'],
      [`German_${'x'.repeat(10_240)}`, 'fr'],
      ['german\u0000', 'fr'],
      [Array<string>(17).fill('Italian_Italy').concat('German_Germany'), 'fr'],
    ];
    for (const [locale, expected] of cases) {
      it(`falls through for ${JSON.stringify(locale).slice(0, 40)}`, () => {
        assert.equal(negotiateLanguage({ locale }, withAcceptLanguage('fr')), expected);
      });
    }

    it('answers en with no locale and no Accept-Language', () => {
      assert.equal(negotiateLanguage({ locale: 'Italian_Italy' }, {}), 'en');
    });

    it('answers en for an empty request', () => {
      assert.equal(negotiateLanguage({}, {}), 'en');
    });
  });

  describe('from Accept-Language', () => {
    const cases: [unknown, Language][] = [
      ['en', 'en'],
      ['en_US', 'en'],
      ['de-DE', 'de'],
      ['DE-de', 'de'],
      [' de-DE ', 'de'],
      ['fr-CA', 'fr'],
      ['es-419', 'es'],
      ['it, de;q=0.5', 'de'],
      ['de;q=0.5, fr;q=0.8', 'fr'],
      ['de, fr', 'de'],
      ['de;q=0.8, fr;q=0.8', 'de'],
      ['de;q=0, fr;q=0.1', 'fr'],
      ['de;q=0', 'en'],
      ['it, pt', 'en'],
      ['*', 'en'],
      ['de;q=0.5, *', 'en'],
      ['*;q=0.1, de', 'de'],
      ['de;q=1.5', 'en'],
      ['de;q=abc, fr;q=0.2', 'fr'],
      ['en-US,en;q=0.9,de;q=0.8', 'en'],
      ['german', 'en'],
      ['1de', 'en'],
      ['de\u0000', 'en'],
      [['de-DE', 'fr;q=0.5'], 'de'],
      [['it', 'es;q=0.5'], 'es'],
      [`${'x'.repeat(10_240)},de`, 'en'],
      [42, 'en'],
      [{ de: 1 }, 'en'],
      [undefined, 'en'],
    ];
    for (const [header, expected] of cases) {
      it(`reads ${JSON.stringify(header)?.slice(0, 40) ?? 'no header'} as ${expected}`, () => {
        assert.equal(negotiateLanguage({}, withAcceptLanguage(header)), expected);
      });
    }
  });
});
