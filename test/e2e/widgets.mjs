// Helpers for the checks on pages full of widgets: knowing when every widget has settled.

/** Records, from the first script on, which widgets fired `lantern-load` or `lantern-error`. */
export async function trackWidgets(page) {
  await page.addInitScript(() => {
    const seen = (window.__lantern = { loaded: new Set(), failed: new Map() });
    document.addEventListener('lantern-load', (e) => seen.loaded.add(e.target));
    document.addEventListener('lantern-error', (e) => seen.failed.set(e.target, e.detail));
  });
}

/**
 * Waits until every `lantern-*` element of the page (not those inside other widgets) has
 * loaded or failed, then until its images are decoded (those in view) and two frames have passed.
 * Returns `{ total, loaded, failed: [{ tag, detail }] }`.
 */
export async function waitForWidgets(page, timeout = 20_000) {
  await page.waitForFunction(
    () => {
      const all = [...document.querySelectorAll('*')].filter((el) =>
        el.localName.startsWith('lantern-'),
      );
      const seen = window.__lantern;
      return all.length > 0 && all.every((el) => seen.loaded.has(el) || seen.failed.has(el));
    },
    undefined,
    { timeout, polling: 50 },
  );
  return page.evaluate(async () => {
    const images = [];
    const collect = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'img') images.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(document);
    // A lazy image below the fold never loads, so its decode() never settles: wait a while only.
    const decoded = (img) =>
      Promise.race([img.decode().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
    await Promise.all(images.map(decoded));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const all = [...document.querySelectorAll('*')].filter((el) =>
      el.localName.startsWith('lantern-'),
    );
    const seen = window.__lantern;
    return {
      total: all.length,
      loaded: all.filter((el) => seen.loaded.has(el)).length,
      failed: all
        .filter((el) => seen.failed.has(el))
        .map((el) => ({ tag: el.localName, detail: seen.failed.get(el) })),
    };
  });
}

/**
 * Text a person would see in a widget, shadow DOM included (slots and hidden parts aside), and
 * generated content too (the " · " drawn between a file's facts). Runs in the page.
 */
export function drawnText(host) {
  const parts = [];
  const pseudo = (el, which) =>
    /^"((?:[^"\\]|\\.)*)"/.exec(getComputedStyle(el, which).content)?.[1] ?? '';
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent);
      else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.localName === 'script' || child.localName === 'style') continue;
        parts.push(pseudo(child, '::before'));
        walk(child.shadowRoot ?? child);
        parts.push(pseudo(child, '::after'));
      }
    }
  };
  walk(host.shadowRoot ?? host);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** `drawnText` of the element at `selector`. */
export function shadowText(page, selector) {
  return page.$eval(selector, drawnText);
}

/**
 * Presses every "Show content" button of the widget at `selector`, as a reader would, so what a
 * content warning covers (a part's body, a report's summary) is built and shown. Returns how many
 * were pressed; what they reveal is built afterwards, so wait for the text that should appear.
 */
export async function showWarned(page, selector) {
  // Playwright's CSS engine pierces open shadow roots.
  const hidden = page.locator(`${selector} button.reveal[aria-expanded="false"]`);
  let pressed = 0;
  while ((await hidden.count()) > 0) {
    await hidden.first().click();
    pressed += 1;
  }
  return pressed;
}

/** Waits until the shadow text of `selector` matches `pattern` (what a reveal builds). */
export async function waitForShadowText(page, selector, pattern, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await shadowText(page, selector);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(50);
  }
  return text;
}
