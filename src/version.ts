/** The package version, named in console messages when two copies meet on one page. */
export const VERSION = '0.2.0';
