/**
 * Phones the previewer can imitate, with the headers each sends when it opens a
 * service: model name and display area as in the phone XML reference (§8) and
 * test/fixtures/phones, and the Accept-Charset and Accept-Language of its firmware.
 */
export interface PreviewModel {
  readonly name: string;
  readonly display: { readonly width: number; readonly height: number; readonly color: boolean };
  /** Soft keys the phone shows at once, below the display. */
  readonly keySlots: number;
  readonly headers: Readonly<Record<string, string>>;
}

const CLASSIC_ACCEPT = 'x-CiscoIPPhone/*, text/*,image/png,*/*';
const MODERN_ACCEPT = 'x-CiscoIPPhone/*;version=3.3.4, text/*, image/png, */*';

function model(
  name: string,
  displayHeader: string,
  headers: { charset: string; language: string; sdk: string; accept: string },
  keySlots = 4,
): PreviewModel {
  const [width = 0, height = 0, , flag = 'G'] = displayHeader.split(',').map((part) => part.trim());
  return {
    name,
    display: { width: Number(width), height: Number(height), color: flag === 'C' },
    keySlots,
    headers: {
      'User-Agent': 'Allegro-Software-WebClient/4.34',
      Accept: headers.accept,
      'Accept-Language': headers.language,
      'Accept-Charset': headers.charset,
      'x-CiscoIPPhoneModelName': name,
      'x-CiscoIPPhoneSDKVersion': headers.sdk,
      'x-CiscoIPPhoneDisplay': displayHeader,
    },
  };
}

const OLD_FIRMWARE = { charset: 'iso-8859-1,utf-8;q=0.8', language: 'en_US' };
const NEW_FIRMWARE = { charset: 'utf-8,iso-8859-1;q=0.8', accept: MODERN_ACCEPT };

export const PREVIEW_MODELS: readonly PreviewModel[] = [
  model('CP-7942G', '298,144,3,G', { ...OLD_FIRMWARE, sdk: '6.0.2', accept: CLASSIC_ACCEPT }),
  model('CP-7965G', '298, 156, 16, C', { ...OLD_FIRMWARE, sdk: '9.4.2', accept: MODERN_ACCEPT }),
  model('CP-7921G', '176, 140, 16, C', {
    charset: 'iso-8859-1',
    language: 'en',
    sdk: '4.1.3',
    accept: CLASSIC_ACCEPT,
  }),
  model('CP-8845', '559, 265, 24, C', { ...NEW_FIRMWARE, language: 'de-DE', sdk: '12.8.1' }),
  model('CP-8865', '559, 265, 24, C', { ...NEW_FIRMWARE, language: 'en-US', sdk: '12.8.1' }),
  model('CP-9861', '600, 280, 24, C', { ...NEW_FIRMWARE, language: 'en-US', sdk: '14.2.1' }),
];

export const DEFAULT_MODEL = 'CP-8865';

export function findModel(name: unknown): PreviewModel | undefined {
  return PREVIEW_MODELS.find((candidate) => candidate.name === name);
}

/** The CSS class that gives a model's display its size; the stylesheet defines one per model. */
export function displayClass(model: PreviewModel): string {
  return `display-${model.name.toLowerCase()}`;
}

/** Sizes as stylesheet rules: the Content-Security-Policy forbids inline styles. */
export function displayCss(): string {
  return PREVIEW_MODELS.map((model) => {
    const { width, height } = model.display;
    const name = displayClass(model);
    return `.${name} { width: ${width}px; height: ${height}px; }\n.${name}-keys { width: ${width}px; }`;
  }).join('\n');
}
