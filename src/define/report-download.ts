import { LanternReportDownload } from '../components/report-download/report-download.js';

LanternReportDownload.defineAs('lantern-report-download');

export { LanternReportDownload };
export type { LanternDownloadDetail } from '../components/report-download/report-download.js';
