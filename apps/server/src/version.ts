import pkg from '../package.json' with { type: 'json' };

/** The server's version, imported from its package.json so that a bundle carries it too. */
export const SERVER_VERSION: string = pkg.version;
