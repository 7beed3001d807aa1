import pkg from '../package.json' with { type: 'json' };

/** This package's version, imported from its package.json so that a bundle carries it too. */
export const PACKAGE_VERSION: string = pkg.version;
