import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import {
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  search,
  updateEvent,
} from '../../../electron/core/records';
import type { SearchHit } from '../../../shared/domain/search';
import { newVault } from '../../helpers/vault';

/**
 * Chinese and Japanese put no space between words, and Korean attaches
 * particles to names: search must find a word inside a run of such
 * characters, in every kind of record, and never match a word that is not
 * there.
 */
let v: Vault;
let ids: Record<
  'kase' | 'jp' | 'wang' | 'yamada' | 'kim' | 'arrest' | 'statement' | 'japanese' | 'korean',
  string
>;

const highlighted = (hit: SearchHit) =>
  hit.snippet.segments
    .filter((s) => s.match)
    .map((s) => s.text)
    .join('');
const idsOf = async (query: string, kinds?: ('case' | 'person' | 'event' | 'testimony')[]) =>
  (await search(v, { text: query, ...(kinds ? { kinds } : {}) })).hits.map((h) => h.id);

beforeEach(async () => {
  v = (await newVault()).vault;
  const kase = await createCase(v, {
    title: '维权律师王全璋被失踪案',
    summary: '律师在北京被带走，家属至今未获通知。',
    tags: ['709大抓捕'],
  });
  const jp = await createCase(v, { title: '入管施設での長期収容（名古屋）' });
  const wang = await createPerson(
    v,
    { name: '王全璋', aliases: ['Wang Quanzhang'], occupation: '人权律师' },
    { caseId: kase.id, role: 'victim' },
  );
  const yamada = await createPerson(
    v,
    { name: '山田花子', aliases: ['やまだ はなこ', 'Yamada Hanako'] },
    { caseId: jp.id, role: 'witness' },
  );
  const kim = await createPerson(v, { name: '김민수' }, { caseId: jp.id, role: 'victim' });
  const arrest = await createEvent(v, kase.id, {
    eventType: 'arbitrary-arrest',
    start: '2015-08-03',
    title: '在天津被国保带走',
    description: '国保人员在律师事务所将他带走，没有出示任何文件。',
    location: { country: 'CN', place: '天津市' },
  });
  const statement = await createTestimony(v, kase.id, {
    statement: '我丈夫王全璋被关押在天津第二看守所，律师多次要求会见均被拒绝。',
    translation: 'My husband was held in Tianjin.',
    language: 'zh',
  });
  const japanese = await createTestimony(v, jp.id, {
    statement:
      '山田花子さんは名古屋出入国在留管理局に収容され、体調が悪化しても治療を受けられなかった。',
    language: 'ja',
  });
  const korean = await createTestimony(v, jp.id, {
    statement: '김민수가 체포되었고 변호인 접견이 거부되었다.',
    language: 'ko',
  });
  await createIntervention(v, kase.id, {
    interventionType: 'urgent-appeal',
    recipient: '联合国任意拘留问题工作组',
    sentOn: '2015-09-01',
  });
  ids = {
    kase: kase.id,
    jp: jp.id,
    wang: wang.id,
    yamada: yamada.id,
    kim: kim.id,
    arrest: arrest.id,
    statement: statement.id,
    japanese: japanese.id,
    korean: korean.id,
  };
});

afterEach(async () => {
  await v.lock();
});

describe('search in Chinese, Japanese and Korean text', () => {
  it('finds a word inside a run of Han characters, in every kind of record', async () => {
    expect(await idsOf('天津')).toEqual(expect.arrayContaining([ids.arrest, ids.statement]));
    expect(await idsOf('北京', ['case'])).toEqual([ids.kase]);
    expect(await idsOf('人权律师', ['person'])).toEqual([ids.wang]);
    expect(await idsOf('看守所')).toEqual([ids.statement]);
    const all = await search(v, { text: '工作组' });
    expect(all.hits.map((h) => h.kind)).toEqual(['intervention']);
  });

  it('finds a name written without spaces, by its whole or its parts', async () => {
    expect(await idsOf('王全璋', ['person'])).toEqual([ids.wang]);
    expect(await idsOf('全璋')).toEqual(expect.arrayContaining([ids.wang, ids.statement]));
    expect(await idsOf('山田花子', ['testimony'])).toEqual([ids.japanese]);
    expect(await idsOf('やまだ', ['person'])).toEqual([ids.yamada]);
    // A Korean name with its particle attached ("김민수가").
    expect(await idsOf('김민수')).toEqual(expect.arrayContaining([ids.kim, ids.korean]));
  });

  it('matches characters in order and together, not scattered', async () => {
    // Both characters occur in the statement, but never side by side in this order.
    expect(await idsOf('津天')).toEqual([]);
    expect(await idsOf('北天')).toEqual([]);
    expect(await idsOf('东京')).toEqual([]);
  });

  it('highlights the matched characters in the passage', async () => {
    const result = await search(v, { text: '看守所', kinds: ['testimony'] });
    expect(highlighted(result.hits[0]!)).toBe('看守所');
    const mixed = await search(v, { text: 'Tianjin 天津', kinds: ['testimony'] });
    expect(mixed.hits.map((h) => h.id)).toEqual([ids.statement]);
  });

  it('keeps the index in step when the text changes', async () => {
    await updateEvent(v, ids.arrest, { title: '在上海被带走', location: { place: '上海市' } });
    expect(await idsOf('上海', ['event'])).toEqual([ids.arrest]);
    expect(await idsOf('天津', ['event'])).toEqual([]);
  });

  it('leaves other scripts as they were', async () => {
    const latin = await createPerson(v, { name: 'Li Yingjun' });
    expect(await idsOf('Yingjun')).toEqual([latin.id]);
    expect(await idsOf('Wang')).toEqual([ids.wang]);
  });
});
