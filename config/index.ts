/**
 * The config contract (../shared/CONFIG.md): a thin reader of Pulumi's config, a pure validator
 * that reports every problem at once, one file per section returning that component's settings,
 * and the formats and limits values are held to.
 */
export { loadSettings, readRawConfig } from "./reader";
export { parseConfigValue } from "./values";
export { DEFAULTS, PROJECT, type Settings } from "./settings";
export { ConfigError, type RawConfig, validateConfig } from "./validator";
