// scripts/server-modules.mjs registers a module hook when imported; it exports nothing.
export {};
