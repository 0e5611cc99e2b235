import { readFileSync } from 'node:fs';
import { LANGUAGES } from '../language/languages';
import { translateLabel } from './label-dictionary';

const capture = (name: string) =>
  new DOMParser().parseFromString(readFileSync(`tests/fixtures/captures/${name}`, 'utf8'), 'text/html');
const texts = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((element) => element.textContent ?? '');
/** The element's own text nodes: what a label feature rewrites, without tooltips nested inside. */
const ownTexts = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((element) =>
    [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join(''),
  );

describe('translateLabel', () => {
  it('translates the site’s own strings, trimmed and with whitespace collapsed', () => {
    expect(translateLabel('发现', 'en')).toBe('Explore');
    expect(translateLabel('  发布\n', 'en')).toBe('Post');
    expect(translateLabel('获赞与收藏', 'en')).toBe('Likes and saves');
    expect(translateLabel('展开更多回复', 'en')).toBe('Show more replies');
    expect(translateLabel('这是一片荒地', 'en')).toBe('Nothing here yet');
    expect(translateLabel('推荐', 'de')).toBe('Für dich');
  });

  it('keeps a trailing ellipsis as the site wrote it', () => {
    expect(translateLabel('说点什么...', 'en')).toBe('Say something...');
    expect(translateLabel('说点什么…', 'fr')).toBe('Dites quelque chose…');
    expect(translateLabel('加载中...', 'en')).toBe('Loading...');
    expect(translateLabel('不认识...', 'en')).toBeUndefined();
  });

  it('falls back to English where a language has no certain rendering', () => {
    expect(translateLabel('专辑', 'ja')).toBe('Boards');
    expect(translateLabel('石家庄', 'ko')).toBe('Shijiazhuang');
    expect(translateLabel('石家庄', 'ru')).toBe('Шицзячжуан');
  });

  it('gives nothing to a Chinese reader', () => {
    expect(translateLabel('发现', 'zh-CN')).toBeUndefined();
    expect(translateLabel('共 178 条评论', 'zh-CN')).toBeUndefined();
  });

  it('gives nothing when the rendering would be the same text', () => {
    expect(translateLabel('通知', 'ja')).toBeUndefined();
    expect(translateLabel('1.2万', 'ja')).toBeUndefined();
    expect(translateLabel('06-30', 'en')).toBeUndefined();
    expect(translateLabel('06-30', 'de')).toBe('30.06.');
  });

  it('chooses between a text’s kinds when the caller names one', () => {
    expect(translateLabel('关注', 'en')).toBe('Follow');
    expect(translateLabel('关注', 'en', { kind: 'profile' })).toBe('Following');
    expect(translateLabel('收藏', 'en')).toBe('Save');
    expect(translateLabel('收藏', 'en', { kind: 'tab' })).toBe('Saved');
    expect(translateLabel('发现', 'en', { kind: 'profile' })).toBe('Explore');
  });

  it('translates places alone, in their short and full forms', () => {
    expect(translateLabel('黑龙江', 'en')).toBe('Heilongjiang');
    expect(translateLabel('黑龙江省', 'en')).toBe('Heilongjiang');
    expect(translateLabel('中国香港', 'de')).toBe('Hongkong');
    expect(translateLabel('阿联酋', 'en')).toBe('United Arab Emirates');
    expect(translateLabel('美国', 'ja')).toBe('アメリカ');
    expect(translateLabel('德国', 'fr')).toBe('Allemagne');
    expect(translateLabel('韩国', 'ko')).toBe('한국');
  });

  it('falls through to the patterns with numbers', () => {
    expect(translateLabel(' 共 178 条评论 ', 'en')).toBe('178 comments');
    expect(translateLabel('3天前 黑龙江', 'en')).toBe('3 days ago · Heilongjiang');
    expect(translateLabel('编辑于 05-10 中国香港', 'en')).toBe('Edited 05-10 · Hong Kong');
    expect(translateLabel('12-05 美国', 'ru')).toBe('05.12 · США');
  });

  it.each([
    'unknown',
    '今天天气真好，我们去公园吧',
    '南方姑娘',
    '#citywalk',
    '#旅行',
    '关注我',
    '@小红书薯队长',
    '我在上海',
    '上海 美食',
    '3天前 我家楼下',
    '哈哈哈哈',
  ])('leaves user-like text alone: %j', (text) => {
    for (const language of LANGUAGES) expect(translateLabel(text, language)).toBeUndefined();
  });
});

describe('translateLabel on the real captures', () => {
  it('translates the side bar and the channel bar of explore.html', () => {
    const page = capture('explore.html');
    // The narrow layout repeats 通知 and 我 in a bottom menu.
    const sideBar = [...new Set(texts(page, '.channel-list .channel'))];
    // 推荐 carries a hidden tooltip ("为你推荐更多精彩") inside its element.
    const channels = ownTexts(page, '#channel-container .channel');
    expect(sideBar).toEqual(['发现', '发布', '通知', '我']);
    expect(channels.map((text) => text.trim())).toEqual([
      '推荐',
      '穿搭',
      '美食',
      '彩妆',
      '影视',
      '职场',
      '情感',
      '家居',
      '游戏',
      '旅行',
      '健身',
    ]);
    expect(sideBar.map((text) => translateLabel(text, 'en'))).toEqual([
      'Explore',
      'Post',
      'Notifications',
      'Me',
    ]);
    expect(channels.map((text) => translateLabel(text, 'en'))).toEqual([
      'For you',
      'Outfits',
      'Food',
      'Makeup',
      'Movies and TV',
      'Career',
      'Relationships',
      'Home',
      'Gaming',
      'Travel',
      'Fitness',
    ]);
  });

  it('translates the tabs, counts and dates of search_result.html', () => {
    const page = capture('search_result.html');
    const tabs = texts(page, 'button.tab');
    expect(tabs.slice(0, 3)).toEqual(['综合', '推荐附近', '南宁']);
    // Every location tab is a city the dictionary knows: 南宁 福州 石家庄 中山 南昌 佛山 宁波 柳州 厦门
    // 江门 贵阳 合肥 天津 哈尔滨.
    expect(tabs.filter((text) => translateLabel(text, 'en') === undefined)).toEqual([]);
    expect(translateLabel('哈尔滨', 'en')).toBe('Harbin');
    const counts = texts(page, '.count').filter((text) => text.includes('万'));
    expect(counts.map((text) => translateLabel(text, 'en'))).toEqual(['38K', '120K', '327K', '44K']);
    const dates = texts(page, 'span.time').filter((text) => text.trim() !== '');
    expect(dates.length).toBeGreaterThan(5);
    expect(dates.every((text) => translateLabel(text, 'en') === undefined)).toBe(true);
    expect(dates.every((text) => /^\d\d\.\d\d\.(\d{4})?$/.test(translateLabel(text, 'de') ?? ''))).toBe(true);
  });

  it('translates the profile of profile-page-excerpt-2025-09.html', () => {
    const page = capture('profile-page-excerpt-2025-09.html');
    expect(translateLabel(texts(page, '.user-IP')[0] ?? '', 'en')).toBe('IP location: Beijing');
    expect(translateLabel(texts(page, '.user-redId')[0] ?? '', 'en')).toBe('RedNote ID: 95396675528');
    expect(translateLabel(texts(page, '.user-interactions .shows')[0] ?? '', 'en', { kind: 'profile' })).toBe(
      'Following',
    );
    expect(
      texts(page, '.reds-tab-item span').map((text) => translateLabel(text, 'en', { kind: 'tab' })),
    ).toEqual(['Notes', 'Saved']);
    expect(translateLabel(texts(page, '.top-wrapper')[0] ?? '', 'en')).toBe('Pinned');
    const search = page.querySelector('#search-input')?.getAttribute('placeholder') ?? '';
    expect(translateLabel(search, 'en')).toBe('Search RedNote');
  });

  it('leaves every title and name that users wrote untouched', () => {
    for (const name of ['explore.html', 'search_result.html', 'profile-page-excerpt-2025-09.html']) {
      const page = capture(name);
      const written = [...texts(page, '.footer .title span'), ...texts(page, '.author-wrapper .name')];
      expect(written.length).toBeGreaterThan(0);
      const translated = written.filter((text) =>
        LANGUAGES.some((to) => translateLabel(text, to) !== undefined),
      );
      expect(translated).toEqual([]);
    }
  });
});
