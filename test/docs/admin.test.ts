import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { managedPolicySchema, sanitisePolicy, stopRuleSchema } from '../../src/core/settings';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const doc = read('docs/ADMIN.md');
const readme = read('README.md');

interface SchemaNode {
  type: string;
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}
const schema = JSON.parse(read('public/managed-schema.json')) as SchemaNode;

/** Every property of the managed-storage schema, nested ones as `stop.level`. */
function schemaFields(node: SchemaNode, prefix = ''): Array<{ name: string; node: SchemaNode }> {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => [{ name: `${prefix}${key}`, node: child }, ...schemaFields(child, `${prefix}${key}.`)]);
}
/** How the document writes a schema type: `string`, `boolean`, `object`, `array of string`. */
const typeName = (node: SchemaNode) => (node.type === 'array' ? `array of ${node.items!.type}` : node.type);

/** The rows of the "field by field" table: name, type, and the backticked values of the "Values" cell. */
function documentedFields(): Map<string, { type: string; values: string[] }> {
  const section = doc.slice(doc.indexOf('## The policy, field by field'));
  const rows = section.slice(0, section.indexOf('\n\n', section.indexOf('| Field |'))).split('\n').filter((line) => line.startsWith('| `'));
  return new Map(
    rows.map((row) => {
      const [field, type, values] = row.split(' | ').map((cell) => cell.replace(/^\| /, ''));
      return [field!.replaceAll('`', ''), { type: type!, values: [...values!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!) }];
    }),
  );
}

/** The fenced code blocks of one language in the document. */
const blocks = (language: string) => [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('docs/ADMIN.md and the managed-storage schema', () => {
  const documented = documentedFields();
  const fields = schemaFields(schema);

  it('documents every schema property, with its type', () => {
    expect(fields.length).toBeGreaterThan(5);
    for (const { name, node } of fields) {
      expect(documented.get(name), `${name} is not in the table`).toBeDefined();
      expect(documented.get(name)!.type, name).toBe(typeName(node));
    }
  });

  it('lists exactly the allowed values of every property that has a fixed set', () => {
    for (const { name, node } of fields) {
      const allowed = node.enum ?? node.items?.enum;
      if (allowed) expect(documented.get(name)!.values.sort(), name).toEqual([...allowed].sort());
    }
  });

  it('documents no field the schema lacks', () => {
    expect([...documented.keys()].sort()).toEqual(fields.map((f) => f.name).sort());
  });

  it('matches the fields and values the extension reads (src/core/settings.ts)', () => {
    expect(Object.keys(schema.properties!).sort()).toEqual(Object.keys(managedPolicySchema.shape).sort());
    expect(Object.keys(schema.properties!.stop!.properties!).sort()).toEqual(Object.keys(stopRuleSchema.shape).sort());
    expect(schema.properties!.minimumLevel!.enum).toEqual(stopRuleSchema.shape.level.options);
    expect(schema.properties!.stop!.properties!.level!.enum).toEqual(stopRuleSchema.shape.level.options);
    expect(schema.properties!.audience!.enum).toEqual(managedPolicySchema.shape.audience.unwrap().options);
    expect(schema.properties!.stop!.properties!.pageKinds!.items!.enum).toEqual(stopRuleSchema.shape.pageKinds.element.options);
  });

  it('gives ready Chrome and Firefox policies that set every field to a value the extension accepts', () => {
    const chrome = JSON.parse(blocks('json')[0]!)['3rdparty'].extensions['<extension-id>'];
    const firefox = JSON.parse(blocks('json')[1]!).policies['3rdparty'].Extensions['whose-cloud@whose-cloud.org'];
    for (const policy of [chrome, firefox]) {
      expect(sanitisePolicy(policy)).toEqual(policy);
      expect(Object.keys(policy).sort()).toEqual(Object.keys(schema.properties!).sort());
      expect(Object.keys(policy.stop).sort()).toEqual(Object.keys(schema.properties!.stop!.properties!).sort());
    }
    expect(firefox).toEqual(chrome);
  });

  it('gives a Windows registry file with the same policy, under Chrome’s 3rdparty key', () => {
    const reg = blocks('reg')[0]!;
    expect(reg.startsWith('Windows Registry Editor Version 5.00\n')).toBe(true);
    const keys = [...reg.matchAll(/^\[([^\]]+)\]$/gm)].map((m) => m[1]!);
    const base = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\<extension-id>\\policy';
    expect(keys).toEqual([base, `${base}\\approvedProviders`, `${base}\\stop`, `${base}\\stop\\pageKinds`]);
    // Read back as Chrome reads it: strings, dwords as booleans, numbered values as lists, subkeys as objects.
    const policy: Record<string, any> = {};
    let target: Record<string, any> = policy;
    for (const line of reg.split('\n')) {
      const key = /^\[(.+)\]$/.exec(line)?.[1];
      if (key) {
        const path = key.slice(base.length).split('\\').filter(Boolean);
        target = policy;
        for (const part of path) target = target[part] ??= {};
        continue;
      }
      const value = /^"([^"]+)"=(?:"(.*)"|dword:([0-9a-f]{8}))$/.exec(line);
      if (value) target[value[1]!] = value[3] !== undefined ? parseInt(value[3], 16) !== 0 : value[2];
    }
    const lists = (o: Record<string, any>): unknown =>
      Object.keys(o).every((k) => /^\d+$/.test(k)) ? Object.values(o) : Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'object' ? lists(v) : v]));
    const chrome = JSON.parse(blocks('json')[0]!)['3rdparty'].extensions['<extension-id>'];
    expect(lists(policy)).toEqual(chrome);
  });

  it('says how to find the id and check the policy took effect, and is linked from the README', () => {
    for (const text of ['chrome://extensions', 'chrome://policy', 'about:policies', '/etc/opt/chrome/policies/managed/', '/etc/chromium/policies/managed/', 'whose-cloud@whose-cloud.org']) {
      expect(doc, text).toContain(text);
    }
    expect(readme).toContain('(docs/ADMIN.md)');
  });
});
