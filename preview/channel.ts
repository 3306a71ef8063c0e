/**
 * The preview page's side of the frame channel: sends the frame each new widget, and keeps what
 * the frame reports (ready, its height, the widget's load or error, a link clicked).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isFromFrame, type ToFrame, type WidgetConfig } from './protocol.js';

/** What the widget in the frame last reported. */
export type WidgetStatus =
  | { kind: 'loading' }
  | { kind: 'missing'; tag: string }
  | { kind: 'ready'; items: number }
  | { kind: 'error'; message: string };

export class FrameChannel implements ReactiveController {
  status: WidgetStatus = { kind: 'loading' };
  /** Where a link the reader clicked in the frame would have gone. */
  linkNote = '';
  height = 480;
  /**
   * Called when the reader moves to another part inside the frame. The frame already shows it,
   * so the next `send`, made for that part, only takes note of it.
   */
  onPart: (part: number) => void = () => {};
  private ready = false;
  private shownByFrame = false;
  private serial = 0;
  private lastSent = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly frame: () => HTMLIFrameElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('message', this.receive);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.receive);
  }

  /**
   * Shows `config` in the frame, unless the frame is not ready yet or already shows it. Call it
   * before rendering: it resets the status it changes.
   */
  send(config: Omit<WidgetConfig, 'serial'>): void {
    if (!this.ready) return;
    const key = JSON.stringify(config);
    if (this.shownByFrame) {
      this.shownByFrame = false;
      this.lastSent = key;
      return;
    }
    if (key === this.lastSent) return;
    this.wait();
    this.lastSent = key;
    this.serial++;
    const message: ToFrame = {
      type: 'lantern-preview:render',
      config: { ...config, serial: this.serial },
    };
    this.frame()?.contentWindow?.postMessage(message, location.origin);
  }

  /** The next `send` goes through even if unchanged (the frame was hidden meanwhile). */
  forget(): void {
    this.lastSent = '';
    this.shownByFrame = false;
  }

  /**
   * The page is (re)reading the feed the next widget shows: the one in the frame no longer
   * stands for what partners will see, and the next `send` goes through even if unchanged
   * ("Load feed" again reads the feed again). Call it before rendering, like `send`.
   */
  wait(): void {
    this.forget();
    this.status = { kind: 'loading' };
    this.linkNote = '';
  }

  private readonly receive = (event: MessageEvent): void => {
    if (event.origin !== location.origin || event.source !== this.frame()?.contentWindow) return;
    const data: unknown = event.data;
    if (!isFromFrame(data)) return;
    if ('serial' in data && data.serial !== this.serial) return;
    switch (data.type) {
      case 'lantern-preview:ready':
        this.ready = true;
        this.lastSent = '';
        break;
      case 'lantern-preview:height':
        this.height = Math.max(120, data.height);
        break;
      case 'lantern-preview:event':
        this.status =
          data.event === 'lantern-load'
            ? { kind: 'ready', items: data.detail.items ?? 1 }
            : { kind: 'error', message: data.detail.message ?? '' };
        break;
      case 'lantern-preview:missing':
        this.status = { kind: 'missing', tag: data.tag };
        break;
      case 'lantern-preview:link':
        this.linkNote = data.href;
        break;
      case 'lantern-preview:part':
        this.shownByFrame = true;
        this.onPart(data.part);
        break;
    }
    this.host.requestUpdate();
  };
}
