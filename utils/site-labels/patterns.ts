import type { LabelLanguage } from './label-schema';

/**
 * The site's interface strings that carry numbers: counts (`1.2万`), comment totals (`共 178 条评论`),
 * reply expanders (`展开 15 条回复`), relative and absolute dates, optionally "edited" and followed by
 * a place (`编辑于 05-10 上海`, `3天前 黑龙江`), the IP location and the RedNote ID of a profile.
 *
 * Numbers stay exactly as the site wrote them: only a unit changes (1.2万 is 12K, never "about 12K"),
 * and a date keeps its digits, reordered the way the reader's language writes dates.
 */

/** The reader-language name of a place the site shows (`黑龙江`, `美国`), or undefined when unknown. */
export type PlaceLookup = (place: string) => string | undefined;

const NBSP = '\u00a0';

// ---------------------------------------------------------------------------------------------------
// Plurals

type PluralForms = { one: string; few?: string; many?: string; other: string };

/**
 * CLDR's cardinal categories, for the languages whose words change with the number. `count` is
 * undefined for a compact count (`1.2万`, `10万+`): always "many" things, which Russian puts in the
 * genitive plural ("12 тыс. комментариев").
 */
function pluralForm(language: LabelLanguage, count: number | undefined, forms: PluralForms): string {
  if (count === undefined) return forms.many ?? forms.other;
  if (language === 'ru') {
    const lastDigit = count % 10;
    const lastTwo = count % 100;
    if (lastDigit === 1 && lastTwo !== 11) return forms.one;
    if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) return forms.few ?? forms.other;
    return forms.many ?? forms.other;
  }
  if (language === 'fr') return count === 0 || count === 1 ? forms.one : forms.other;
  if (language === 'ja' || language === 'ko') return forms.other;
  return count === 1 ? forms.one : forms.other;
}

// ---------------------------------------------------------------------------------------------------
// Counts: 1.2万, 32.7万, 3.4亿, 10万+

const COUNT = String.raw`\d+(?:\.\d+)?[万亿]\+?|\d+\+?`;
const COMPACT_COUNT = /^(\d+)(?:\.(\d+))?([万亿])(\+?)$/;

/** A decimal `digits × 10^exponent`, digits without leading zeros. */
type Decimal = { digits: string; exponent: number };

function decimalString(value: Decimal, separator: string): string {
  const { digits, exponent } = value;
  if (exponent >= 0) return digits + '0'.repeat(exponent);
  const padded = digits.padStart(-exponent + 1, '0');
  const whole = padded.slice(0, exponent);
  const fraction = padded.slice(exponent).replace(/0+$/, '');
  return fraction ? `${whole}${separator}${fraction}` : whole;
}

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+$)/g, separator);
}

type CompactUnits = {
  /** How a number with this many thousands (10^3), millions (10^6) or billions (10^9) is written. */
  thousands: (n: string, full: string) => string;
  millions: (n: string) => string;
  billions: (n: string, asMillions: string) => string;
  decimal: string;
};

const COMPACT_UNITS: Record<Exclude<LabelLanguage, 'ja' | 'ko'>, CompactUnits> = {
  en: { thousands: (n) => `${n}K`, millions: (n) => `${n}M`, billions: (n) => `${n}B`, decimal: '.' },
  // Spanish writes thousands of millions as millions ("1230 M"), as its short compact form does.
  es: {
    thousands: (n) => `${n}${NBSP}mil`,
    millions: (n) => `${n}${NBSP}M`,
    billions: (_n, asMillions) => `${asMillions}${NBSP}M`,
    decimal: ',',
  },
  fr: {
    thousands: (n) => `${n}${NBSP}k`,
    millions: (n) => `${n}${NBSP}M`,
    billions: (n) => `${n}${NBSP}Md`,
    decimal: ',',
  },
  // German has no short word for thousands: the number is written out ("12.000").
  de: {
    thousands: (_n, full) => full,
    millions: (n) => `${n}${NBSP}Mio.`,
    billions: (n) => `${n}${NBSP}Mrd.`,
    decimal: ',',
  },
  ru: {
    thousands: (n) => `${n}${NBSP}тыс.`,
    millions: (n) => `${n}${NBSP}млн`,
    billions: (n) => `${n}${NBSP}млрд`,
    decimal: ',',
  },
  pt: {
    thousands: (n) => `${n}${NBSP}mil`,
    millions: (n) => `${n}${NBSP}mi`,
    billions: (n) => `${n}${NBSP}bi`,
    decimal: ',',
  },
};

/** Japanese and Korean count in 万 and 億 too: only the characters change. */
const MYRIAD_UNITS: Record<'ja' | 'ko', Record<'万' | '亿', string>> = {
  ja: { 万: '万', 亿: '億' },
  ko: { 万: '만', 亿: '억' },
};

/** `1.2万` → "12K" (en), "12 mil" (es), "12.000" (de), "1.2만" (ko); undefined when not a count. */
export function formatCompactCount(text: string, to: LabelLanguage): string | undefined {
  const match = COMPACT_COUNT.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const unit = match[3] === '亿' ? '亿' : '万';
  const plus = match[4] ?? '';
  if (to === 'ja' || to === 'ko')
    return `${whole}${fraction ? `.${fraction}` : ''}${MYRIAD_UNITS[to][unit]}${plus}`;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const exponent = (unit === '万' ? 4 : 8) - fraction.length;
  const value: Decimal = { digits, exponent };
  const integerDigits = digits === '0' ? 1 : digits.length + exponent;
  const units = COMPACT_UNITS[to];
  const scaled = (power: number) => decimalString({ digits, exponent: exponent - power }, units.decimal);
  let rendered: string;
  if (integerDigits >= 10) rendered = units.billions(scaled(9), scaled(6));
  else if (integerDigits >= 7) rendered = units.millions(scaled(6));
  else if (integerDigits >= 4) {
    const full = decimalString(value, units.decimal);
    const [integer = '', rest] = full.split(units.decimal);
    const grouped = groupThousands(integer, '.') + (rest ? `${units.decimal}${rest}` : '');
    rendered = units.thousands(scaled(3), grouped);
  } else rendered = decimalString(value, units.decimal);
  return rendered + plus;
}

/** A count inside a phrase: its rendering, and the integer that picks the plural (none for 1.2万). */
function renderCount(text: string, to: LabelLanguage): { text: string; count: number | undefined } {
  const compact = formatCompactCount(text, to);
  if (compact !== undefined) return { text: compact, count: undefined };
  if (text.endsWith('+')) return { text, count: undefined };
  return { text, count: Number(text) };
}

// ---------------------------------------------------------------------------------------------------
// Comment totals and reply expanders

const COMMENTS: Record<LabelLanguage, PluralForms> = {
  en: { one: '{n} comment', other: '{n} comments' },
  ja: { one: '{n}件のコメント', other: '{n}件のコメント' },
  ko: { one: '댓글 {n}개', other: '댓글 {n}개' },
  es: { one: '{n} comentario', other: '{n} comentarios' },
  fr: { one: '{n} commentaire', other: '{n} commentaires' },
  de: { one: '{n} Kommentar', other: '{n} Kommentare' },
  ru: { one: '{n} комментарий', few: '{n} комментария', many: '{n} комментариев', other: '{n} комментария' },
  pt: { one: '{n} comentário', other: '{n} comentários' },
};

const SHOW_REPLIES: Record<LabelLanguage, PluralForms> = {
  en: { one: 'Show {n} reply', other: 'Show {n} replies' },
  ja: { one: '返信{n}件を表示', other: '返信{n}件を表示' },
  ko: { one: '답글 {n}개 보기', other: '답글 {n}개 보기' },
  es: { one: 'Ver {n} respuesta', other: 'Ver {n} respuestas' },
  fr: { one: 'Afficher {n} réponse', other: 'Afficher {n} réponses' },
  de: { one: '{n} Antwort anzeigen', other: '{n} Antworten anzeigen' },
  ru: {
    one: 'Показать {n} ответ',
    few: 'Показать {n} ответа',
    many: 'Показать {n} ответов',
    other: 'Показать {n} ответа',
  },
  pt: { one: 'Ver {n} resposta', other: 'Ver {n} respostas' },
};

function countPhrase(
  forms: Record<LabelLanguage, PluralForms>,
  countText: string,
  to: LabelLanguage,
): string {
  const { text, count } = renderCount(countText, to);
  return pluralForm(to, count, forms[to]).replace('{n}', text);
}

// ---------------------------------------------------------------------------------------------------
// Dates: 刚刚, N分钟前, N小时前, N天前, 昨天 12:30, 05-10, 2024-12-04

type AgoUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
const AGO_UNITS: Record<string, AgoUnit> = {
  分钟: 'minute',
  小时: 'hour',
  天: 'day',
  周: 'week',
  个月: 'month',
  年: 'year',
};
type NamedDay = 'today' | 'yesterday' | 'dayBeforeYesterday';
const NAMED_DAYS: Record<string, NamedDay> = { 今天: 'today', 昨天: 'yesterday', 前天: 'dayBeforeYesterday' };

type DatePhrase =
  | { type: 'justNow' }
  | { type: 'ago'; n: number; unit: AgoUnit }
  | { type: 'day'; day: NamedDay; time: string | undefined }
  | { type: 'date'; year: string | undefined; month: string; day: string };

type DateWords = {
  justNow: string;
  ago: Record<AgoUnit, PluralForms>;
  days: Record<NamedDay, string>;
  date: (month: string, day: string, year: string | undefined) => string;
  /** "Edited" + a phrase; `type` tells an absolute date ("on May 10") from the rest. */
  edited: (phrase: string, type: DatePhrase['type']) => string;
};

const pad = (n: string) => n.padStart(2, '0');
const unpad = (n: string) => String(Number(n));

const DATE_WORDS: Record<LabelLanguage, DateWords> = {
  en: {
    justNow: 'just now',
    ago: {
      minute: { one: '{n} minute ago', other: '{n} minutes ago' },
      hour: { one: '{n} hour ago', other: '{n} hours ago' },
      day: { one: '{n} day ago', other: '{n} days ago' },
      week: { one: '{n} week ago', other: '{n} weeks ago' },
      month: { one: '{n} month ago', other: '{n} months ago' },
      year: { one: '{n} year ago', other: '{n} years ago' },
    },
    days: { today: 'today', yesterday: 'yesterday', dayBeforeYesterday: '2 days ago' },
    // Kept as the site writes it: month first, as in US English, and ISO order with a year.
    date: (month, day, year) => `${year ? `${year}-` : ''}${month}-${day}`,
    edited: (phrase) => `Edited ${phrase}`,
  },
  ja: {
    justNow: 'たった今',
    ago: {
      minute: { one: '{n}分前', other: '{n}分前' },
      hour: { one: '{n}時間前', other: '{n}時間前' },
      day: { one: '{n}日前', other: '{n}日前' },
      week: { one: '{n}週間前', other: '{n}週間前' },
      month: { one: '{n}か月前', other: '{n}か月前' },
      year: { one: '{n}年前', other: '{n}年前' },
    },
    days: { today: '今日', yesterday: '昨日', dayBeforeYesterday: '一昨日' },
    date: (month, day, year) => `${year ? `${year}年` : ''}${unpad(month)}月${unpad(day)}日`,
    edited: (phrase, type) => (type === 'justNow' ? `${phrase}編集` : `${phrase}に編集`),
  },
  ko: {
    justNow: '방금',
    ago: {
      minute: { one: '{n}분 전', other: '{n}분 전' },
      hour: { one: '{n}시간 전', other: '{n}시간 전' },
      day: { one: '{n}일 전', other: '{n}일 전' },
      week: { one: '{n}주 전', other: '{n}주 전' },
      month: { one: '{n}개월 전', other: '{n}개월 전' },
      year: { one: '{n}년 전', other: '{n}년 전' },
    },
    days: { today: '오늘', yesterday: '어제', dayBeforeYesterday: '그저께' },
    date: (month, day, year) => `${year ? `${year}년 ` : ''}${unpad(month)}월 ${unpad(day)}일`,
    edited: (phrase, type) => (type === 'justNow' ? `${phrase} 수정됨` : `${phrase}에 수정됨`),
  },
  es: {
    justNow: 'ahora mismo',
    ago: {
      minute: { one: 'hace {n} minuto', other: 'hace {n} minutos' },
      hour: { one: 'hace {n} hora', other: 'hace {n} horas' },
      day: { one: 'hace {n} día', other: 'hace {n} días' },
      week: { one: 'hace {n} semana', other: 'hace {n} semanas' },
      month: { one: 'hace {n} mes', other: 'hace {n} meses' },
      year: { one: 'hace {n} año', other: 'hace {n} años' },
    },
    days: { today: 'hoy', yesterday: 'ayer', dayBeforeYesterday: 'anteayer' },
    date: (month, day, year) => `${pad(day)}/${pad(month)}${year ? `/${year}` : ''}`,
    edited: (phrase, type) => (type === 'date' ? `Editado el ${phrase}` : `Editado ${phrase}`),
  },
  fr: {
    justNow: 'à l’instant',
    ago: {
      minute: { one: 'il y a {n} minute', other: 'il y a {n} minutes' },
      hour: { one: 'il y a {n} heure', other: 'il y a {n} heures' },
      day: { one: 'il y a {n} jour', other: 'il y a {n} jours' },
      week: { one: 'il y a {n} semaine', other: 'il y a {n} semaines' },
      month: { one: 'il y a {n} mois', other: 'il y a {n} mois' },
      year: { one: 'il y a {n} an', other: 'il y a {n} ans' },
    },
    days: { today: 'aujourd’hui', yesterday: 'hier', dayBeforeYesterday: 'avant-hier' },
    date: (month, day, year) => `${pad(day)}/${pad(month)}${year ? `/${year}` : ''}`,
    edited: (phrase, type) => (type === 'date' ? `Modifié le ${phrase}` : `Modifié ${phrase}`),
  },
  de: {
    justNow: 'gerade eben',
    ago: {
      minute: { one: 'vor {n} Minute', other: 'vor {n} Minuten' },
      hour: { one: 'vor {n} Stunde', other: 'vor {n} Stunden' },
      day: { one: 'vor {n} Tag', other: 'vor {n} Tagen' },
      week: { one: 'vor {n} Woche', other: 'vor {n} Wochen' },
      month: { one: 'vor {n} Monat', other: 'vor {n} Monaten' },
      year: { one: 'vor {n} Jahr', other: 'vor {n} Jahren' },
    },
    days: { today: 'heute', yesterday: 'gestern', dayBeforeYesterday: 'vorgestern' },
    date: (month, day, year) => `${pad(day)}.${pad(month)}.${year ?? ''}`,
    edited: (phrase, type) => (type === 'date' ? `Bearbeitet am ${phrase}` : `Bearbeitet ${phrase}`),
  },
  ru: {
    justNow: 'только что',
    ago: {
      minute: {
        one: '{n} минуту назад',
        few: '{n} минуты назад',
        many: '{n} минут назад',
        other: '{n} минуты назад',
      },
      hour: { one: '{n} час назад', few: '{n} часа назад', many: '{n} часов назад', other: '{n} часа назад' },
      day: { one: '{n} день назад', few: '{n} дня назад', many: '{n} дней назад', other: '{n} дня назад' },
      week: {
        one: '{n} неделю назад',
        few: '{n} недели назад',
        many: '{n} недель назад',
        other: '{n} недели назад',
      },
      month: {
        one: '{n} месяц назад',
        few: '{n} месяца назад',
        many: '{n} месяцев назад',
        other: '{n} месяца назад',
      },
      year: { one: '{n} год назад', few: '{n} года назад', many: '{n} лет назад', other: '{n} года назад' },
    },
    days: { today: 'сегодня', yesterday: 'вчера', dayBeforeYesterday: 'позавчера' },
    date: (month, day, year) => `${pad(day)}.${pad(month)}${year ? `.${year}` : ''}`,
    edited: (phrase) => `Изменено ${phrase}`,
  },
  pt: {
    justNow: 'agora mesmo',
    ago: {
      minute: { one: 'há {n} minuto', other: 'há {n} minutos' },
      hour: { one: 'há {n} hora', other: 'há {n} horas' },
      day: { one: 'há {n} dia', other: 'há {n} dias' },
      week: { one: 'há {n} semana', other: 'há {n} semanas' },
      month: { one: 'há {n} mês', other: 'há {n} meses' },
      year: { one: 'há {n} ano', other: 'há {n} anos' },
    },
    days: { today: 'hoje', yesterday: 'ontem', dayBeforeYesterday: 'anteontem' },
    date: (month, day, year) => `${pad(day)}/${pad(month)}${year ? `/${year}` : ''}`,
    edited: (phrase, type) => (type === 'date' ? `Editado em ${phrase}` : `Editado ${phrase}`),
  },
};

const DATE_SOURCE = String.raw`刚刚|(\d{1,4})\s*(分钟|小时|天|周|个月|年)前|(今天|昨天|前天)(?:\s*(\d{1,2}:\d{2}))?|(?:(\d{4})-)?(\d{1,2})-(\d{1,2})`;
/** `[编辑于] <date> [<place>]`; the place must be a known one, or the whole is left alone. */
const DATED = new RegExp(String.raw`^(编辑于\s*)?(?:${DATE_SOURCE})(?:\s*(\S.*))?$`);

function parseDate(match: RegExpExecArray): DatePhrase | undefined {
  const [, , agoCount, agoUnit, namedDay, time, year, month, day] = match;
  if (agoCount !== undefined && agoUnit !== undefined) {
    const unit = AGO_UNITS[agoUnit];
    return unit ? { type: 'ago', n: Number(agoCount), unit } : undefined;
  }
  if (namedDay !== undefined) {
    if (time !== undefined) {
      const [hours = 99, minutes = 99] = time.split(':').map(Number);
      if (hours > 23 || minutes > 59) return undefined;
    }
    const named = NAMED_DAYS[namedDay];
    return named ? { type: 'day', day: named, time } : undefined;
  }
  if (month !== undefined && day !== undefined) {
    const m = Number(month);
    const d = Number(day);
    if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
    return { type: 'date', year, month, day };
  }
  return { type: 'justNow' };
}

function renderDate(phrase: DatePhrase, to: LabelLanguage): string {
  const words = DATE_WORDS[to];
  switch (phrase.type) {
    case 'justNow':
      return words.justNow;
    case 'ago':
      return pluralForm(to, phrase.n, words.ago[phrase.unit]).replace('{n}', String(phrase.n));
    case 'day':
      return phrase.time ? `${words.days[phrase.day]} ${phrase.time}` : words.days[phrase.day];
    case 'date':
      return words.date(phrase.month, phrase.day, phrase.year);
  }
}

function translateDated(text: string, to: LabelLanguage, place: PlaceLookup): string | undefined {
  const match = DATED.exec(text);
  if (!match) return undefined;
  const phrase = parseDate(match);
  if (!phrase) return undefined;
  const placeText = match[9];
  let placeName: string | undefined;
  if (placeText !== undefined) {
    placeName = place(placeText);
    if (placeName === undefined) return undefined;
  }
  let rendered = renderDate(phrase, to);
  if (match[1] !== undefined) rendered = DATE_WORDS[to].edited(rendered, phrase.type);
  if (placeName !== undefined) rendered = `${rendered} · ${placeName}`;
  return rendered;
}

// ---------------------------------------------------------------------------------------------------
// Profile: IP属地：北京, 小红书号：95396675528

const IP_LOCATION: Record<LabelLanguage, string> = {
  en: 'IP location: {place}',
  ja: 'IP所在地：{place}',
  ko: 'IP 위치: {place}',
  es: 'Ubicación de IP: {place}',
  fr: `Localisation IP${NBSP}: {place}`,
  de: 'IP-Standort: {place}',
  ru: 'Местоположение IP: {place}',
  pt: 'Localização do IP: {place}',
};

const REDNOTE_ID: Record<LabelLanguage, string> = {
  en: 'RedNote ID: {id}',
  ja: 'RedNote ID：{id}',
  ko: 'RedNote ID: {id}',
  es: 'ID de RedNote: {id}',
  fr: `ID RedNote${NBSP}: {id}`,
  de: 'RedNote-ID: {id}',
  ru: 'ID в RedNote: {id}',
  pt: 'ID do RedNote: {id}',
};

// ---------------------------------------------------------------------------------------------------

const COMMENT_TOTAL = new RegExp(String.raw`^共?\s*(${COUNT})\s*条评论$`);
const SHOW_N_REPLIES = new RegExp(String.raw`^展开\s*(${COUNT})\s*条回复$`);
const IP_LOCATION_LABEL = /^IP属地\s*[：:]\s*(\S.*)$/;
const REDNOTE_ID_LABEL = /^小红书号\s*[：:]\s*([A-Za-z0-9_.-]+)$/;

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The reader-language rendering of a site string with numbers in it, or undefined when `text` is not
 * one of the patterns (or names a place the dictionary does not know). `text` is already trimmed with
 * its whitespace collapsed.
 */
export function translatePattern(text: string, to: LabelLanguage, place: PlaceLookup): string | undefined {
  const compact = formatCompactCount(text, to);
  if (compact !== undefined) return compact;

  const total = COMMENT_TOTAL.exec(text);
  if (total?.[1]) return countPhrase(COMMENTS, total[1], to);

  const replies = SHOW_N_REPLIES.exec(text);
  if (replies?.[1]) return countPhrase(SHOW_REPLIES, replies[1], to);

  const ip = IP_LOCATION_LABEL.exec(text);
  if (ip?.[1]) {
    const name = place(ip[1]);
    return name === undefined ? undefined : IP_LOCATION[to].replace('{place}', name);
  }

  const id = REDNOTE_ID_LABEL.exec(text);
  if (id?.[1]) return REDNOTE_ID[to].replace('{id}', id[1]);

  const dated = translateDated(text, to, place);
  return dated === undefined ? undefined : capitalizeFirst(dated);
}
