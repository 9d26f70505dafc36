/*
 * NestJS 12 ships ES modules only, which Jest (before Node 24.9) cannot load; jest.config.js
 * compiles them to CommonJS. Two things then need help:
 * - NestJS loads optional packages through `createRequire(import.meta.url)`, which is Node's own
 *   loader and would bypass Jest's module registry, so a second copy of `graphql` and of NestJS's
 *   metadata stores would leak from one test file into the next. It is pointed at Jest's loader.
 * - `export *` compiled to CommonJS copies bindings at load time, so @nestjs/graphql's entry point
 *   is loaded first to keep its internal import cycles in their ES module order.
 */
jest.mock('module', () => ({
  ...jest.requireActual('node:module'),
  createRequire: () => require,
}));
jest.mock('node:module', () => ({
  ...jest.requireActual('node:module'),
  createRequire: () => require,
}));

import '@nestjs/graphql';
