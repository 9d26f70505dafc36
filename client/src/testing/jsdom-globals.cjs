// jsdom lacks these Web APIs that react-router uses; Node has them.
const nodeUtil = require('node:util');
Object.assign(globalThis, { TextEncoder: nodeUtil.TextEncoder, TextDecoder: nodeUtil.TextDecoder });
