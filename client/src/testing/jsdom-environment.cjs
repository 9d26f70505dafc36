// jsdom without the fetch API's classes, which a data router builds its navigations from: they are
// taken from Node, with Node's AbortController so that a Request accepts the router's signal.
const JsdomEnvironment = require('jest-environment-jsdom').default;

module.exports = class JsdomWithFetchEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['Request', 'Response', 'Headers', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
  }
};
