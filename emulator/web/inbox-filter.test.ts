import { isAddressedTo } from './inbox-filter';

const imogen = { accountId: 'acc-imogen', emailAddress: 'imogen.imoc@example.com' };

describe('isAddressedTo', () => {
  it('counts an email sent to the person, whatever the case of the address', () => {
    expect(isAddressedTo({ to: 'Imogen.Imoc@example.com', body: {}, request: {} }, imogen)).toBe(true);
  });

  it('counts a message sent to several people at once when the person is among them', () => {
    expect(isAddressedTo({ to: 'tara.techlead@example.com, imogen.imoc@example.com', body: {}, request: {} }, imogen)).toBe(true);
  });

  it('counts a page whose payload names the person as the one paged', () => {
    const page = { to: 'routing-key-bitbucket', body: { payload: { summary: 'HOT-1', custom_details: { oncall: 'acc-imogen' } } }, request: {} };
    expect(isAddressedTo(page, imogen)).toBe(true);
  });

  it('leaves out what was sent to someone else', () => {
    expect(isAddressedTo({ to: '#incident-hot-1', body: { text: 'Paging tara.techlead@example.com' }, request: {} }, imogen)).toBe(false);
  });

  it('does not match an address that merely contains the person’s address', () => {
    expect(isAddressedTo({ to: 'not-imogen.imoc@example.com', body: {}, request: {} }, imogen)).toBe(false);
  });
});
