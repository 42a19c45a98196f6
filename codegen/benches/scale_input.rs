//! A synthetic draft-07 schema of `n` object definitions for the generation benchmarks
//! (BENCHMARKS.md, "Generation at scale"; `scripts/gen-scale.sh`; `benches/generate.rs`).
//!
//! Definition `Def{i}` has 5–7 members: a string id, an integer, a nullable string, a string
//! array, a number, from the second definition on a `$ref` to the previous one, and either a
//! `$ref` to the definition half-way back (even `i`) or an inline string enum (odd `i`). One
//! more definition, `Event`, is a union of 50 inline members tagged by `kind`, each holding a
//! `$ref` to a definition spread over the whole range. The text is a pure function of `n`.

/// How many members the tagged union `Event` has.
pub const UNION_MEMBERS: usize = 50;

/// The schema text (pretty-printed JSON, keys in a fixed order).
pub fn scale_schema(n: usize) -> String {
    let n = n.max(1);
    let mut out = String::with_capacity(n * 900);
    out.push_str("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n");
    out.push_str("  \"title\": \"Scale\",\n");
    out.push_str(&format!(
        "  \"description\": \"Synthetic protocol of {n} definitions for the generation benchmarks.\",\n"
    ));
    out.push_str("  \"definitions\": {\n");
    for i in 0..n {
        out.push_str(&format!(
            "    \"Def{i}\": {{\n      \"description\": \"Definition number {i}.\",\n      \
             \"type\": \"object\",\n      \"properties\": {{\n"
        ));
        let mut members = vec![
            "        \"id\": { \"type\": \"string\", \"description\": \"Identifier.\" }"
                .to_string(),
            "        \"count\": { \"type\": \"integer\", \"minimum\": 0 }".to_string(),
            "        \"label\": { \"type\": [\"string\", \"null\"] }".to_string(),
            "        \"tags\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }"
                .to_string(),
            "        \"weight\": { \"type\": \"number\" }".to_string(),
        ];
        let mut required = vec!["\"id\"", "\"count\""];
        if i > 0 {
            members.push(format!(
                "        \"previous\": {{ \"$ref\": \"#/definitions/Def{}\" }}",
                i - 1
            ));
            required.push("\"previous\"");
        }
        if i % 2 == 1 {
            members.push(
                "        \"mode\": { \"type\": \"string\", \"enum\": [\"on\", \"off\", \"auto\"] }"
                    .to_string(),
            );
        } else if i >= 2 {
            members.push(format!(
                "        \"half\": {{ \"$ref\": \"#/definitions/Def{}\" }}",
                i / 2
            ));
        }
        out.push_str(&members.join(",\n"));
        out.push_str(&format!(
            "\n      }},\n      \"required\": [{}]\n    }},\n",
            required.join(", ")
        ));
    }
    out.push_str("    \"Event\": {\n      \"description\": \"One of the protocol's events.\",\n");
    out.push_str("      \"oneOf\": [\n");
    let members: Vec<String> = (0..UNION_MEMBERS)
        .map(|k| {
            format!(
                "        {{\n          \"type\": \"object\",\n          \"properties\": {{\n            \
                 \"kind\": {{ \"const\": \"event{k}\" }},\n            \
                 \"data\": {{ \"$ref\": \"#/definitions/Def{}\" }}\n          }},\n          \
                 \"required\": [\"kind\", \"data\"]\n        }}",
                k * n / UNION_MEMBERS
            )
        })
        .collect();
    out.push_str(&members.join(",\n"));
    out.push_str("\n      ]\n    }\n  }\n}\n");
    out
}
