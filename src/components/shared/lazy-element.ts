/**
 * The shells `lantern.js` defines the list, the navigator and the report with (src/cdn.ts): each
 * loads its element's own chunk when the first one is connected (anywhere: in the document or
 * in a shadow root), and then becomes that element.
 *
 * The shell becomes the real element when its chunk arrives: its class then inherits from the
 * real class, so an element made after that is a real one from its constructor on, and an
 * element made before it (an "early" one) gets the rest of its construction then (`setup()`,
 * its attributes read again, properties set meanwhile kept) before it first renders. Until then
 * an early element is in the `pending` custom state, which `lantern.css` reserves a box for.
 *
 * A module of its own (not in lantern.js itself) so it travels in the core chunk, compressed
 * with the Lit code whose words it shares.
 */
import { LanternElement } from './lantern-element.js';
import { setState } from './states.js';

/** The base class as the shell sees it: a concrete class (the shell never renders before it is the real one). */
const Base = LanternElement as unknown as {
  new (): LanternElement<unknown>;
  readonly observedAttributes: string[];
  defineAs(tag: string): void;
};
/** What Lit keeps per class, read again when the shell's class becomes the real one. */
type Finalizing = { finalized?: true; elementProperties?: unknown; finalize(): void };
type Early = HTMLElement & {
  setup(): void;
  connectedCallback(): void;
  attributeChangedCallback(name: string, old: null, value: string | null): void;
} & Record<string, unknown>;

/**
 * The list's, navigator's and report's own properties: `name` (all lower case), or
 * `name:attribute` when the attribute is another word. One list for the three shells: a
 * property or attribute the real element lacks is not one it reacts to, so observing or
 * declaring it does no harm.
 */
const properties =
  'limit tag layout cardLayout:card-layout series partNumber:part mode variant remember'
    .split(' ')
    .map((p) => p.split(':'))
    .map(([name, attribute = name]) => [name!, attribute!] as const);

/** Their public methods: called before the element's code has arrived, they wait for it. */
const methods = ['loadMore', 'showPart'];

export const loaders: Record<string, () => Promise<unknown>> = {};

/**
 * Defines `tag` as a shell of the class `load` brings: the only value its module exports (the
 * `src/define/` modules export just their class; a test checks each shell became its class).
 */
export function lazyElement(tag: string, load: () => Promise<object>): void {
  /** Early elements, with the custom states that hold `pending` (none in older browsers). */
  const early = new Map<Early, CustomStateSet | undefined>();
  let loading: Promise<unknown> | undefined;
  let loaded = false;

  // Abstract for the compiler only: a shell never renders before its class is the real one.
  abstract class Shell extends Base {
    static override get observedAttributes(): string[] {
      // The browser reads this once, at `define`: the real class's attributes must be in it.
      return [...super.observedAttributes, ...properties.map(([, a]) => a)];
    }

    constructor() {
      super();
      if (!loaded) {
        // Older browsers have no custom states, or only `--` names: no reserved box there.
        const states = this.attachInternals?.().states as CustomStateSet | undefined;
        setState(states, 'pending', true);
        early.set(this as unknown as Early, states);
      }
    }

    override connectedCallback(): void {
      if (loaded) super.connectedCallback();
      else void define();
    }

    // The browser keeps the lifecycle callbacks it found at `define`: these forward to the real
    // class's once the shell has become it. (Disconnecting one early is harmless.)
    override disconnectedCallback(): void {
      super.disconnectedCallback();
    }
  }
  const proto = Shell.prototype as unknown as Record<string, unknown>;
  // `partNumber in element` is how React and Vue choose a property over an attribute.
  for (const [p] of properties) proto[p] = undefined;
  for (const m of methods) {
    proto[m] = function (this: Early, ...args: unknown[]) {
      // Once the code is there and the element has rendered (an element never connected waits).
      return define().then(
        () =>
          loaded &&
          (this.updateComplete as Promise<unknown>).then(() =>
            (this[m] as (...a: unknown[]) => unknown)(...args),
          ),
      );
    };
  }

  const define = (): Promise<unknown> =>
    (loading ??= load().then(
      (module) => adopt(Object.values(module)[0] as CustomElementConstructor),
      (cause: unknown) => {
        loading = undefined; // the next element connected tries again
        console.warn(`<${tag}>: could not load its code`, cause);
      },
    ));
  loaders[tag] = define;

  function adopt(Real: CustomElementConstructor): void {
    loaded = true;
    Object.setPrototypeOf(Shell, Real);
    Object.setPrototypeOf(proto, Real.prototype);
    for (const p of [...properties.map(([p]) => p), ...methods]) delete proto[p];
    const statics = Shell as unknown as Finalizing;
    delete statics.finalized;
    delete statics.elementProperties;
    statics.finalize();
    for (const [element, states] of early) {
      // Properties set on it meanwhile (own data properties now) go through the real setters.
      const kept: Record<string, unknown> = {};
      for (const [p] of properties) {
        if (Object.hasOwn(element, p)) {
          kept[p] = element[p];
          delete element[p];
        }
      }
      element.setup();
      // Its own attributes, which the base class could not read yet (the base class's own were
      // read when set: reading them again would undo a property set since), then the properties.
      for (const [p, a] of properties) {
        if (element.hasAttribute(a))
          element.attributeChangedCallback(a, null, element.getAttribute(a));
        if (p in kept) element[p] = kept[p];
      }
      setState(states, 'pending', false);
      if (element.isConnected) element.connectedCallback();
    }
    early.clear();
  }
  (Shell as unknown as typeof Base).defineAs(tag);
}
