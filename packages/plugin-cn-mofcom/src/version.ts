import pkg from '../package.json' with { type: 'json' };

/** This package's version, imported from its package.json so that a bundle carries it too. */
export const PACKAGE_VERSION: string = pkg.version;

/**
 * The `@chokepoint/core` versions this plugin works with (its manifest's `core`): the peer dependency range of its
 * package.json, so that npm and the engine accept the same cores, and a release that versions both moves them together.
 */
export const CORE_RANGE: string = pkg.peerDependencies['@chokepoint/core'];
