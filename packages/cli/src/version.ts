import pkg from '../package.json' with { type: 'json' };

/** The CLI's version, imported from its package.json so that a bundle carries it too. */
export const CLI_VERSION: string = pkg.version;
