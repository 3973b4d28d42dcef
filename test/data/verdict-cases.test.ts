import { describe, expect, it } from 'vitest';
import { verdictFor, type Audience, type Level } from '../../src/core/verdict';
import { homeFromLocale } from '../../src/core/home-jurisdiction';
import { viewVerdict } from '../../src/core/verdict-view';
import { loadDatasetIndex } from '../../src/node/read-dataset';

// A fixed day: the shipped records hold no future dates, so these levels must hold on any later day too.
const TODAY = '2026-12-01';
const index = loadDatasetIndex(TODAY);

type Case = [provider: string, home: string, audience: Audience, level: Level | null];

/** Real verdicts a person should see, each reasoned from the measures (not from the code's output). */
const cases: Case[] = [
  // Entity List and FCC Covered List name Huawei Technologies, up Huawei Cloud's chain; the USF order binds subsidy recipients only.
  ['huawei-cloud', 'US', 'general', 'restricted'],
  // The UK's designated vendor direction binds public telecoms networks, not customers: only China's data-access laws remain.
  ['huawei-cloud', 'GB', 'general', 'notice'],
  ['huawei-cloud', 'DE', 'general', 'notice'],
  // NDAA section 889 forbids federal agencies to procure Huawei equipment and services.
  ['huawei-cloud', 'US', 'government', 'prohibited'],
  // For a UK telecoms operator the Huawei removal rules do bind.
  ['huawei-cloud', 'GB', 'telecom', 'prohibited'],
  // The DMA market investigation is competition law; the EU finds the U.S. adequate (Data Privacy Framework).
  ['aws', 'EU', 'general', null],
  ['microsoft-azure', 'EU', 'general', null],
  // A U.S. provider for a U.S. reader: nothing foreign, no measure.
  ['aws', 'US', 'general', null],
  // Commerce's ICTS final determination prohibits Kaspersky products and services to U.S. persons.
  ['kaspersky-cloud', 'US', 'general', 'prohibited'],
  // The NCSC's 2017 letter is advice: Russia's data-access laws give the notice.
  ['kaspersky-cloud', 'GB', 'general', 'notice'],
  // DSA proceedings concern TikTok, another company of ByteDance's group, and are platform rules.
  ['volcano-engine', 'EU', 'general', 'notice'],
  // The 1260H list names China Telecom's parent; the FCC revocation of China Telecom Americas stays group context.
  ['ctyun', 'US', 'general', 'restricted'],
  // State bans bind that state's government only.
  ['deepseek', 'US-TX', 'government', 'prohibited'],
  ['deepseek', 'US-VA', 'government', 'prohibited'],
  // Agency blocks and state bans are no federal prohibition; federal device bans still restrict everyone else.
  ['deepseek', 'US', 'general', 'restricted'],
  // The Garante's order on DeepSeek's processing of Italian users' data is in force.
  ['deepseek', 'IT', 'general', 'restricted'],
  // The 2026 section 1260H list adds Alibaba Group Holding, the top of Aliyun's and Alibaba Cloud's chains.
  ['aliyun', 'US', 'general', 'restricted'],
  ['alibaba-cloud', 'US', 'general', 'restricted'],
  // Tencent Holdings has been on the 1260H list since January 2025.
  ['tencent-cloud', 'US', 'general', 'restricted'],
  // OFAC's NS-CMIC list names SenseTime Group itself; the Entity List entry names a subsidiary.
  ['sensenova', 'US', 'general', 'restricted'],
  // Inspur Group is on the Entity List.
  ['inspur-cloud', 'US', 'general', 'restricted'],
  // Sistema holds 42 % of MTS: a minority shareholder, so its UK designation does not reach MWS.
  ['mts-cloud', 'GB', 'general', 'notice'],
  // Cloud.ru's current owner is not established: Russia's designation as a foreign adversary gives the notice.
  ['cloud-ru', 'US', 'general', 'notice'],
  // The EU listed VK itself on 13 July 2026 (Regulation 2024/1485, Annex IV). VK Cloud's operator is a VK group company whose
  // direct shareholder and stake are not established, so the freeze cannot be shown to reach it: restricted, not prohibited.
  ['vk-cloud', 'EU', 'general', 'restricted'],
  // A German provider for an EU reader: inside the union.
  ['hetzner', 'EU', 'general', null],
  // The 1260H list names China Mobile's parent group.
  ['china-mobile-ecloud', 'US', 'general', 'restricted'],
  // The UK Sanctions List designates Aeza Group LLC itself (RUS3148, 19 November 2025): an asset freeze binds everyone in the UK.
  ['aeza', 'GB', 'general', 'prohibited'],
  // OFAC blocked Zservers (press release sb0018, 11 February 2025); the EU has not listed it, so an EU reader gets Russia's laws only.
  ['zservers', 'US', 'general', 'prohibited'],
  ['zservers', 'EU', 'general', 'notice'],
  // The EU Council listed Stark Industries Solutions Ltd (Regulation 2025/965); neither the U.S. nor the UK did.
  ['stark-industries', 'DE', 'general', 'prohibited'],
  ['stark-industries', 'US', 'general', null],
  // Canada's Russia regulations list Aeza Group LLC itself (SOR/2014-58, in force 19 February 2026).
  ['aeza', 'CA', 'general', 'prohibited'],
  // Canada lists MTS, MWS's parent; no ownership rule for Canada is in the data, so the block is not shown to reach MWS.
  ['mts-cloud', 'CA', 'general', 'restricted'],
  // Germany's 2024 contracts with the 5G operators bind telecoms operators, not their customers.
  ['huawei-cloud', 'DE', 'telecom', 'prohibited'],
  // Georgia's prohibited-software standard lists DeepSeek for state systems (since February 2025); the federal device bans restrict others.
  ['deepseek', 'US-GA', 'government', 'prohibited'],
  // Maryland's 2022 emergency directive bans Alibaba products on the executive branch's devices.
  ['alibaba-cloud', 'US-MD', 'government', 'prohibited'],
  // The Greek DPA's order to appoint an EU representative was complied with (closed): China's data-access laws remain.
  ['deepseek', 'GR', 'general', 'notice'],
];

describe('verdicts on the shipped dataset', () => {
  it.each(cases)('%s for a %s reader (%s): %s', (provider, home, audience, level) => {
    const found = index.providers.get(provider);
    expect(found, `provider ${provider}`).toBeDefined();
    expect(verdictFor(found!, { home, audience }, index, TODAY).level).toBe(level);
  });

  it("lists the FCC's revocation of China Telecom Americas on China Telecom's cloud under the group, without raising the level", () => {
    const verdict = verdictFor(index.providers.get('ctyun')!, { home: 'US', audience: 'general' }, index, TODAY);
    expect(verdict.actions.find((a) => a.action.id === 'us-fcc-2021-china-telecom-americas-revocation')).toMatchObject({ relation: 'group', raises: null });
  });

  it("says on the card where a provider's current owner could not be established, rather than guess one", () => {
    const view = viewVerdict(verdictFor(index.providers.get('cloud-ru')!, { home: 'US', audience: 'general' }, index, TODAY), null, index);
    expect(view.chain).toHaveLength(1);
    expect(view.chain[0]!.ownersNote).toMatch(/current owner could not be established/);
  });

  it('never calls an in-force measure with an official source unconfirmed', () => {
    const wrong = index.dataset.actions.filter((a) => a.unconfirmed && a.sources.some((s) => s.primary)).map((a) => a.id);
    expect(wrong).toEqual([]);
  });

  // Some twenty thousand verdicts: seconds on a busy two-core machine, hence its own time limit.
  it('gives every provider a verdict for every home and audience without failing', { timeout: 60_000 }, () => {
    for (const provider of index.dataset.providers) {
      for (const { id: home } of index.dataset.jurisdictions) {
        for (const audience of ['general', 'government', 'contractor', 'telecom'] as const) {
          expect(() => verdictFor(provider, { home, audience }, index, TODAY)).not.toThrow();
        }
      }
    }
  });
});

describe('the home jurisdiction a browser language suggests, for every UI language', () => {
  // Every EU member state is in the dataset as part of the union, so no European reader falls back to the U.S.
  it.each([
    ['en-US', 'US'], ['en-GB', 'GB'], ['de-DE', 'EU'], ['fr-FR', 'EU'], ['es-ES', 'EU'], ['it-IT', 'EU'], ['nl-NL', 'EU'],
    ['pl-PL', 'EU'], ['pl', 'EU'], ['pt-PT', 'EU'], ['ja-JP', 'JP'], ['ko-KR', 'KR'], ['zh-CN', 'CN'],
  ])('%s gives %s', (locale, home) => {
    expect(homeFromLocale(locale, index)).toBe(home);
  });
});
