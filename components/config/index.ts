export * from "./types";
export { ConfigError, ConfigIssue, isConfigError, formatIssues } from "./errors";
export { validateSeason, SEASON_KEY } from "./season";
export { loadSeason, stackSecretLookup } from "./load";
export { SecretKeyLookup } from "./secrets";
