// Every tool of tools.json, called by the TypeScript SDK client with its required arguments missing and
// with ids that exist nowhere: the model must get a tool result with isError: true whose text names what
// is wrong. A thrown error (e.g. McpError -32602 because the client's output-schema check rejected the
// result) means the model never sees our message, so it counts as a failure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { unknownIdCall } from './support/arguments.mjs';
import { attempt, errorProblem } from './support/outcomes.mjs';
import { CATALOGUE, TRANSPORTS } from './support/server.mjs';

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
          failures.push(errorProblem('with no arguments', outcome, (text) => required.some((field) => text.includes(field)),
            `a missing required field (${required.join(', ')})`));
        }
        if (idCall !== null) {
          const ids = Object.values(idCall.unknown).flat();
          const fields = Object.keys(idCall.unknown);
          const outcome = await attempt(server.client, tool.name, idCall.args);
          failures.push(errorProblem(`with unknown ${fields.join(', ')} ${JSON.stringify(idCall.args)}`, outcome,
            (text) => [...fields, ...ids].some((word) => text.includes(word)), `the field or the unknown id`));
        }
        const found = failures.filter(Boolean);
        if (found.length > 0) assert.fail(`${tool.name} over ${transport.name}:\n  - ${found.join('\n  - ')}`);
      });
    }
  });
}
