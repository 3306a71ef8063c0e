// First, before Lit: undoes the host page's clobbering of Lit's globals (see host-page.ts).
import '../components/shared/host-page.js';
import { LanternReportDownload } from '../components/report-download/report-download.js';

LanternReportDownload.defineAs('lantern-report-download');

export { LanternReportDownload };
export type { LanternDownloadDetail } from '../components/report-download/report-download.js';

declare global {
  interface HTMLElementTagNameMap {
    'lantern-report-download': LanternReportDownload;
  }
}
