import type { LabelLanguage } from './label-schema';
import { formatCompactCount, translatePattern, type PlaceLookup } from './patterns';

const NBSP = '\u00a0';
const PLACES: Record<string, string> = { 黑龙江: 'Heilongjiang', 上海: 'Shanghai', 美国: 'United States' };
const place: PlaceLookup = (name) => PLACES[name];
const en = (text: string) => translatePattern(text, 'en', place);

describe('counts', () => {
  it('turns 万 and 亿 into thousands, millions and billions without rounding', () => {
    // search_result.html, `.like-wrapper .count` of four cards.
    expect(['3.8万', '12万', '32.7万', '4.4万'].map(en)).toEqual(['38K', '120K', '327K', '44K']);
    expect(en('1.2万')).toBe('12K');
    expect(en('1.05万')).toBe('10.5K');
    expect(en('0.5万')).toBe('5K');
    expect(en('3.4亿')).toBe('340M');
    expect(en('12.3亿')).toBe('1.23B');
    expect(en('10万+')).toBe('100K+');
  });

  it('writes counts the way each reader language shortens them', () => {
    const rows: [LabelLanguage, string, string, string][] = [
      ['es', `12${NBSP}mil`, `340${NBSP}M`, `1230${NBSP}M`],
      ['fr', `12${NBSP}k`, `340${NBSP}M`, `1,23${NBSP}Md`],
      ['de', '12.000', `340${NBSP}Mio.`, `1,23${NBSP}Mrd.`],
      ['ru', `12${NBSP}тыс.`, `340${NBSP}млн`, `1,23${NBSP}млрд`],
      ['pt', `12${NBSP}mil`, `340${NBSP}mi`, `1,23${NBSP}bi`],
      ['ja', '1.2万', '3.4億', '12.3億'],
      ['ko', '1.2만', '3.4억', '12.3억'],
    ];
    for (const [language, thousands, millions, billions] of rows) {
      expect(['1.2万', '3.4亿', '12.3亿'].map((count) => formatCompactCount(count, language))).toEqual([
        thousands,
        millions,
        billions,
      ]);
    }
    expect(formatCompactCount('1.05万', 'de')).toBe('10.500');
    expect(formatCompactCount('1.05万', 'fr')).toBe(`10,5${NBSP}k`);
    expect(formatCompactCount('10万+', 'de')).toBe('100.000+');
  });

  it('leaves plain numbers and anything else alone', () => {
    // profile-page-excerpt-2025-09.html: `.count` 39 and 678 need no translation.
    expect(en('39')).toBeUndefined();
    expect(en('678')).toBeUndefined();
    expect(en('1.2')).toBeUndefined();
    expect(en('万')).toBeUndefined();
    expect(en('1.2万人')).toBeUndefined();
  });
});

describe('comment totals and reply expanders', () => {
  // defuddle-extractor--xiaohongshu-note.html shows them as " 178 comments in total " and
  // "Show 15 replies": its texts were replaced by English placeholders; the site's own strings are
  // "共 178 条评论" and "展开 15 条回复" (xhs-dom.md).
  it('counts comments with the right plural', () => {
    expect(en('共 178 条评论')).toBe('178 comments');
    expect(en('共 1 条评论')).toBe('1 comment');
    expect(en('共0条评论')).toBe('0 comments');
    expect(en('共 1.2万 条评论')).toBe('12K comments');
    expect(en('178 条评论')).toBe('178 comments');
  });

  it('shows replies with the right plural', () => {
    expect(en('展开 15 条回复')).toBe('Show 15 replies');
    expect(en('展开 1 条回复')).toBe('Show 1 reply');
    expect(en('展开 15条回复')).toBe('Show 15 replies');
  });

  it('follows each language’s plural rules', () => {
    const comments = (language: LabelLanguage, n: string) =>
      translatePattern(`共 ${n} 条评论`, language, place);
    expect(['1', '2', '5', '11', '21', '22', '25', '111'].map((n) => comments('ru', n))).toEqual([
      '1 комментарий',
      '2 комментария',
      '5 комментариев',
      '11 комментариев',
      '21 комментарий',
      '22 комментария',
      '25 комментариев',
      '111 комментариев',
    ]);
    expect(comments('ru', '1.2万')).toBe(`12${NBSP}тыс. комментариев`);
    expect(comments('fr', '0')).toBe('0 commentaire');
    expect(comments('fr', '2')).toBe('2 commentaires');
    expect(comments('de', '1')).toBe('1 Kommentar');
    expect(comments('es', '3')).toBe('3 comentarios');
    expect(comments('pt', '1')).toBe('1 comentário');
    expect(comments('ja', '178')).toBe('178件のコメント');
    expect(comments('ko', '178')).toBe('댓글 178개');
    expect(translatePattern('展开 3 条回复', 'ru', place)).toBe('Показать 3 ответа');
    expect(translatePattern('展开 1 条回复', 'de', place)).toBe('1 Antwort anzeigen');
    expect(translatePattern('展开 2 条回复', 'ja', place)).toBe('返信2件を表示');
  });
});

describe('dates', () => {
  it('says how long ago, with English plurals', () => {
    expect(en('刚刚')).toBe('Just now');
    expect(en('1分钟前')).toBe('1 minute ago');
    expect(en('5分钟前')).toBe('5 minutes ago');
    expect(en('1小时前')).toBe('1 hour ago');
    expect(en('3 小时前')).toBe('3 hours ago');
    // xhs-dom.md: a note's date "6天前".
    expect(en('6天前')).toBe('6 days ago');
    expect(en('1天前')).toBe('1 day ago');
    expect(en('2周前')).toBe('2 weeks ago');
    expect(en('1个月前')).toBe('1 month ago');
    expect(en('2年前')).toBe('2 years ago');
  });

  it('names yesterday and the day before, keeping the time', () => {
    expect(en('昨天 12:30')).toBe('Yesterday 12:30');
    expect(en('前天 08:05')).toBe('2 days ago 08:05');
    expect(en('今天 09:41')).toBe('Today 09:41');
    expect(translatePattern('昨天 12:30', 'de', place)).toBe('Gestern 12:30');
    expect(translatePattern('前天 08:05', 'fr', place)).toBe('Avant-hier 08:05');
    expect(translatePattern('昨天 12:30', 'ja', place)).toBe('昨日 12:30');
    expect(en('昨天 25:30')).toBeUndefined();
  });

  it('keeps a date’s digits, in the reader’s order', () => {
    // search_result.html, `.card-bottom-wrapper .time`: "06-30", "10-10", "2024-12-04".
    expect(en('06-30')).toBe('06-30');
    expect(en('2024-12-04')).toBe('2024-12-04');
    expect(translatePattern('06-30', 'de', place)).toBe('30.06.');
    expect(translatePattern('2024-12-04', 'de', place)).toBe('04.12.2024');
    expect(translatePattern('10-10', 'fr', place)).toBe('10/10');
    expect(translatePattern('2024-12-04', 'es', place)).toBe('04/12/2024');
    expect(translatePattern('2024-12-04', 'ru', place)).toBe('04.12.2024');
    expect(translatePattern('06-30', 'ja', place)).toBe('6月30日');
    expect(translatePattern('2024-12-04', 'ko', place)).toBe('2024년 12월 4일');
    expect(en('13-01')).toBeUndefined();
    expect(en('06-32')).toBeUndefined();
  });

  it('translates the place after a date, and only a known place', () => {
    expect(en('3天前 黑龙江')).toBe('3 days ago · Heilongjiang');
    expect(en('12-05 美国')).toBe('12-05 · United States');
    expect(en('刚刚 上海')).toBe('Just now · Shanghai');
    expect(translatePattern('3天前 黑龙江', 'es', place)).toBe('Hace 3 días · Heilongjiang');
    expect(en('3天前 某个小镇')).toBeUndefined();
    expect(en('3天前我去了上海')).toBeUndefined();
  });

  it('says a note was edited, in each language’s grammar', () => {
    // xhs-dom.md: `.bottom-container span.date` "编辑于 05-10 上海".
    expect(en('编辑于 05-10 上海')).toBe('Edited 05-10 · Shanghai');
    expect(en('编辑于 3天前 黑龙江')).toBe('Edited 3 days ago · Heilongjiang');
    expect(en('编辑于 昨天 12:30')).toBe('Edited yesterday 12:30');
    expect(en('编辑于 2024-12-04')).toBe('Edited 2024-12-04');
    const edited = (language: LabelLanguage, text: string) => translatePattern(text, language, place);
    expect(edited('es', '编辑于 05-10')).toBe('Editado el 10/05');
    expect(edited('es', '编辑于 3天前')).toBe('Editado hace 3 días');
    expect(edited('fr', '编辑于 05-10 上海')).toBe('Modifié le 10/05 · Shanghai');
    expect(edited('de', '编辑于 05-10')).toBe('Bearbeitet am 10.05.');
    expect(edited('de', '编辑于 3天前')).toBe('Bearbeitet vor 3 Tagen');
    expect(edited('pt', '编辑于 05-10')).toBe('Editado em 10/05');
    expect(edited('ru', '编辑于 3天前')).toBe('Изменено 3 дня назад');
    expect(edited('ja', '编辑于 05-10')).toBe('5月10日に編集');
    expect(edited('ja', '编辑于 刚刚')).toBe('たった今編集');
    expect(edited('ko', '编辑于 3天前')).toBe('3일 전에 수정됨');
  });
});

describe('profile', () => {
  // profile-page-excerpt-2025-09.html: `.user-IP` " IP属地：北京", `.user-redId` "小红书号：95396675528".
  it('translates the IP location, and only a known one', () => {
    const beijing: PlaceLookup = (name) => (name === '北京' ? 'Beijing' : undefined);
    expect(translatePattern('IP属地：北京', 'en', beijing)).toBe('IP location: Beijing');
    expect(translatePattern('IP属地: 北京', 'de', beijing)).toBe('IP-Standort: Beijing');
    expect(translatePattern('IP属地：火星', 'en', beijing)).toBeUndefined();
  });

  it('keeps the RedNote ID as it is', () => {
    expect(en('小红书号：95396675528')).toBe('RedNote ID: 95396675528');
    expect(translatePattern('小红书号：95396675528', 'fr', place)).toBe(`ID RedNote${NBSP}: 95396675528`);
  });
});

describe('what is not a pattern', () => {
  it.each([
    '',
    '三天前',
    '共 N 条评论',
    '展开更多回复',
    '我在上海等你',
    '2024年12月4日',
    '昨天去吃了火锅',
    '3天前的事了',
    '#citywalk',
    '12:30',
  ])('%j', (text) => {
    expect(en(text)).toBeUndefined();
  });
});
