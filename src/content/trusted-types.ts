/**
 * The one Trusted Types policy. Under `require-trusted-types-for 'script'` every string handed to
 * an HTML or XML parser must pass through a policy; partners allow the name `lantern`, and a
 * name can be created only once per page, so the sanitiser and the XML reader share this one.
 */

interface TrustedTypesLike {
  createPolicy(name: string, rules: object): unknown;
}

/** What a created policy offers: the string comes back as a `TrustedHTML`. */
export interface LanternPolicy {
  createHTML(input: string): string;
}

let policy: LanternPolicy | null | undefined;

/** The `lantern` policy, created on first use; `undefined` where Trusted Types do not exist. */
export function lanternPolicy(): LanternPolicy | undefined {
  if (policy === undefined) policy = createPolicy();
  return policy ?? undefined;
}

function createPolicy(): LanternPolicy | null {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return null;
  try {
    return tt.createPolicy('lantern', {
      // Only inert parsers receive these strings: DOMPurify (which sanitises what it parses)
      // and DOMParser for feed XML (a document with no scripts, loads or browsing context).
      createHTML: (input: string) => input,
      createScriptURL: () => {
        throw new TypeError('lantern: script URLs are never created from content');
      },
    }) as LanternPolicy;
  } catch {
    return null;
  }
}
