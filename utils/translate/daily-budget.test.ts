import { describe, expect, it } from 'vitest';
import { RedBridgeDatabase } from '../db/database';
import { DailySpending, withDailyBudget } from './daily-budget';
import { FakeProvider } from './fakes.testing';

const clock = (time: number) => ({ now: () => time });
const signal = new AbortController().signal;
const ask = (provider: ReturnType<typeof withDailyBudget>, text: string) =>
  provider.translate({ texts: [text], from: 'zh-CN', to: 'en', signal });

describe('daily budget', () => {
  it('sends requests until the day’s characters would pass the limit, then refuses without sending', async () => {
    const db = new RedBridgeDatabase(`budget-${crypto.randomUUID()}`);
    const deepl = new FakeProvider('deepl');
    const budgeted = withDailyBudget(deepl, 10, new DailySpending(db, clock(Date.UTC(2026, 11, 7, 12))));
    await ask(budgeted, '一二三四五六');
    await expect(ask(budgeted, '七八九十一')).rejects.toMatchObject({
      kind: 'budget',
      details: { provider: 'deepl' },
    });
    await ask(budgeted, '七八九十');
    expect(deepl.batches).toEqual([['一二三四五六'], ['七八九十']]);
  });

  it('is kept across worker restarts and starts afresh the next day', async () => {
    const db = new RedBridgeDatabase(`budget-${crypto.randomUUID()}`);
    const noon = Date.UTC(2026, 11, 7, 12);
    await new DailySpending(db, clock(noon)).reserve('openai-compatible', 9, 10);

    const restarted = new DailySpending(db, clock(noon + 60_000));
    expect(await restarted.spent('openai-compatible')).toBe(9);
    await expect(restarted.reserve('openai-compatible', 2, 10)).rejects.toMatchObject({ kind: 'budget' });
    // Another provider's budget is its own.
    await restarted.reserve('deepl', 10, 10);

    const tomorrow = new DailySpending(db, clock(noon + 24 * 3_600_000));
    await tomorrow.reserve('openai-compatible', 10, 10);
  });

  it('leaves a provider without a budget (0) unwrapped', () => {
    const provider = new FakeProvider('deepl');
    expect(withDailyBudget(provider, 0, new DailySpending(new RedBridgeDatabase('unused')))).toBe(provider);
  });
});
