/**
 * Language codes offered when creating a template (Facebook locale codes, as Meta's Messenger template
 * examples use: `en_US`). Any code of that shape is accepted; these get a readable label.
 */
export const TEMPLATE_LANGUAGES: readonly { code: string; label: string }[] = [
  { code: 'en_US', label: 'English (US)' },
  { code: 'en_GB', label: 'English (UK)' },
  { code: 'de_DE', label: 'German' },
  { code: 'fr_FR', label: 'French' },
  { code: 'es_ES', label: 'Spanish (Spain)' },
  { code: 'es_LA', label: 'Spanish (Latin America)' },
  { code: 'it_IT', label: 'Italian' },
  { code: 'pt_BR', label: 'Portuguese (Brazil)' },
  { code: 'pt_PT', label: 'Portuguese (Portugal)' },
  { code: 'nl_NL', label: 'Dutch' },
  { code: 'pl_PL', label: 'Polish' },
  { code: 'sv_SE', label: 'Swedish' },
  { code: 'da_DK', label: 'Danish' },
  { code: 'nb_NO', label: 'Norwegian' },
  { code: 'fi_FI', label: 'Finnish' },
  { code: 'tr_TR', label: 'Turkish' },
  { code: 'ru_RU', label: 'Russian' },
  { code: 'uk_UA', label: 'Ukrainian' },
  { code: 'ar_AR', label: 'Arabic' },
  { code: 'hi_IN', label: 'Hindi' },
  { code: 'id_ID', label: 'Indonesian' },
  { code: 'vi_VN', label: 'Vietnamese' },
  { code: 'th_TH', label: 'Thai' },
  { code: 'ja_JP', label: 'Japanese' },
  { code: 'ko_KR', label: 'Korean' },
  { code: 'zh_CN', label: 'Chinese (Simplified)' },
  { code: 'zh_TW', label: 'Chinese (Traditional)' },
];

export const TEMPLATE_LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

export function templateLanguageLabel(code: string): string {
  return TEMPLATE_LANGUAGES.find((l) => l.code === code)?.label ?? code;
}
