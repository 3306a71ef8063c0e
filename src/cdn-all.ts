/** The CDN file with every element registered up front (`dist/cdn/all/lantern.js`). */
// First, before Lit: undoes the host page's clobbering of Lit's globals (see host-page.ts).
import './components/shared/host-page.js';
import './cdn-first.js';

export * from './index.js';
