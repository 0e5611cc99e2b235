/**
 * Traditional → simplified characters, limited to the characters that occur in glossary terms (plus a
 * handful of very common ones such as 週 and 這 that user terms are likely to contain). A full
 * conversion table (OpenCC) is ~500 KB and context-dependent; matching only needs each traditional
 * character of a term to fold onto the simplified one, so a small one-to-one map is enough.
 *
 * Each pair is `traditional simplified`. Characters that are ALSO ordinary simplified characters in
 * other words (著, 乾, 後) are folded too: normalization runs on patterns and text alike, so the fold
 * can only merge, never split, and no glossary term spells them the traditional way.
 */
const PAIRS =
  '業业 個个 樂乐 書书 亂乱 雲云 儀仪 們们 價价 眾众 衆众 夥伙 會会 體体 俠侠 兒儿 黨党 關关 養养 內内 ' +
  '軍军 衝冲 沖冲 擊击 劇剧 勸劝 動动 華华 單单 雙双 發发 髮发 後后 嗎吗 聽听 啟启 啓启 嗚呜 噴喷 ' +
  '嘍喽 園园 圍围 國国 場场 墳坟 牆墙 備备 復复 複复 頭头 夾夹 奧奥 媽妈 學学 寶宝 實实 審审 對对 ' +
  '爾尔 帥帅 帶带 幫帮 乾干 幹干 廣广 廢废 開开 彈弹 強强 態态 總总 戀恋 戰战 搶抢 掛挂 擺摆 數数 ' +
  '斷断 無无 顯显 機机 槓杠 條条 來来 鬆松 闆板 槍枪 檸柠 樓楼 歐欧 殘残 氣气 淚泪 潑泼 測测 濃浓 ' +
  '潤润 漲涨 遊游 濱滨 點点 爛烂 熱热 愛爱 爺爷 貓猫 電电 畫画 瘋疯 癩癞 盤盘 著着 碼码 磚砖 確确 ' +
  '離离 種种 稅税 穩稳 窮穷 筆笔 類类 糧粮 係系 繫系 紅红 級级 純纯 紙纸 給给 絕绝 緒绪 續续 維维 ' +
  '繃绷 網网 職职 聯联 腦脑 臉脸 膩腻 捨舍 蕪芜 薦荐 藍蓝 雖虽 補补 襲袭 褲裤 記记 講讲 論论 評评 ' +
  '話话 語语 說说 讀读 課课 誰谁 諜谍 謝谢 譜谱 穀谷 財财 賬账 帳账 貨货 質质 購购 貼贴 貴贵 賽赛 ' +
  '贏赢 車车 轉转 輪轮 軟软 輕轻 辭辞 邊边 運运 遠远 連连 遙遥 鬱郁 醬酱 鋼钢 錢钱 鐵铁 鏟铲 鏈链 ' +
  '鍋锅 錘锤 錦锦 鍵键 鎮镇 長长 門门 問问 間间 隊队 陽阳 陰阴 際际 難难 麵面 頓顿 領领 題题 顏颜 ' +
  '風风 飛飞 飯饭 餅饼 馬马 魚鱼 鮮鲜 鯉鲤 雞鸡 鴨鸭 鵝鹅 麥麦 黃黄 齒齿 醜丑 癒愈 喫吃 紮扎 緻致 ' +
  '錶表 倖幸 剋克 捲卷 迴回 ' +
  // Common outside the glossary; cheap to carry for user terms.
  '週周 這这 裡里 裏里 麼么 樣样 還还 沒没 過过 時时 東东 買买 賣卖 見见 讓让 從从 與与 為为';

function buildTable(pairs: string): ReadonlyMap<number, number> {
  const table = new Map<number, number>();
  for (const pair of pairs.split(' ')) {
    if (pair.length !== 2) continue;
    table.set(pair.charCodeAt(0), pair.charCodeAt(1));
  }
  return table;
}

/** Traditional code unit → simplified code unit (all entries are BMP characters). */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<number, number> = buildTable(PAIRS);
