// The Square API version every call pins (square-api.md §1), in one place: the provider's calls
// and the curl that "Copy as curl" writes (credentials/copy-formats.ts) send the same one.
/** `2025-08-20`: the SPEC default the vendored OpenAPI subset was cut from (square-api.md §1, §9). */
export const SQUARE_VERSION = '2025-08-20';
