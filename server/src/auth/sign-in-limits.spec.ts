import { clientAddress } from './sign-in-limits';

describe('clientAddress', () => {
  it('gives IPv4 clients their plain address', () => {
    expect(clientAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(clientAddress('2001:db8::1')).toBe('2001:db8::1');
  });

  it('names a missing address, and cuts a forwarded one to the length of an address', () => {
    expect(clientAddress(undefined)).toBe('unknown');
    expect(clientAddress('x'.repeat(10_000))).toHaveLength(64);
  });
});
