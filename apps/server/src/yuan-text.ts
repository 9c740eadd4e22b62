/** A whole-yuan amount as messages write it: 1280000 → "1,280,000". */
export const yuan = (n: number): string => n.toLocaleString('en-US');
