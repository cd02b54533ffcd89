import type { RuleDefinition } from "../rule.js";
// One import line and one list entry per rule, both in alphabetical order; the id is the file name.
import bridgeUndefined from "./bridge-undefined.js";
import directiveDuplicate from "./directive-duplicate.js";
import directiveType from "./directive-type.js";
import directiveUnknown from "./directive-unknown.js";
import macCase from "./mac-case.js";
import macDuplicate from "./mac-duplicate.js";
import macMissing from "./mac-missing.js";
import macMulticast from "./mac-multicast.js";
import macNotXenOui from "./mac-not-xen-oui.js";
import macSyntax from "./mac-syntax.js";
import nameDuplicate from "./name-duplicate.js";
import netdevTooLong from "./netdev-too-long.js";
import networkBridgeNetdevImplicit from "./network-bridge-netdev-implicit.js";
import networkScriptIgnored from "./network-script-ignored.js";
import networkScriptMissing from "./network-script-missing.js";
import networkScriptUnknownArg from "./network-script-unknown-arg.js";
import networkScriptUnquotedArgs from "./network-script-unquoted-args.js";
import scriptFamilyMismatch from "./script-family-mismatch.js";
import syntax from "./syntax.js";
import vifBridgeInvalid from "./vif-bridge-invalid.js";
import vifDeprecatedKey from "./vif-deprecated-key.js";
import vifDuplicateKey from "./vif-duplicate-key.js";
import vifIpNoop from "./vif-ip-noop.js";
import vifIpSyntax from "./vif-ip-syntax.js";
import vifNotList from "./vif-not-list.js";
import vifRateSyntax from "./vif-rate-syntax.js";
import vifScriptIgnoresBridge from "./vif-script-ignores-bridge.js";
import vifSplitSpec from "./vif-split-spec.js";
import vifTypeModel from "./vif-type-model.js";
import vifUnknownKey from "./vif-unknown-key.js";
import vifVlanSyntax from "./vif-vlan-syntax.js";
import vifnameDuplicate from "./vifname-duplicate.js";
import vifnameInvalid from "./vifname-invalid.js";
import vifnameTooLong from "./vifname-too-long.js";
import wrapperBridgeGuard from "./wrapper-bridge-guard.js";
import xlWhitespace from "./xl-whitespace.js";
import xmPython from "./xm-python.js";

/** Every rule xencfg runs, the list `xencfg rules` prints and the docs test walks. */
export const allRules: readonly RuleDefinition[] = [
  bridgeUndefined,
  directiveDuplicate,
  directiveType,
  directiveUnknown,
  macCase,
  macDuplicate,
  macMissing,
  macMulticast,
  macNotXenOui,
  macSyntax,
  nameDuplicate,
  netdevTooLong,
  networkBridgeNetdevImplicit,
  networkScriptIgnored,
  networkScriptMissing,
  networkScriptUnknownArg,
  networkScriptUnquotedArgs,
  scriptFamilyMismatch,
  syntax,
  vifBridgeInvalid,
  vifDeprecatedKey,
  vifDuplicateKey,
  vifIpNoop,
  vifIpSyntax,
  vifNotList,
  vifRateSyntax,
  vifScriptIgnoresBridge,
  vifSplitSpec,
  vifTypeModel,
  vifUnknownKey,
  vifVlanSyntax,
  vifnameDuplicate,
  vifnameInvalid,
  vifnameTooLong,
  wrapperBridgeGuard,
  xlWhitespace,
  xmPython,
];
