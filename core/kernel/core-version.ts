// The core version modules declare compatibility with (semver).
export const CORE_VERSION = '0.1.0'
