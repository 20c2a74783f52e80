/** Sends a line to the site's log, where the person running `npm start` sees it. */
export function reportToSite(level: 'info' | 'warn' | 'error', message: string): void {
  void fetch('/__web/log', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ level, message }),
    keepalive: true,
  }).catch(() => undefined);
}
