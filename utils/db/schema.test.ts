import { describe, expect, it } from 'vitest';
import { RedBridgeDatabase } from './database';

describe('database', () => {
  it('opens at the latest version', async () => {
    const db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(1);
    db.close();
  });
});
