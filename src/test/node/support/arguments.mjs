// Arguments for calling any tool of the catalogue from its input schema alone: plausible values for what
// it requires, and ids that exist nowhere for the fields that name a thing.
import { randomUUID } from 'node:crypto';

/** Fields that name a stored thing: *_id, and *_ids lists. user_id is a filter, not a lookup. */
const isIdField = (name) => /_ids?$/.test(name) && name !== 'user_id';

/** A value the schema accepts, chosen so that only the ids can be what is wrong. */
function plausible(name, schema) {
  // The servers under test have no agent CLI: of the agents, only the scripted one can run.
  if (schema.enum) return schema.enum.includes('scripted') ? 'scripted' : schema.enum[0];
  switch (schema.type) {
    case 'boolean': return true;
    case 'integer':
    case 'number': return 1;
    case 'object': return name === 'config' ? { command: 'true' } : {};
    case 'array': return [];
    default: break;
  }
  const byName = {
    content: '#!/bin/sh\necho ok\n',
    key: 'CLIENT_TESTS',
    location: '/nonexistent/client-tests-repo',
    message: 'hello from the client tests',
    name: 'client-tests',
    path: '~/client-tests.txt',
    slug: 'client-tests-skill',
    value: 'client-tests-value',
  };
  return byName[name] ?? 'client-tests';
}

/** Optional arguments some tools need before they look anything up. */
const NEEDED = {
  // a slug outside the local skill catalogue needs its display name and source
  enable_environment_skill: { name: 'client-tests-skill', source: 'client-tests' },
};

/**
 * For the unknown-id call: every required field with a plausible value, and the id fields filled with
 * fresh random UUIDs. Those are the required id fields, or, when the tool requires none, its first
 * optional one (filling several optional ones may be refused as a combination instead).
 * Returns null when the tool takes no id at all. `unknown` maps each filled id field to its id(s).
 */
export function unknownIdCall(tool) {
  const properties = tool.inputSchema.properties ?? {};
  const required = tool.inputSchema.required ?? [];
  let idFields = required.filter(isIdField);
  if (idFields.length === 0) idFields = Object.keys(properties).filter(isIdField).slice(0, 1);
  if (idFields.length === 0) return null;
  const args = {};
  for (const field of required) args[field] = plausible(field, properties[field]);
  Object.assign(args, NEEDED[tool.name]);
  const unknown = {};
  for (const field of idFields) {
    const id = randomUUID();
    args[field] = properties[field].type === 'array' ? [id] : id;
    unknown[field] = id;
  }
  return { args, unknown };
}
