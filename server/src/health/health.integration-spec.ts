import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { POOL_SIZE } from '../database/data-source-options';
import { startTestApp, TestApp } from '../testing/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 {"status":"ok"} without a token once the database is migrated', async () => {
    const response = await t.http().get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('says in Server-Timing how long the database took to answer', async () => {
    const response = await t.http().get('/health');
    expect(response.headers['server-timing']).toMatch(/^db;dur=\d+(\.\d)?$/);
  });

  it('answers within a second while every connection of the requests’ pool is taken', async () => {
    const pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
    const taken: PoolClient[] = await Promise.all(
      Array.from({ length: POOL_SIZE }, () => pool.connect()),
    );
    try {
      expect(pool.totalCount).toBe(POOL_SIZE);
      const started = Date.now();
      const response = await t.http().get('/health');
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      taken.forEach((client) => client.release());
    }
  });
});
