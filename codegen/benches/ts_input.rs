//! A synthetic TypeScript protocol of `n` declarations mixing every construct the frontend
//! maps (interfaces with `extends`, optional and nullable members, maps, tuples, nested inline
//! objects, string unions, enums, tagged unions, utility types, generics, intersections,
//! `as const` tables, JSDoc, function-typed members), for the benchmarks in BENCHMARKS.md.

/// The declarations of one group (the file has `n / GROUP` groups).
pub const GROUP: usize = 10;

/// A TypeScript file of about `n` declarations.
pub fn ts_input(n: usize) -> String {
    let mut out = String::from(
        "/**\n * Synthetic protocol for benchmarks.\n * @packageDocumentation\n */\n\n",
    );
    out.push_str("interface Base {\n  /** Correlation id. */\n  requestId: string;\n}\n\n");
    out.push_str("export interface Page<T> {\n  items: T[];\n  next: string | null;\n}\n\n");
    for i in 0..n.div_ceil(GROUP) {
        out.push_str(&format!(
            r#"/** Entity number {i}. */
export interface Entity{i} extends Base {{
  id: string;
  /** How many. @default 0 */
  count?: number;
  tags: string[];
  meta: Record<string, unknown>;
  pos: [number, number];
  state: State{i};
  kind?: Kind{i} | null;
  nested: {{ a: string; b?: number | null; deep: {{ c: boolean }}[] }};
  /** @deprecated use `state` */
  legacy?: string;
  onChange?: (e: Entity{i}) => void;
}}

/** States of entity {i}. */
export type State{i} = "idle" | "running" | "done";

export enum Kind{i} {{
  /** The first kind. */
  A = "a",
  B = "b",
}}

/** Messages about entity {i}. */
export type Msg{i} =
  | {{ type: "create"; entity: Entity{i} }}
  | {{ type: "delete"; id: string; reason: string | null }}
  | {{ type: "patch"; id: string; patch: Patch{i} }}
  | {{ type: "ping" }};

export type Patch{i} = Partial<Omit<Entity{i}, "id" | "pos">>;

export type EntityPage{i} = Page<Entity{i}>;

export type Merged{i} = Entity{i} & {{ extra: boolean; labels: {{ [key: string]: string }} }};

export const method{i} = {{
  CREATE: "entity{i}/create",
  DELETE: "entity{i}/delete",
}} as const;

export type Method{i} = (typeof method{i})[keyof typeof method{i}];

"#
        ));
    }
    out
}
