// The functions of a schema as the database has them (pg_get_functiondef: the header in
// PostgreSQL's own layout, the body exactly as it was written).
import type pg from 'pg';

export interface DatabaseFunction {
  oid: number;
  schema: string;
  name: string;
  /** Identity arguments, e.g. `p_ops jsonb`: tells overloads apart. */
  args: string;
  definition: string;
  /** The body exactly as written (pg_proc.prosrc), part of the definition. */
  body: string;
  /** Changes whenever the row is rewritten (CREATE OR REPLACE), even with the same text. */
  xmin: string;
}

/** Functions and procedures of the schemas (not aggregates, not members of extensions), by schema, name, args. */
export async function databaseFunctions(
  client: pg.ClientBase,
  schemas: readonly string[],
): Promise<DatabaseFunction[]> {
  const { rows } = await client.query<DatabaseFunction>(
    `SELECT p.oid::int AS oid, n.nspname AS schema, p.proname AS name,
            pg_get_function_identity_arguments(p.oid) AS args,
            pg_get_functiondef(p.oid) AS definition, p.prosrc AS body, p.xmin::text AS xmin
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY($1::text[]) AND p.prokind IN ('f', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      ORDER BY n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)`,
    [schemas],
  );
  return rows;
}

export function qualifiedName(fn: { schema: string; name: string }): string {
  return `${fn.schema}.${fn.name}`;
}

/** Schemas other than these (and PostgreSQL's own) that hold functions not from an extension. */
export async function otherSchemasWithFunctions(client: pg.ClientBase, known: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ schema: string }>(
    `SELECT DISTINCT n.nspname AS schema
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname <> ALL($1::text[]) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1`,
    [known],
  );
  return rows.map((r) => r.schema);
}
