import { defineRule } from "../rule.js";
import { parseMacAsXl } from "../../mac/mac-address.js";

const STRICT = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

/**
 * xl reads each octet with strtoul and skips one separator without looking at it (xl_parse.c
 * parse_nic_config), so it takes `0:16:3e:a:b:c`, `00:16-3e:…`, `00:016:…` and even a dropped digit
 * silently; xm/xend and every tool around them expect six two-digit octets joined by ':'.
 */
export default defineRule({
  id: "mac-syntax",
  severity: "error",
  description: "a vif mac= that is not six two-digit hex octets separated by ':'",
  messages: {
    invalid: "'{{mac}}' is not a MAC address: write six two-digit hex octets separated by ':', such as 00:16:3e:1a:2b:3c",
    loose: "'{{mac}}' is not written as six two-digit hex octets separated by ':'; xl would read it as {{canonical}} (it takes each octet's digits and skips the character after them, so a dropped digit or a stray separator passes unseen), other tools may not. Write {{canonical}} if that is the address meant",
    empty: "mac= has no address; remove it (Xen then picks a random one) or give one such as 00:16:3e:1a:2b:3c",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("mac");
        if (!e) continue;
        const mac = e.value ?? "";
        if (STRICT.test(mac)) continue;
        const span = e.valueSpan ?? e.span;
        if (mac === "") {
          report({ doc: guest, span, messageId: "empty" });
          continue;
        }
        const parsed = parseMacAsXl(mac);
        if (parsed.ok) report({ doc: guest, span, messageId: "loose", data: { mac, canonical: parsed.mac } });
        else report({ doc: guest, span, messageId: "invalid", data: { mac } });
      }
    }
  },
});
