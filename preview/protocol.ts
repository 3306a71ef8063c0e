/** Messages between the preview page and the frame that shows the widget at a true width. */

export type PreviewView = 'widget' | 'partner';

export interface WidgetConfig {
  /** Bumped on every change, so the page can ignore events from a widget it has replaced. */
  serial: number;
  tag: string;
  attributes: Record<string, string | true>;
  /** Data handed over as a property (drafts), exactly as a framework would. */
  data?: { property: 'feed' | 'item'; value: unknown };
  view: PreviewView;
  /** The partner page's own language (it follows the widget's). */
  pageLanguage: 'en' | 'ko';
}

export type ToFrame = { type: 'lantern-preview:render'; config: WidgetConfig };

export type FromFrame =
  | { type: 'lantern-preview:ready' }
  | { type: 'lantern-preview:height'; height: number }
  | {
      type: 'lantern-preview:event';
      serial: number;
      event: 'lantern-load' | 'lantern-error';
      detail: { items?: number; message?: string; kind?: string };
    }
  | { type: 'lantern-preview:link'; serial: number; href: string }
  /** The reader moved to another part inside the frame (the navigator's reader mode). */
  | { type: 'lantern-preview:part'; serial: number; part: number }
  | { type: 'lantern-preview:missing'; serial: number; tag: string };

export function isFromFrame(data: unknown): data is FromFrame {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('lantern-preview:')
  );
}
