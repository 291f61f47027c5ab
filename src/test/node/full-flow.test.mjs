// A first session as a user's MCP client runs it, over each transport: register a real git repository,
// bind an environment to it, create a replica, send two more messages, read the history until the agent
// has answered all three, delete the replica. No coding_agent is named: the server's default answers
// (the built-in scripted agent, since the server's PATH holds no agent CLI), and the history says which.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attempt, errorProblem } from './support/outcomes.mjs';
import { TRANSPORTS, gitRepository, sleep, textOf } from './support/server.mjs';

const ANSWER_WAIT_MS = 60_000;
const CALL_TIMEOUT_MS = 30_000;

/** Calls a tool that must succeed; returns its structured content. */
async function ok(client, name, args) {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS });
  assert.notEqual(result.isError, true, `${name} ${JSON.stringify(args)} failed: ${textOf(result)}`);
  assert.ok(result.structuredContent, `${name} answered no structuredContent: ${textOf(result)}`);
  return result.structuredContent;
}

/** Whether some agent answer in these events mentions the text (the scripted agent quotes what it got). */
const answered = (events, text) => events.some((event) => /assistant/.test(event.type)
  && JSON.stringify(event.payload ?? {}).includes(text));

for (const transport of TRANSPORTS) {
  test(`full flow over ${transport.name}: repository, environment, replica, messages, history, delete`, async () => {
    const server = await transport.start();
    try {
      const { client } = server;
      await client.listTools(); // the client checks results against the output schemas it lists

      const location = gitRepository(server.dir, 'flow-repo');
      const { repository } = await ok(client, 'add_repository', { location });
      assert.equal(repository.name, 'flow-repo');

      const { environment } = await ok(client, 'create_environment', {
        name: 'flow-env', repository_id: repository.id,
      });
      const { replica } = await ok(client, 'create_replica', {
        name: 'flow-replica', message: 'first message', environment_id: environment.id,
      });
      assert.ok(replica.id, 'create_replica answered no replica id');

      const messages = ['second message', 'third message'];
      const acks = [];
      for (const message of messages) {
        acks.push(await ok(client, 'send_replica_message', { replica_id: replica.id, message }));
      }
      for (const ack of acks) {
        assert.ok(['sent', 'queued'].includes(ack.status), `send_replica_message answered status ${ack.status}`);
        assert.ok(ack.message_id, 'send_replica_message answered no message_id');
      }
      assert.notEqual(acks[0].message_id, acks[1].message_id);
      assert.equal(acks[0].chat_id, acks[1].chat_id, 'both messages go to the default chat');

      // The turns run in the background, one after the other; wait (bounded) until all are answered.
      const wanted = ['first message', ...messages];
      const deadline = Date.now() + ANSWER_WAIT_MS;
      let history;
      for (;;) {
        history = await ok(client, 'read_replica_history', { replica_id: replica.id, limit: 200 });
        if (wanted.every((text) => answered(history.events, text))) break;
        if (Date.now() > deadline) {
          assert.fail(`no answer to every message within ${ANSWER_WAIT_MS} ms; history: `
            + JSON.stringify(history.events.map((event) => event.type)));
        }
        await sleep(250);
      }
      assert.equal(typeof history.coding_agent, 'string');
      assert.ok(history.coding_agent.length > 0, 'read_replica_history names no coding_agent');

      const deleted = await ok(client, 'delete_replica', { replica_id: replica.id });
      assert.equal(deleted.success, true);
      const gone = await attempt(client, 'get_replica', { replica_id: replica.id });
      const problem = errorProblem('get_replica after delete_replica', gone, (text) => text.includes(replica.id),
        `the replica's id ${replica.id}`);
      if (problem) assert.fail(problem);
    } finally {
      await server.stop();
    }
  });
}
