export * from "./shell-quote.js";
export * from "./interface-name.js";
export * from "./bridge-pair.js";
export * from "./script-path.js";
export * from "./xend-directive.js";
export * from "./network-wrapper.js";
