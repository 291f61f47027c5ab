// OAuth sign-in as a remote MCP client does it (Poke, mcp-remote, web connectors), driven by the
// TypeScript SDK client's own OAuth support: the first connect gets 401, the SDK discovers the metadata
// from WWW-Authenticate, registers itself (RFC 7591) and hands the authorization URL (PKCE S256) to the
// provider; the test plays the owner on the consent page (a form post with the API key), reads the code
// from the redirect, and finishes. Then tool calls with the token, and a refresh the SDK does by itself
// when the server refuses a stale access token.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { spawnHttp, textOf } from './support/server.mjs';

const REDIRECT = 'http://127.0.0.1:45678/oauth/callback';

/** An OAuthClientProvider keeping everything in memory, as a CLI client would in its config folder. */
class MemoryProvider {
  constructor() {
    this.saved = {};
    this.authorizationUrl = undefined;
    this.savedTokens = [];
  }

  get redirectUrl() { return REDIRECT; }

  get clientMetadata() {
    return {
      client_name: 'replicas-mcp client tests',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state() {
    this.saved.state = randomBytes(16).toString('hex');
    return this.saved.state;
  }

  clientInformation() { return this.saved.client; }
  saveClientInformation(info) { this.saved.client = info; }
  tokens() { return this.saved.tokens; }
  saveTokens(tokens) {
    this.saved.tokens = tokens;
    this.savedTokens.push(tokens);
  }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.saved.verifier = verifier; }
  codeVerifier() { return this.saved.verifier; }
}

/** The owner on the consent page: opens it, checks it names the client, approves with the key. */
async function approve(authorizationUrl, apiKey) {
  const page = await fetch(authorizationUrl);
  assert.equal(page.status, 200, 'the consent page opens');
  const html = await page.text();
  assert.match(html, /replicas-mcp client tests/, 'the consent page names the client');
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  const origin = new URL(authorizationUrl).origin;
  const form = new URLSearchParams({
    request: authorizationUrl.search.slice(1), credential: apiKey, decision: 'approve',
  });
  const answer = await fetch(`${origin}/authorize`, {
    method: 'POST', body: form, redirect: 'manual', headers: { Origin: origin },
  });
  assert.equal(answer.status, 303, `approval redirects back: ${await answer.text()}`);
  return new URL(answer.headers.get('location'));
}

test('OAuth: discovery from the 401, registration, consent, PKCE, tool calls, refresh', async () => {
  const server = await spawnHttp();
  const clients = [];
  try {
    const provider = new MemoryProvider();
    const first = new Client({ name: 'oauth-test', version: '1.0.0' });
    clients.push(first);
    const transport = new StreamableHTTPClientTransport(new URL(server.url), { authProvider: provider });
    await assert.rejects(first.connect(transport), UnauthorizedError, 'without a token the first connect needs sign-in');
    assert.ok(provider.saved.client?.client_id, 'the SDK registered a client');
    assert.ok(provider.authorizationUrl, 'the SDK asked to open the authorization URL');
    const asked = provider.authorizationUrl.searchParams;
    assert.equal(asked.get('code_challenge_method'), 'S256');
    assert.equal(asked.get('resource'), server.url, 'the SDK names the /mcp URL as the resource (RFC 8707)');

    const back = await approve(provider.authorizationUrl, server.apiKey);
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT);
    assert.equal(back.searchParams.get('state'), provider.saved.state, 'the state comes back unchanged');
    await transport.finishAuth(back.searchParams.get('code'));
    assert.match(provider.tokens()?.access_token ?? '', /^rmcp_at_/);

    const client = new Client({ name: 'oauth-test', version: '1.0.0' });
    clients.push(client);
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider: provider }));
    const { tools } = await client.listTools();
    assert.ok(tools.some((tool) => tool.name === 'list_repositories'));
    const listed = await client.callTool({ name: 'list_repositories', arguments: {} });
    assert.notEqual(listed.isError, true, textOf(listed));

    // A stale access token: the server answers 401, the SDK refreshes by itself and sends again.
    const before = provider.tokens();
    provider.saved.tokens = { ...before, access_token: 'rmcp_at_stale' };
    const again = await client.callTool({ name: 'list_environments', arguments: {} });
    assert.notEqual(again.isError, true, textOf(again));
    const after = provider.tokens();
    assert.notEqual(after.access_token, 'rmcp_at_stale', 'a new access token was issued');
    assert.notEqual(after.refresh_token, before.refresh_token, 'the refresh token was rotated');

    // The old refresh token, used again, is refused with the standard error, and ends the grant.
    const reuse = await fetch(new URL('/token', server.url), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token', refresh_token: before.refresh_token, client_id: provider.saved.client.client_id,
      }),
    });
    assert.equal(reuse.status, 400);
    assert.equal((await reuse.json()).error, 'invalid_grant');
  } finally {
    for (const client of clients) await client.close().catch(() => {});
    await server.stop();
  }
});
