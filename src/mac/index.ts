export * from "./mac-address.js";
export * from "./mac-pool.js";
export * from "./random-source.js";
export * from "./generate-mac.js";
export * from "./stable-mac.js";
export * from "./next-free-mac.js";
export * from "./mac-allocator.js";
export * from "./guest-device.js";
