/** Input limits: a line or JSON document larger than this is reported, not buffered until memory runs out. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** How much of a file detection and binary sniffing look at. */
export const HEAD_BYTES = 64 * 1024;
