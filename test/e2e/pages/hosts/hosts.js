// Adds the host stylesheet named by ?host= (bootstrap, tailwind, wordpress; none = plain page);
// rtl is a right-to-left page in Arabic (its theme sets direction and line height on every element),
// where the widgets speak English and read left to right; reset is a theme on "the new CSS reset"
// (every element but a few unset, the widgets included) with loud body typography (not letter or
// word spacing, which reach the widgets on purpose: a reader's text-spacing tool sets them).
const sheets = {
  bootstrap: '/node_modules/bootstrap/dist/css/bootstrap.min.css',
  tailwind: '/node_modules/tailwindcss/preflight.css',
  wordpress: '/test/e2e/pages/hosts/wordpress-like.css',
};
const host = new URLSearchParams(location.search).get('host');
if (host && sheets[host]) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = sheets[host];
  document.head.prepend(link);
}
if (host === 'rtl') {
  Object.assign(document.documentElement, { dir: 'rtl', lang: 'ar' });
  // A theme's rule on every element, the widget's own included, beats its :host rules.
  document.head.append(
    Object.assign(document.createElement('style'), {
      textContent: '* { direction: rtl; line-height: 2 }',
    }),
  );
}
// reset-advised is the same theme with the README's advice: Lantern's elements left out of it.
if (host === 'reset' || host === 'reset-advised') {
  const spared =
    host === 'reset'
      ? ''
      : ', lantern-article-card, lantern-article-list, lantern-story-navigator, lantern-report-download';
  document.head.append(
    Object.assign(document.createElement('style'), {
      textContent: `*:where(:not(html, iframe, canvas, img, svg, video, audio${spared}):not(svg *, symbol *)) {
  all: unset;
  display: revert;
}
body {
  font-size: 20px;
  color: #502;
  text-align: justify;
  text-transform: uppercase;
  font-style: italic;
  font-weight: 700;
  white-space: pre-line;
}`,
    }),
  );
}
document.documentElement.dataset.host = host || 'plain';
