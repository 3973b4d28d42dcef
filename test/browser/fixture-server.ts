import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hosts the suites visit; the certificate names each, and the browser resolves them all to 127.0.0.1. */
export const FIXTURE_HOSTS = [
  'console.aliyun.com',
  'account.aliyun.com',
  'www.aliyun.com',
  'intl.cloud.tencent.com',
  'console.aws.amazon.com',
  'console.yandex.cloud',
  'platform.deepseek.com',
  'console.huaweicloud.com',
  'console.ctyun.cn',
  'console.aliyun.com.evil.example',
  'notaliyun.com',
  'www.example.org',
] as const;

/** A throwaway self-signed certificate made at test time; nothing is committed. */
function makeCertificate(hosts: readonly string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'whose-cloud-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=whose-cloud-fixtures',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

/** A provider-like page: a top bar with controls, content, and links that navigate in-page like a single-page app. */
function page(host: string, path: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${host}${path}</title>
<style>
  body { margin: 0; font: 15px system-ui, sans-serif; color: #222; background: #f4f5f7; }
  header { display: flex; gap: 16px; align-items: center; padding: 12px 20px; background: #24292f; color: #fff; }
  header button { background: #2da44e; color: #fff; border: 0; padding: 6px 12px; border-radius: 6px; }
  main { padding: 24px; max-width: 900px; }
  .card { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 16px; margin-bottom: 12px; }
</style></head>
<body><header><strong>Provider console</strong><span>${host}</span><button id="create">Create instance</button></header>
<main>
  <div class="card"><h1 id="route">${path}</h1><p>Stand-in page served by the test fixture server.</p></div>
  <div class="card"><a id="to-register" href="/register">Register (in-page)</a> · <a id="to-home" href="/">Home (in-page)</a></div>
  <div class="card">Instances: none yet.</div>
</main>
<script>
  for (const link of document.querySelectorAll('a[id^="to-"]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState({}, '', link.getAttribute('href'));
      document.getElementById('route').textContent = location.pathname;
    });
  }
</script></body></html>`;
}

export interface FixtureServer {
  server: Server;
  /** Every request the server saw, as host + path. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves a stand-in page for every host on 127.0.0.1:port over HTTPS; `pages` replaces it for some paths. */
export async function startFixtureServer(port = 443, pages: Record<string, string> = {}): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = createServer(makeCertificate(FIXTURE_HOSTS), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push(`${host}${path}`);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(pages[path] ?? page(host, path));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return { server, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
