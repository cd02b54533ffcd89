// The library surface of xencfg. Everything here is stable API; deeper modules may change.
export { VERSION } from "./version.js";
export type { Diagnostic, Severity } from "./diagnostics/diagnostic.js";
export { formatDiagnostic, codeFrame } from "./diagnostics/code-frame.js";
export { LineIndex } from "./diagnostics/line-index.js";
export { ConfigDocument, type ParseOptions, type Span } from "./ast/config-document.js";
export { XendConfig, parseXendConfig, scriptCallSource, type XendDirective } from "./xend/xend-config.js";
export type { ScriptCall, ScriptArg } from "./xend/script-call.js";
export type { SxpValue } from "./xend/sxp-value.js";
export { DomainConfig, parseDomainConfig, type Setting } from "./domain/domain-config.js";
export type { ConfigValue } from "./domain/domain-value.js";
export { VifSpec, KNOWN_VIF_KEYS, type VifKeyEntry } from "./domain/vif-spec.js";
export { applyTextEdits, type TextEdit } from "./edit/text-edit.js";
export { quoteConfigString } from "./edit/quote.js";
export { decodeConfigBytes, type DecodeResult } from "./text/decode.js";
export { parseConfigFile, detectFormat, type ConfigFormat, type ParsedFile } from "./parse-file.js";
export { readHosts, type XenTree, type HostRead, type SkippedFile } from "./host/read-host.js";
export { notGuestReason } from "./host/guest-files.js";
