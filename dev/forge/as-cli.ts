/**
 * Import before anything loads @forge/bundler (directly, or through @forge/tunnel).
 *
 * The Forge CLI is a CommonJS program, and @forge/bundler refuses to run without `require.main`,
 * which each CommonJS module captures when it loads. Under an ES-module entry (tsx) there is none:
 * name this module as the main one first.
 */
process.mainModule ??= { filename: import.meta.filename } as NodeJS.Module;

export {};
