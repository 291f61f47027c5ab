// Preloaded (`node --import`) into the conformance CLI by scripts/conformance. The CLI has no option for
// request headers, and our /mcp needs an API key, so this adds `Authorization: Bearer $CONFORMANCE_API_KEY`
// to every request it sends to the origin of $CONFORMANCE_URL, and to nothing else. It installs undici's
// global dispatcher, which both Node's fetch (the suite's MCP client) and the undici package (its raw
// requests, e.g. dns-rebinding-protection) go through. The server under test is left exactly as it ships.
import { createRequire } from 'node:module';

const key = process.env.CONFORMANCE_API_KEY;
const url = process.env.CONFORMANCE_URL;
const suite = process.env.CONFORMANCE_PACKAGE; // the suite's package.json: resolve undici as the suite does
if (!key || !url || !suite) {
  throw new Error('conformance-key.mjs needs CONFORMANCE_API_KEY, CONFORMANCE_URL and CONFORMANCE_PACKAGE');
}
const { Agent, setGlobalDispatcher } = createRequire(suite)('undici');
const target = new URL(url).origin;
const bearer = `Bearer ${key}`;

function hasAuthorization(names) {
  return names.some((name) => String(name).toLowerCase() === 'authorization');
}

/** The same headers plus Authorization, in whichever shape undici was given them. */
function withKey(headers) {
  if (headers == null) {
    return { authorization: bearer };
  }
  if (Array.isArray(headers)) {
    if (headers.length > 0 && Array.isArray(headers[0])) {
      return hasAuthorization(headers.map(([name]) => name)) ? headers : [...headers, ['authorization', bearer]];
    }
    const names = headers.filter((_, i) => i % 2 === 0);
    return hasAuthorization(names) ? headers : [...headers, 'authorization', bearer];
  }
  if (typeof headers[Symbol.iterator] === 'function') {
    const pairs = [...headers];
    return hasAuthorization(pairs.map(([name]) => name)) ? pairs : [...pairs, ['authorization', bearer]];
  }
  return hasAuthorization(Object.keys(headers)) ? headers : { ...headers, authorization: bearer };
}

class KeyAgent extends Agent {
  dispatch(options, handler) {
    let origin;
    try {
      origin = new URL(String(options.origin)).origin;
    } catch {
      origin = undefined;
    }
    return super.dispatch(origin === target ? { ...options, headers: withKey(options.headers) } : options, handler);
  }
}

setGlobalDispatcher(new KeyAgent());
