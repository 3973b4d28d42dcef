/** Hostile provider pages shared by the Chromium and Firefox suites. */

/** A hostile provider page: served in place of the real one, with a script that runs before anything of the extension. */
export interface Attack {
  name: string;
  html: string;
  /** Runs in the page before its own scripts and before the content script. */
  init?: string;
  /** What the banner must do under this attack. */
  expect: 'truthful' | 'absent';
}

export const PAGE_BODY = '<header><button>Create instance</button></header><main><h1>Console</h1><a href="/register">Register</a></main>';

export const attacks: Attack[] = [
  {
    name: 'removes the banner host whenever it appears',
    // The banner is often in before the page's script runs (the content script starts at document_start): sweep once, then watch.
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      const sweep = () => document.querySelectorAll('whose-cloud-banner').forEach((e) => e.remove());
      sweep();
      new MutationObserver(sweep).observe(document.documentElement, { childList: true, subtree: true });
    </script></body></html>`,
    expect: 'absent',
  },
  {
    name: 'restyles everything and covers the page with a top-most overlay',
    html: `<!doctype html><html><head><style>
      * { all: unset !important; } whose-cloud-banner { display: none !important; visibility: hidden !important; transform: translateY(-999px) !important; }
    </style></head><body>${PAGE_BODY}<div style="position:fixed;inset:0;z-index:2147483647;background:red">overlay</div></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'floods the DOM with mutations',
    html: `<!doctype html><html><body>${PAGE_BODY}<div id="flood"></div><script>
      const flood = document.getElementById('flood');
      const tick = () => { flood.replaceChildren(...Array.from({ length: 2000 }, (_, i) => Object.assign(document.createElement('span'), { textContent: i }))); requestAnimationFrame(tick); };
      tick();
    </script></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'fakes extension messages with window.postMessage',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      for (const type of ['dismissProvider', 'saveSettings', 'getPageVerdict', 'openDetails']) {
        const message = { id: 1, type, timestamp: Date.now(), data: { providerId: 'aliyun', how: 'mute', settings: { home: 'CN', minimumLevel: 'prohibited', pageKinds: [], position: 'bottom' } } };
        window.postMessage(message, '*');
        window.postMessage(JSON.stringify(message), '*');
        document.dispatchEvent(new CustomEvent(type, { detail: message }));
      }
    </script></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'rewrites its history towards a look-alike URL',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      try { history.pushState({}, '', 'https://console.aliyun.com.evil.example/'); } catch (e) { document.title = 'blocked: ' + e.name; }
      history.replaceState({}, '', '/?next=https://evil.example/');
    </script></body></html>`,
    expect: 'truthful',
  },
  {
    name: 'overrides built-ins before the content script runs',
    html: `<!doctype html><html><body>${PAGE_BODY}</body></html>`,
    init: `
      Array.prototype.map = function () { throw new Error('poisoned map'); };
      Array.prototype.includes = () => true;
      JSON.parse = () => ({ show: false });
      JSON.stringify = () => '{}';
      Element.prototype.attachShadow = function () { throw new Error('no shadow for you'); };
      Node.prototype.appendChild = function (child) { return child; };
      window.fetch = () => Promise.reject(new Error('no fetch'));
    `,
    expect: 'truthful',
  },
];

/**
 * Attacks on the organisation's stop (issue 14), served as a stopped sign-up page: each tries to keep its page, or to get
 * past the notice. `EXTENSION_ORIGIN` in a page is replaced by the extension's own origin, as an attacker could learn it.
 */
export const stopAttacks: Attack[] = [
  {
    name: 'removes the cover and any extension element whenever one appears',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      new MutationObserver(() => document.querySelectorAll('whose-cloud-stop, whose-cloud-banner').forEach((e) => e.remove()))
        .observe(document.documentElement, { childList: true, subtree: true });
    </script></body></html>`,
    expect: 'absent',
  },
  {
    name: 'wipes the document with document.open and writes its own',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      setTimeout(() => { document.open(); document.write('<h1>Sign up now</h1><form><input name="email"></form>'); document.close(); }, 0);
    </script></body></html>`,
    expect: 'absent',
  },
  {
    name: 'holds on with beforeunload and keeps rewriting its address',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      addEventListener('beforeunload', (event) => { event.preventDefault(); event.returnValue = 'Stay?'; });
      setInterval(() => history.pushState({}, '', '/docs/' + Math.random()), 5);
    </script></body></html>`,
    expect: 'absent',
  },
  {
    name: 'frames the stop page, opens it in a window with a forged address, and fakes "Continue anyway"',
    html: `<!doctype html><html><body>${PAGE_BODY}
      <iframe id="framed" src="EXTENSION_ORIGIN/stop.html?url=https%3A%2F%2Freg.huaweicloud.com%2F"></iframe><script>
      const forged = 'EXTENSION_ORIGIN/stop.html?url=' + encodeURIComponent(location.href);
      try { window.open(forged); } catch {}
      for (const type of ['proceedStop', 'stopPage', 'getStopNotice']) {
        const message = { id: 1, type, timestamp: Date.now(), data: { reason: 'let me in', url: location.href } };
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent(type, { detail: message }));
      }
    </script></body></html>`,
    expect: 'absent',
  },
  {
    name: 'clicks everything and presses keys all the time',
    html: `<!doctype html><html><body>${PAGE_BODY}<script>
      setInterval(() => {
        for (const element of document.querySelectorAll('*')) element.click?.();
        for (const key of ['Escape', 'Enter', ' ']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }, 10);
    </script></body></html>`,
    expect: 'absent',
  },
];
