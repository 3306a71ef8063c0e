/** The staff preview page's entry: registers the app that index.html shows. */
import { StaffPreview } from './app.js';

customElements.define('staff-preview', StaffPreview);
