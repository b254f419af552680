/**
 * Writes src/i18n/locales/zh-TW.json from zh-CN.json: the traditional-character resources are
 * made, not written by hand, so the two never say different things. A test fails when the
 * committed file is not what this writes; run `npm run i18n:zh-tw` after changing zh-CN.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { taiwanResources } from '../src/i18n/traditional.js';

const locales = fileURLToPath(new URL('../src/i18n/locales/', import.meta.url));
const simplified: unknown = JSON.parse(readFileSync(`${locales}zh-CN.json`, 'utf8'));
writeFileSync(`${locales}zh-TW.json`, `${JSON.stringify(taiwanResources(simplified), null, 2)}\n`);
console.log('Wrote src/i18n/locales/zh-TW.json');
