// Judging a tool call the way a model would experience it: a thrown error (a protocol error, or the SDK
// client's own McpError -32602 when a result does not match the tool's outputSchema) never reaches the
// model; only a tool result with isError: true and a text that names what is wrong helps it.
import { textOf } from './server.mjs';

const CALL_TIMEOUT_MS = 30_000;

/** The call's result, or what it threw. */
export async function attempt(client, name, args) {
  try {
    return { result: await client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS }) };
  } catch (error) {
    return { thrown: error };
  }
}

/**
 * What is wrong with an answer that should be a tool error, or null. `what` says which call it was,
 * `names(text)` whether its text names what it must, `expected` what that is.
 */
export function errorProblem(what, outcome, names, expected) {
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
