// Every tool of tools.json, called by the TypeScript SDK client with its required arguments missing and
// with ids that exist nowhere: the model must get a tool result with isError: true whose text names what
// is wrong. A thrown error (e.g. McpError -32602 because the client's output-schema check rejected the
// result) means the model never sees our message, so it counts as a failure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { unknownIdCall } from './support/arguments.mjs';
import { CATALOGUE, TRANSPORTS, textOf } from './support/server.mjs';

const CALL_TIMEOUT_MS = 30_000;

/** The call's result, or what it threw. */
async function attempt(client, name, args) {
  try {
    return { result: await client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS }) };
  } catch (error) {
    return { thrown: error };
  }
}

/**
 * What is wrong with one answer, or null: it must be a tool error whose text satisfies `names`.
 * `what` says which call it was, `expected` what the text should have named.
 */
function problem(what, outcome, names, expected) {
  if (outcome.thrown) {
    const code = outcome.thrown.code === undefined ? '' : ` ${outcome.thrown.code}`;
    return `${what}: threw${code} "${outcome.thrown.message}" instead of answering a tool result with isError: true`;
  }
  const { result } = outcome;
  const text = textOf(result);
  if (result.isError !== true) return `${what}: answered isError ${result.isError}, not true: ${text.slice(0, 300)}`;
  if (result.structuredContent !== undefined) {
    return `${what}: the error carries structuredContent ${JSON.stringify(result.structuredContent).slice(0, 200)}`;
  }
  if (!names(text)) return `${what}: the text does not name ${expected}: "${text.slice(0, 300)}"`;
  return null;
}

for (const transport of TRANSPORTS) {
  describe(`every tool's errors over ${transport.name}`, () => {
    let server;
    let offered;
    before(async () => {
      server = await transport.start();
      // This also gives the client each tool's outputSchema, which it then checks every result against.
      offered = (await server.client.listTools()).tools.map((tool) => tool.name).sort();
    });
    after(async () => {
      await server?.stop();
    });

    test('tools/list offers every tool of tools.json', async () => {
      assert.deepEqual(offered, CATALOGUE.map((tool) => tool.name).sort());
    });

    for (const tool of CATALOGUE) {
      test(tool.name, async (t) => {
        const required = tool.inputSchema.required ?? [];
        const idCall = unknownIdCall(tool);
        if (required.length === 0 && idCall === null) {
          t.skip('requires nothing and takes no id');
          return;
        }
        const failures = [];
        if (required.length > 0) {
          const outcome = await attempt(server.client, tool.name, {});
          failures.push(problem('with no arguments', outcome, (text) => required.some((field) => text.includes(field)),
            `a missing required field (${required.join(', ')})`));
        }
        if (idCall !== null) {
          const ids = Object.values(idCall.unknown).flat();
          const fields = Object.keys(idCall.unknown);
          const outcome = await attempt(server.client, tool.name, idCall.args);
          failures.push(problem(`with unknown ${fields.join(', ')} ${JSON.stringify(idCall.args)}`, outcome,
            (text) => [...fields, ...ids].some((word) => text.includes(word)), `the field or the unknown id`));
        }
        const found = failures.filter(Boolean);
        if (found.length > 0) assert.fail(`${tool.name} over ${transport.name}:\n  - ${found.join('\n  - ')}`);
      });
    }
  });
}
