// Adds the host stylesheet named by ?host= (bootstrap, tailwind, wordpress; none = plain page);
// rtl is a right-to-left page in Arabic (its theme sets direction and line height on every element),
// where the widgets speak English and read left to right.
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
document.documentElement.dataset.host = host || 'plain';
