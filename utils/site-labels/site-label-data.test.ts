import { readFileSync } from 'node:fs';
import { findDuplicates, validateLabelFile, type LabelEntry } from './label-schema';
import { SITE_LABEL_FILES, SITE_LABELS_VERSION } from './site-label-data';

const ALL: LabelEntry[] = Object.values(SITE_LABEL_FILES).flatMap((file) => file.entries);
const places = (place: string) => ALL.filter((entry) => entry.kind === 'location' && entry.place === place);

// ISO 3166-1 codes of the 193 member states of the United Nations.
const UN_MEMBERS =
  `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF
  TD CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW
  GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX
  FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST
  SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE
  VN YE ZM ZW`.split(/\s+/);

// ISO 3166-2:CN: 4 municipalities, 23 provinces (Taiwan included, as the site lists it), 5 autonomous
// regions, 2 special administrative regions.
const CHINA_DIVISIONS =
  `BJ TJ SH CQ HE SX LN JL HL JS ZJ AH FJ JX SD HA HB HN GD HI SC GZ YN SN GS QH TW NM GX XZ NX XJ
  HK MO`
    .split(/\s+/)
    .map((code) => `CN-${code}`);

const CAPITALS =
  `石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安 兰州
  西宁 台北 呼和浩特 南宁 拉萨 银川 乌鲁木齐`.split(/\s+/);

describe('the bundled site labels', () => {
  it.each(Object.entries(SITE_LABEL_FILES))('%s passes the schema', (_name, file) => {
    expect(validateLabelFile(file)).toEqual([]);
  });

  it('claims no text twice within a kind, across files', () => {
    expect(findDuplicates(ALL)).toEqual([]);
  });

  it('versions every file', () => {
    expect(SITE_LABELS_VERSION).toMatch(/^interface@\d{4}\.\d\d\.\d\d-\d+\+chinaPlaces@.+\+worldPlaces@.+$/);
  });

  it('names every provincial-level division of China, in the short form the site shows', () => {
    const provinces = places('province');
    expect(provinces.map((entry) => entry.code).sort()).toEqual([...CHINA_DIVISIONS].sort());
    const texts = provinces.flatMap((entry) => [entry.zh, ...(entry.aliases ?? [])]);
    for (const shown of [
      '黑龙江',
      '内蒙古',
      '广西',
      '新疆',
      '西藏',
      '宁夏',
      '香港',
      '中国香港',
      '澳门',
      '台湾',
      '北京',
    ]) {
      expect(texts).toContain(shown);
    }
  });

  it('names every provincial capital', () => {
    const cities = [...places('city'), ...places('province')].map((entry) => entry.zh);
    for (const capital of CAPITALS) expect(cities).toContain(capital);
  });

  it('names every member of the United Nations', () => {
    const codes = new Set(places('country').map((entry) => entry.code));
    expect(UN_MEMBERS).toHaveLength(193);
    expect(UN_MEMBERS.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('gives every place one Chinese text only once, whatever its type', () => {
    const texts = ALL.filter((entry) => entry.kind === 'location').flatMap((entry) => [
      entry.zh,
      ...(entry.aliases ?? []),
    ]);
    expect(texts.length).toBe(new Set(texts).size);
  });

  it('has the strings it says a capture shows', () => {
    // The note capture's texts were replaced by English placeholders, and xhs-dom.md is prose: only the
    // three verbatim captures can be checked here.
    const captures = ['explore.html', 'search_result.html', 'profile-page-excerpt-2025-09.html'];
    const text = Object.fromEntries(
      captures.map((name) => [name, readFileSync(`tests/fixtures/captures/${name}`, 'utf8')]),
    );
    const checked = ALL.flatMap((entry) =>
      (entry.seen ?? '')
        .split(', ')
        .filter((name) => captures.includes(name))
        .map((name) => [name, entry.zh] as const),
    );
    expect(checked.length).toBeGreaterThan(40);
    expect(checked.filter(([name, zh]) => !text[name]?.includes(zh))).toEqual([]);
  });
});
