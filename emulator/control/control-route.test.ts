import { isLoopback } from './control-route';

describe('isLoopback', () => {
  it('accepts callers on this machine over IPv4 and IPv6', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
  });

  it('refuses callers from other machines', () => {
    expect(['10.0.0.4', '192.168.1.20', '::ffff:10.0.0.4', 'fe80::1', undefined].map(isLoopback)).toEqual([false, false, false, false, false]);
  });
});
