import { css } from 'lit';

/**
 * Public `--lantern-*` tokens aliased to private `--_*` properties, so a partner changes one
 * token and every widget follows. Colours use `light-dark()`: they follow the host's
 * `color-scheme` unless `theme` says otherwise.
 *
 * The `@cssprop` lines below are the one place the shared tokens are documented:
 * custom-elements-manifest.config.mjs copies them into every element's manifest entry (an
 * element's own JSDoc lists only its own tokens).
 *
 * @cssprop --lantern-font-family - Font family (default: inherited from the host page).
 * @cssprop --lantern-font-size - Base size; everything scales from it (default: the reader's browser text size, not the host's root size).
 * @cssprop --lantern-color-text - Text colour.
 * @cssprop --lantern-color-muted - Secondary text colour (dates, bylines, "Part 3 of 3").
 * @cssprop --lantern-color-surface - Background.
 * @cssprop --lantern-color-surface-raised - Raised background: image placeholders, hover, the current part, the copy field.
 * @cssprop --lantern-color-border - Border colour.
 * @cssprop --lantern-color-accent - Links, tags, part numbers and buttons.
 * @cssprop --lantern-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --lantern-color-warning-surface - Content warning background.
 * @cssprop --lantern-color-warning-text - Content warning text.
 * @cssprop --lantern-radius - Corner radius.
 * @cssprop --lantern-space - Inner spacing (and the gap between a list's cards).
 * @cssprop --lantern-focus-ring - Focus outline.
 */
export const hostStyles = css`
  :host {
    --_font-family: var(--lantern-font-family, inherit);
    --_text: var(--lantern-color-text, light-dark(#1c1c1e, #f2f2f4));
    --_muted: var(--lantern-color-muted, light-dark(#55565c, #b4b5bc));
    --_surface: var(--lantern-color-surface, light-dark(#ffffff, #1d1e22));
    --_surface-raised: var(--lantern-color-surface-raised, light-dark(#f3f3f5, #2a2b31));
    --_border: var(--lantern-color-border, light-dark(#d4d4da, #45464e));
    --_accent: var(--lantern-color-accent, light-dark(#9a3412, #fdba74));
    --_on-accent: var(--lantern-color-on-accent, light-dark(#ffffff, #1c1c1e));
    --_warning-bg: var(--lantern-color-warning-surface, light-dark(#fff4e5, #3a2a12));
    --_warning-text: var(--lantern-color-warning-text, light-dark(#6b3a00, #ffd8a8));
    --_radius: var(--lantern-radius, 0.5em);
    --_space: var(--lantern-space, 1em);
    --_focus-ring: var(--lantern-focus-ring, 3px solid light-dark(#1d4ed8, #93c5fd));

    /* Every property a host page may set on an ancestor, inherited ones included (font style and
       weight, letter and word spacing, text transform, alignment and indent, white space, word
       breaking, hyphens, shadows, text fill, visibility, cursor…): back to its initial value, so
       the widget looks the same everywhere. Custom properties (the tokens), direction and
       unicode-bidi are not part of \`all\`; what the widget needs is set again below. */
    all: initial;
    /* A widget that is a size container (a report, a horizontal card, a list, a compact
       navigator) has no width of its own: in a box that shrinks to fit (a flex row or a float
       with no width) it vanished. It is one list column wide there instead (and at least that
       wide: at most 80vw, so a float on a phone fits). Other cards and navigators are not size
       containers: as the page's own text, they shrink with the row, down to a word. */
    contain-intrinsic-inline-size: min(20em, 80vw);
    /* Given back after \`all\`, what the page decides for its own sake: an inert region (a page
       behind a dialog) stays inert, and a phone enlarges the text only as much as the page's.
       \`revert\` falls back to the browser's own rule (\`[inert]\`), else inherits. */
    interactivity: revert;
    -webkit-text-size-adjust: revert;
    text-size-adjust: revert;
    /* English and Korean read left to right, on a right-to-left page too (important: a page's
       own \`* { direction: rtl }\` beats \`:host\`); a block of text, or text in a language of its
       own, takes its direction from its first letter (below). Lines 1.5 high whatever the page
       says, as the placeholders are. */
    direction: ltr !important;
    line-height: 1.5 !important;
    /* The same for the inherited text properties a theme sets on its body: a theme that resets
       every element (\`* { all: unset }\`, "the new CSS reset") beats \`all: initial\` here and
       would let its body's size, colour, case, alignment and weight into the widget. Not letter
       and word spacing: a reader's text-spacing tool (WCAG 1.4.12) sets them on every element
       of the page, this one included, and they must reach the widget's text. */
    font-size: var(--lantern-font-size, medium) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    text-transform: none !important;
    text-align: start !important;
    white-space: normal !important;
    color: var(--_text) !important;
    display: block;
    box-sizing: border-box;
    color-scheme: inherit;
    font-family: var(--_font-family);
    /* Feed text of any length wraps, Korean under keep-all included, and never sets a minimum width. */
    overflow-wrap: anywhere;
    /* A host in a flex or grid row shrinks with it instead of growing to its content. */
    min-width: 0;
    max-width: 100%;
    /* Ink drawn outside line boxes (stacked combining marks) stops at the widget's edge; the
       margin keeps focus rings whole. */
    overflow: clip;
    overflow-clip-margin: 0.5em;
  }
  :host([hidden]) {
    display: none;
  }
  /* The font family is the page's, or the one a partner gives the element, unless
     --lantern-font-family says otherwise; said again inside, where a reset theme cannot undo it. */
  :host > * {
    font-family: var(--_font-family);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  /* A block of text, or text in a language of its own, runs in the direction of its first
     letter: an Arabic story right to left, whether or not its feed names its language. */
  :is(p, h2, h3, h4, h5, h6, li, [lang]) {
    unicode-bidi: plaintext;
  }
  /* Korean breaks between words: a widget's content is under its interface language's lang
     (every element's base and error box carry it) or its item's. */
  [lang|='ko'] {
    word-break: keep-all;
  }
  /* border-box, not inherit: a host rule such as * { box-sizing: content-box } beats :host. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  /* Whatever has keyboard focus: links, buttons, the copy field, a heading focused on a part change. */
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  img {
    max-width: 100%;
  }
  /* Out of the flow, one clipped pixel at its place in the text; it needs no negative margin. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font-size: 0.9375em;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_surface-raised);
  }
  .button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .error {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error p {
    margin: 0;
  }
  .error .cause {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* Above a card's title link, which stretches over the card: a tap on the warning reads it,
     and a gate's "Show content" button (below) stays clickable. */
  .content-warning,
  .reveal {
    position: relative;
    z-index: 1;
  }
  .content-warning {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid currentColor;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_warning-bg);
    color: var(--_warning-text);
    font-size: 0.875em;
  }
  /* Bold whatever weight a partner gives the widget (the browser's bolder is relative). */
  .content-warning strong {
    font-weight: 700;
  }
  /* A warning that gates content: the note, then its "Show content" button. */
  .warning-gate {
    display: grid;
    gap: 0.4em;
  }
  /* The button as wide as its words; the warning across the gate. */
  .reveal {
    justify-self: start;
  }
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125em;
    font-style: italic;
  }
  .skeleton-block {
    border-radius: calc(var(--_radius) / 2);
    background: light-dark(#e7e7eb, #34353c);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-block {
      animation: lantern-pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes lantern-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (forced-colors: active) {
    /* Forced colours draw every author border in a system colour (CanvasText, LinkText on a
       link: a card's, a button's; forced-colors.test.ts): only the warning, whose border is
       one side, gets a box. */
    .content-warning {
      border: 1px solid CanvasText;
    }
    .skeleton-block {
      forced-color-adjust: none;
      background: GrayText;
    }
    /* Every focus ring (the card's on its box too) in the system's focus colour. */
    :host {
      --_focus-ring: 2px solid Highlight;
    }
  }
`;
