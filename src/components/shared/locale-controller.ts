import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  canonical,
  loadMessages,
  messagesFor,
  messagesReady,
  resolveLocale,
  type Messages,
} from '../../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Widgets resolve their language from the closest `[lang]`, so a host page (or a single-page
 * app) that changes an ancestor's `lang` re-renders them: one observer for all of them.
 */
const connected = new Set<Host>();
let observer: MutationObserver | undefined;

function watch(host: Host): void {
  connected.add(host);
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const each of connected) each.requestUpdate();
  });
  // (A filter implies `attributes: true`.)
  observer.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
}

function unwatch(host: Host): void {
  connected.delete(host);
  if (connected.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * The widget's language: its own `lang`, else the closest `[lang]` ancestor, else the
 * document's. Resolved once per update (not once per string), with the interface text for it;
 * Korean text is loaded on first need, and the widget updates when it arrives.
 */
export class LocaleController implements ReactiveController {
  private resolved: string | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    watch(this.host);
  }

  hostDisconnected(): void {
    unwatch(this.host);
  }

  hostUpdate(): void {
    this.resolved = undefined;
    const locale = this.locale;
    // A page whose language changed to Korean after load: English until its text arrives.
    if (!messagesReady(locale)) void loadMessages(locale).then(() => this.host.requestUpdate());
  }

  hostUpdated(): void {
    this.resolved = undefined;
  }

  get locale(): string {
    // On the server (@lit-labs/ssr) an element knows only its own attributes.
    return (this.resolved ??= isServer
      ? canonical(this.host.getAttribute('lang') || 'en')
      : resolveLocale(this.host));
  }

  get messages(): Messages {
    return messagesFor(this.locale);
  }

  /**
   * `true` when the interface text for the widget's language is there (content can show in the
   * reader's language at once), else a promise that resolves when it has loaded.
   */
  whenReady(): true | Promise<void> {
    return messagesReady(this.locale) || loadMessages(this.locale);
  }
}
