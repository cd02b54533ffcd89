/** The rules of the guest files (and the reader's pseudo-rules): tests whose goldens must not move when a host rule changes use this list. */
export const GUEST_RULE_IDS: ReadonlySet<string> = new Set([
  "syntax", "xm-python", "mac-syntax", "mac-multicast", "mac-duplicate", "mac-not-xen-oui", "mac-case", "mac-missing",
  "vif-split-spec", "vif-unknown-key", "vif-duplicate-key", "vifname-too-long", "vifname-invalid", "vif-ip-syntax",
  "vif-rate-syntax", "vif-ip-noop", "vif-type-model", "vif-deprecated-key", "vif-bridge-invalid", "vif-vlan-syntax",
  "name-duplicate", "vifname-duplicate", "vif-not-list", "xl-whitespace",
]);
