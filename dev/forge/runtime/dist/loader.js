'use strict';
/*
 * Forge's node runtime loader (`__forge__.cjs` in a bundle), local edition. Atlassian's loader is not
 * published; in Forge it picks the platform's current runtime wrapper. Locally there is only one: the
 * wrapper @forge/bundler copied beside this file as `__forge_wrapper__.cjs` (NodeSandbox names it in
 * FORGE_CUSTOM_WRAPPER_FILE_NAME). See docs/local-runtime.md.
 */
const path = require('path');

const wrapperFile = process.env.FORGE_CUSTOM_WRAPPER_FILE_NAME || '__forge_wrapper__.cjs';
module.exports = require(path.join(__dirname, wrapperFile));
