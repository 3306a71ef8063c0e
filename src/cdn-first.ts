// Runs in the CDN entries after host-page.ts and before any element is defined.
import { requireStyleSheets } from './components/shared/host-page.js';

requireStyleSheets();
