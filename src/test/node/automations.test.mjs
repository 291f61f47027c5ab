// Automations as a user's MCP client drives them, over each transport: the TypeScript SDK client checks
// every structuredContent against the tool's outputSchema, which our Java tests cannot. Create a nightly
// cron automation (02:00 Europe/Berlin) with a custom webhook trigger, read it back, change it, run it by
// hand until its execution completes, connect and disconnect an integration, delete the automation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attempt, errorProblem } from './support/outcomes.mjs';
import { TRANSPORTS, gitRepository, sleep, textOf } from './support/server.mjs';

const RUN_WAIT_MS = 60_000;
const CALL_TIMEOUT_MS = 30_000;

async function ok(client, name, args) {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS });
  assert.notEqual(result.isError, true, `${name} ${JSON.stringify(args)} failed: ${textOf(result)}`);
  assert.ok(result.structuredContent, `${name} answered no structuredContent: ${textOf(result)}`);
  return result.structuredContent;
}

for (const transport of TRANSPORTS) {
  test(`automations over ${transport.name}: create, read, update, run, integrations, delete`, async () => {
    const server = await transport.start();
    try {
      const { client } = server;
      await client.listTools(); // the client checks results against the output schemas it lists

      const { repository } = await ok(client, 'add_repository', {
        location: gitRepository(server.dir, 'auto-repo'),
      });
      const { environment } = await ok(client, 'create_environment', {
        name: 'api', repository_id: repository.id,
      });
      const { automation } = await ok(client, 'create_automation', {
        name: 'dependency-update',
        prompt: 'Update the dependencies',
        environment_id: environment.id,
        triggers: [
          { type: 'cron', config: { schedule: '0 2 * * *', timezone: 'Europe/Berlin' } },
          { type: 'custom', config: {} },
        ],
      });
      assert.equal(automation.enabled, true);
      assert.equal(automation.cron_expression, '0 2 * * *');
      assert.equal(automation.cron_timezone, 'Europe/Berlin');
      assert.ok(automation.cron_next_fire_at, 'no next fire time');
      assert.ok(automation.webhook_token, 'a custom trigger has a webhook token');

      const read = await ok(client, 'get_automation', { automation_id: automation.id });
      assert.equal(read.automation.id, automation.id);
      const listed = await ok(client, 'list_automations', {});
      assert.deepEqual(listed.automations.map((a) => a.id), [automation.id]);
      assert.equal(listed.totalPages, 1);

      const changed = await ok(client, 'update_automation', {
        automation_id: automation.id, description: 'nightly', clear: ['thinking_level'],
      });
      assert.equal(changed.automation.description, 'nightly');
      assert.equal(changed.automation.webhook_token, automation.webhook_token, 'the token is kept');

      const tooOften = await attempt(client, 'update_automation', {
        automation_id: automation.id, triggers: [{ type: 'cron', config: { schedule: '*/5 * * * *' } }],
      });
      const problem = errorProblem('a cron every 5 minutes', tooOften, (text) => text.includes('60'),
        'the 60-minute minimum');
      if (problem) assert.fail(problem);

      const run = await ok(client, 'trigger_automation', { automation_id: automation.id, payload: { why: 'test' } });
      assert.ok(run.execution_id, 'no execution id');
      assert.ok(run.workspace_id, 'no workspace id');
      const deadline = Date.now() + RUN_WAIT_MS;
      let execution;
      for (;;) {
        const { executions } = await ok(client, 'list_automation_executions', { automation_id: automation.id });
        execution = executions.find((e) => e.id === run.execution_id);
        if (execution && ['completed', 'failed'].includes(execution.status)) break;
        if (Date.now() > deadline) assert.fail(`the run did not end within ${RUN_WAIT_MS} ms: ${execution?.status}`);
        await sleep(250);
      }
      assert.equal(execution.status, 'completed', `the run failed: ${execution.error}`);
      assert.equal(execution.workspace_id, run.workspace_id);
      assert.equal(execution.trigger_payload.manual, true);
      const { replica } = await ok(client, 'get_replica', { replica_id: run.workspace_id });
      assert.equal(replica.source, 'automation');

      const connected = await ok(client, 'connect_integration', { provider: 'github', signing_secret: 'gh-secret-1234' });
      assert.equal(JSON.stringify(connected).includes('gh-secret-1234'), false, 'the secret is never shown');
      const { integrations } = await ok(client, 'list_integrations', {});
      assert.deepEqual(integrations.map((i) => i.provider), ['github']);
      await ok(client, 'disconnect_integration', { provider: 'github' });

      await ok(client, 'delete_replica', { replica_id: run.workspace_id });
      const deleted = await ok(client, 'delete_automation', { automation_id: automation.id });
      assert.equal(deleted.success, true);
    } finally {
      await server.stop();
    }
  });
}
