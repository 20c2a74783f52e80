import { themeHtmlAttrs, themeStylesheet } from './theme-css';

describe('the theme stylesheet', () => {
  it('holds both colour themes, so switching needs no new stylesheet', async () => {
    const css = await themeStylesheet();
    expect(css).toContain('html[data-color-mode="light"]');
    expect(css).toContain('html[data-color-mode="dark"]');
    expect(css).toContain('--ds-space-100');
  });

  it('selects the dark theme through the html attributes', () => {
    expect(themeHtmlAttrs('dark')).toEqual(expect.objectContaining({ 'data-color-mode': 'dark' }));
    expect(themeHtmlAttrs('dark')['data-theme']).toContain('dark:dark');
  });
});
