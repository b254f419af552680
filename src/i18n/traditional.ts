import { converter, wordReplacer, type Conversion } from './opencc.js';

/**
 * After OpenCC's character conversion, the words a Taiwanese reader expects: Discord's own
 * zh-TW names for what it shows (伺服器, 討論串, 私訊, 指令), Taiwan's usual computing and
 * publishing words (設定, 預設, 資料庫, 連結, 字元, 發布, 執行), and the few places where the
 * conversion misreads a phrase (唯一出現 read as 一齣, 還是只有 as 隻).
 */
const TAIWAN_WORDS: readonly (readonly [string, string])[] = [
  ['服務器', '伺服器'],
  ['子區', '討論串'],
  ['私信', '私訊'],
  ['命令', '指令'],
  ['斜槓', '斜線'],
  ['消息', '訊息'],
  ['消息來源', '消息來源'],
  ['表情', '表情符號'],
  ['設置', '設定'],
  ['默認', '預設'],
  ['數據庫', '資料庫'],
  ['為只讀', '為唯讀'],
  ['運營者', '營運者'],
  ['鏈接', '連結'],
  ['字符', '字元'],
  ['查找', '搜尋'],
  ['添加', '新增'],
  ['點擊', '點選'],
  ['發送', '傳送'],
  ['示例', '範例'],
  ['當前', '目前'],
  ['運行', '執行'],
  ['發佈', '發布'],
  ['報道', '報導'],
  ['哈希', '雜湊'],
  ['十六進制', '十六進位'],
  ['舞臺', '舞台'],
  ['頻道里', '頻道裡'],
  ['唯一齣現', '唯一出現'],
  ['還是隻有', '還是只有'],
  ['考察干部', '考察幹部'],
];

let convert: Conversion | undefined;

/** Simplified Chinese as written in Taiwan: OpenCC's cn → tw, then Taiwan's words. */
export function toTaiwan(text: string): string {
  if (!convert) {
    const characters = converter('cn', 'tw');
    const words = wordReplacer(TAIWAN_WORDS);
    convert = (simplified) => words(characters(simplified));
  }
  return convert(text);
}

/** A resource tree with every string converted, keys kept as they are. */
export function taiwanResources(tree: unknown): unknown {
  if (typeof tree === 'string') return toTaiwan(tree);
  if (tree === null || typeof tree !== 'object') return tree;
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, taiwanResources(value)]));
}
