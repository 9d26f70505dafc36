import { ttlSeconds } from './token.service';

describe('ttlSeconds', () => {
  it.each([
    ['30s', 30],
    ['15m', 900],
    ['8h', 28800],
    ['2d', 172800],
  ])('reads %s as %i seconds', (ttl, seconds) => {
    expect(ttlSeconds(ttl)).toBe(seconds);
  });

  it('refuses a lifetime without a unit', () => {
    expect(() => ttlSeconds('100')).toThrow('invalid token lifetime');
  });
});
