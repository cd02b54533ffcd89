import type { Severity } from "../diagnostics/diagnostic.js";
import type { ConfigDocument, Span } from "../ast/config-document.js";
import type { XenTree } from "../host/read-host.js";
import type { DomainConfig } from "../domain/domain-config.js";
import type { TextEdit } from "../edit/text-edit.js";
import type { XenVersion } from "./xen-version.js";

/** A rule's report before the engine applies severity overrides and suppressions. */
export interface RuleReport {
  /** The document the finding is in; its file name and line index locate the span. */
  doc: ConfigDocument;
  span: Span;
  /** A key of the rule's `messages`. */
  messageId: string;
  /** Values for the message template's `{{placeholders}}`. */
  data?: Record<string, string | number>;
  /** Edits to `doc` that fix the finding safely; applied only with --fix. */
  fix?: TextEdit[];
  /** A fix kind that is applied only when asked for by name (`--fix-type split-spec`). */
  fixType?: string;
  /**
   * The severity of this one finding when it differs from the rule's default (directive-duplicate is a
   * warning, but an error for network-script). A severity set in the config file still wins.
   */
  severity?: Severity;
}

/** What a rule sees: every tree of the lint run, once, and a way to report. Rules never do I/O. */
export interface RuleContext {
  trees: readonly XenTree[];
  /** Every guest of every tree, with the tree it belongs to. */
  guests: readonly { guest: DomainConfig; tree: XenTree }[];
  /** The Xen version the user named (--xen or the config file); undefined accepts any xend-era version. */
  xen: XenVersion | undefined;
  /** Bridges the config file declares (made by the distro's own network config). */
  declaredBridges: readonly string[];
  report(r: RuleReport): void;
}

export interface RuleDefinition {
  /** kebab-case `<subject>-<problem>`; an interface: users write it in suppressions and CI configs. */
  id: string;
  severity: Severity;
  /** One line for `xencfg rules`, SARIF and the docs index. */
  description: string;
  /** Message templates keyed by message id, with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /** Whether the rule offers safe fixes. */
  fixable?: boolean;
  check(ctx: RuleContext): void;
}

export function defineRule<T extends RuleDefinition>(rule: T): T {
  return rule;
}
