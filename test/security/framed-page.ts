/**
 * Runs `script` in a frame under a partner's Content-Security-Policy with Trusted Types
 * enforced, sent as a header on a page of its own (test/server/test-server.mjs `framed`), and
 * resolves with the report the framed page posts (a message whose `lantern` field is `kind`),
 * or with `missing` if none comes within 40 s.
 */

/** The partner's policy (README "Security"), with the Trusted Types policy names given. */
export function partnerCsp(trustedTypes: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

export async function framedReport<T>(
  policy: string,
  script: string,
  kind: string,
  missing: T,
): Promise<T> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 600px';
  const report = new Promise<T>((resolve) => {
    setTimeout(() => resolve(missing), 40_000);
    window.addEventListener('message', function onMessage(e: MessageEvent) {
      if ((e.data as { lantern?: string })?.lantern !== kind) return;
      window.removeEventListener('message', onMessage);
      resolve(e.data as T);
    });
  });
  const query = new URLSearchParams({ csp: policy, script });
  frame.src = `/test-server/framed?${query}`;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}
