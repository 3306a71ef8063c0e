// Adds the host stylesheet named by ?host= (bootstrap, tailwind, wordpress; none = plain page);
// rtl is a right-to-left page in Arabic, where the widgets speak English and read left to right.
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
if (host === 'rtl') Object.assign(document.documentElement, { dir: 'rtl', lang: 'ar' });
document.documentElement.dataset.host = host || 'plain';
