import { defineRule } from "../rule.js";

// tools/libs/util/libxlu_vif.c: the rate, then optionally '@' and the replenishment interval.
const RATE = /^[0-9]+[GMK]?[Bb]\/s$/;
const INTERVAL = /^[0-9]+[mu]?s?$/;
const UINT32_MAX = 0xffffffff;

export default defineRule({
  id: "vif-rate-syntax",
  severity: "error",
  description: "a vif rate= not in xl's form: a number, optional K/M/G, B/s or b/s, optionally @ an interval",
  messages: {
    rate: "rate '{{rate}}' is not xl's form: a number, an optional K, M or G, then B/s (bytes) or b/s (bits), such as 10Mb/s",
    interval: "the interval '{{interval}}' after '@' is not xl's form: a number with s, ms or us, such as 20ms",
    zero: "{{what}} '{{value}}' must be more than 0 and less than 2^32; xl refuses it",
    empty: "rate= has no rate; write one such as 10Mb/s or 1MB/s@20ms",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("rate");
        if (!e) continue;
        const span = e.valueSpan ?? e.span;
        const value = e.value ?? "";
        const at = value.indexOf("@");
        const rate = at === -1 ? value : value.slice(0, at);
        const interval = at === -1 ? undefined : value.slice(at + 1);
        if (rate === "") report({ doc: guest, span, messageId: "empty" });
        else if (!RATE.test(rate)) report({ doc: guest, span, messageId: "rate", data: { rate } });
        else if (!inRange(rate)) report({ doc: guest, span, messageId: "zero", data: { what: "the rate", value: rate } });
        else if (interval !== undefined && !INTERVAL.test(interval)) report({ doc: guest, span, messageId: "interval", data: { interval } });
        else if (interval !== undefined && !inRange(interval)) report({ doc: guest, span, messageId: "zero", data: { what: "the interval", value: interval } });
      }
    }
  },
});

function inRange(text: string): boolean {
  const n = Number(/^[0-9]+/.exec(text)![0]);
  return n > 0 && n <= UINT32_MAX;
}
