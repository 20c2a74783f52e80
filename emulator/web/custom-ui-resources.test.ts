import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSecurityPolicy, injectBridgeScript, readResourceFile } from './custom-ui-resources';

function resourceFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'resource-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

describe('injectBridgeScript', () => {
  it('puts the bridge script before every other element of the head', () => {
    const html = '<!doctype html><html><head><meta charset="utf-8"><script src="./main.js"></script></head><body></body></html>';
    expect(injectBridgeScript(html, '/__web/assets/forge-frame-1.js')).toBe(
      '<!doctype html><html><head><script src="/__web/assets/forge-frame-1.js"></script><meta charset="utf-8"><script src="./main.js"></script></head><body></body></html>',
    );
  });

  it('adds a head when the page has none, so the script still runs first', () => {
    expect(injectBridgeScript('<html lang="en"><body><script src="a.js"></script></body></html>', '/b.js')).toBe(
      '<html lang="en"><head><script src="/b.js"></script></head><body><script src="a.js"></script></body></html>',
    );
  });
});

describe('contentSecurityPolicy', () => {
  it('lets a frame connect only to its own folder when the manifest declares no client fetch', () => {
    const policy = contentSecurityPolicy({}, 'http://localhost:8080', '/forge/issue-panel/');
    expect(policy).toContain('connect-src http://localhost:8080/forge/issue-panel/;');
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
  });

  it('adds what the manifest permits: inline styles, client fetch hosts and image hosts', () => {
    const policy = contentSecurityPolicy(
      { content: { styles: ['unsafe-inline'] }, external: { fetch: { client: ['https://api.example.com', { address: 'https://status.example.com' }] }, images: ['https://img.example.com'] } },
      'http://localhost:8080',
      '/forge/gadget/',
    );
    expect(policy).toContain("style-src 'self' 'unsafe-inline';");
    expect(policy).toContain('connect-src http://localhost:8080/forge/gadget/ https://api.example.com https://status.example.com;');
    expect(policy).toContain("img-src 'self' data: blob: https://img.example.com;");
  });
});

describe('readResourceFile', () => {
  const options = { resourceKey: 'panel', frameScriptUrl: '/frame.js', csp: "default-src 'self'" };

  it('serves the page with the bridge script injected and the policy attached', () => {
    const folder = resourceFolder({ 'index.html': '<html><head></head><body></body></html>' });
    const file = readResourceFile({ ...options, folder, relativePath: '' });
    expect(file.status).toBe(200);
    expect(file.headers['content-security-policy']).toBe("default-src 'self'");
    expect(String(file.body)).toContain('<head><script src="/frame.js"></script></head>');
  });

  it('serves other files unchanged with their content type', () => {
    const folder = resourceFolder({ 'index.html': '<html></html>', 'main.js': 'console.log(1)' });
    const file = readResourceFile({ ...options, folder, relativePath: 'main.js' });
    expect(file.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(file.body.toString()).toBe('console.log(1)');
  });

  it('refuses a path that climbs out of the resource folder', () => {
    const folder = resourceFolder({ 'index.html': '<html></html>' });
    expect(readResourceFile({ ...options, folder, relativePath: '../../etc/passwd' }).status).toBe(403);
  });

  it('says how to build a resource whose page is missing', () => {
    const folder = resourceFolder({});
    const file = readResourceFile({ ...options, folder, relativePath: '' });
    expect(file.status).toBe(404);
    expect(String(file.body)).toContain('Run "npm run build:ui"');
  });
});
