//! The protocol manifest inside a JSON Schema document: the root `x-wiregen` object names the
//! message channels and the JSON-RPC methods and error codes (format in docs/manifest.md).

use super::Loader;
use crate::ir::{Channel, Direction, Docs, ErrorCode, Method};
use crate::json::{Json, JsonValue};

/// The manifest key at the document root.
pub const MANIFEST_KEY: &str = "x-wiregen";

impl Loader {
    /// Reads the manifest of the entry document, if it has one.
    pub(super) fn collect_manifest(&mut self, doc: usize, root: &Json) {
        let Some(manifest) = root.get(MANIFEST_KEY) else {
            return;
        };
        let base = format!("/{MANIFEST_KEY}");
        let Some(members) = self.object(
            doc,
            manifest,
            &base,
            &["channels", "jsonrpc", "description"],
        ) else {
            return;
        };
        for (key, value) in members {
            match key.as_str() {
                "channels" => self.collect_channels(doc, value, &format!("{base}/channels")),
                "jsonrpc" => self.collect_jsonrpc(doc, value, &format!("{base}/jsonrpc")),
                _ => {}
            }
        }
    }

    fn collect_channels(&mut self, doc: usize, value: &Json, pointer: &str) {
        self.module.protocol.explicit_channels = true;
        let Some(entries) = self.object(doc, value, pointer, &[]) else {
            return;
        };
        for (union, spec) in entries {
            let p = format!("{pointer}/{}", super::escape_pointer(union));
            let Some(fields) =
                self.object(doc, spec, &p, &["direction", "correlation", "description"])
            else {
                continue;
            };
            let direction = self.direction(doc, fields, &p, false);
            let correlation = self.strings(doc, fields, "correlation", &p);
            let loc = self.loc(doc, spec, &p);
            let docs = Docs {
                text: self.string(doc, fields, "description", &p),
                ..Docs::default()
            };
            self.module.protocol.channels.push(Channel {
                union: union.clone(),
                direction,
                correlation,
                docs,
                loc,
            });
        }
    }

    fn collect_jsonrpc(&mut self, doc: usize, value: &Json, pointer: &str) {
        let Some(members) = self.object(doc, value, pointer, &["methods", "errors"]) else {
            return;
        };
        for (key, value) in members {
            let p = format!("{pointer}/{key}");
            if key == "methods" {
                self.module.protocol.explicit_methods = true;
                let Some(methods) = self.object(doc, value, &p, &[]) else {
                    continue;
                };
                for (name, spec) in methods {
                    self.collect_method(
                        doc,
                        name,
                        spec,
                        &format!("{p}/{}", super::escape_pointer(name)),
                    );
                }
            } else if key == "errors" {
                let Some(errors) = self.object(doc, value, &p, &[]) else {
                    continue;
                };
                for (name, spec) in errors {
                    let ep = format!("{p}/{}", super::escape_pointer(name));
                    let Some(fields) = self.object(doc, spec, &ep, &["code", "description"]) else {
                        continue;
                    };
                    let loc = self.loc(doc, spec, &ep);
                    let code = fields
                        .iter()
                        .find(|(k, _)| k == "code")
                        .and_then(|(_, v)| match &v.value {
                            JsonValue::Number(n) => n.as_i64(),
                            _ => None,
                        });
                    let Some(code) = code else {
                        self.error(
                            "E0013",
                            loc,
                            format!("error `{name}` needs an integer `code`"),
                            "write `\"code\": -32001`",
                        );
                        continue;
                    };
                    let docs = Docs {
                        text: self.string(doc, fields, "description", &ep),
                        ..Docs::default()
                    };
                    self.module.protocol.errors.push(ErrorCode {
                        name: name.clone(),
                        code,
                        docs,
                        loc,
                    });
                }
            }
        }
    }

    fn collect_method(&mut self, doc: usize, name: &str, spec: &Json, p: &str) {
        let allowed = [
            "params",
            "result",
            "notification",
            "direction",
            "description",
        ];
        let Some(fields) = self.object(doc, spec, p, &allowed) else {
            return;
        };
        let loc = self.loc(doc, spec, p);
        let params = self.string(doc, fields, "params", p);
        let result = self.string(doc, fields, "result", p);
        let notification = match fields.iter().find(|(k, _)| k == "notification") {
            None => false,
            Some((_, v)) => match v.as_bool() {
                Some(b) => b,
                None => {
                    let l = self.loc(doc, v, &format!("{p}/notification"));
                    self.error(
                        "E0013",
                        l,
                        "`notification` must be `true` or `false`",
                        "write `\"notification\": true`",
                    );
                    false
                }
            },
        };
        if notification && result.is_some() {
            let (_, v) = fields
                .iter()
                .find(|(k, _)| k == "result")
                .expect("result was read from these fields");
            let l = self.loc(doc, v, &format!("{p}/result"));
            self.error(
                "E0013",
                l,
                format!(
                    "notification `{name}` has a `result`, but notifications never get a response"
                ),
                "remove `result`, or make the method a request (`\"notification\": false`)",
            );
        }
        let Some(direction) = self.direction(doc, fields, p, true) else {
            return;
        };
        let docs = Docs {
            text: self.string(doc, fields, "description", p),
            ..Docs::default()
        };
        self.module.protocol.methods.push(Method {
            name: name.to_string(),
            params,
            params_optional: false,
            result,
            notification,
            direction,
            docs,
            loc,
        });
    }

    /// The members of an object; reports a non-object and unknown keys (`allowed` empty: any key).
    fn object<'j>(
        &mut self,
        doc: usize,
        value: &'j Json,
        pointer: &str,
        allowed: &[&str],
    ) -> Option<&'j [(String, Json)]> {
        let Some(members) = value.as_object() else {
            let loc = self.loc(doc, value, pointer);
            self.error(
                "E0013",
                loc,
                format!("expected an object, found {}", value.kind()),
                "see docs/manifest.md for the manifest format",
            );
            return None;
        };
        if !allowed.is_empty() {
            for (key, v) in members {
                if !allowed.contains(&key.as_str()) {
                    let loc =
                        self.loc(doc, v, &format!("{pointer}/{}", super::escape_pointer(key)));
                    self.error(
                        "E0013",
                        loc,
                        format!("unknown manifest key `{key}`"),
                        format!("expected one of: {}", allowed.join(", ")),
                    );
                }
            }
        }
        Some(members)
    }

    /// A string or an array of strings.
    fn strings(
        &mut self,
        doc: usize,
        fields: &[(String, Json)],
        key: &str,
        pointer: &str,
    ) -> Vec<String> {
        let Some((_, v)) = fields.iter().find(|(k, _)| k == key) else {
            return Vec::new();
        };
        if let Some(s) = v.as_str() {
            return vec![s.to_string()];
        }
        match v.as_array().map(|items| {
            items
                .iter()
                .map(|i| i.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
        }) {
            Some(Some(list)) => list,
            _ => {
                let loc = self.loc(doc, v, &format!("{pointer}/{key}"));
                self.error(
                    "E0013",
                    loc,
                    format!("`{key}` must be a string or an array of strings"),
                    "write `\"requestId\"` or `[\"id\", \"payload.requestId\"]`",
                );
                Vec::new()
            }
        }
    }

    fn string(
        &mut self,
        doc: usize,
        fields: &[(String, Json)],
        key: &str,
        pointer: &str,
    ) -> Option<String> {
        let (_, v) = fields.iter().find(|(k, _)| k == key)?;
        match v.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                let loc = self.loc(doc, v, &format!("{pointer}/{key}"));
                self.error(
                    "E0013",
                    loc,
                    format!("`{key}` must be a string, found {}", v.kind()),
                    "write a JSON string",
                );
                None
            }
        }
    }

    /// `"direction": "worker → host"` (also `->`).
    fn direction(
        &mut self,
        doc: usize,
        fields: &[(String, Json)],
        pointer: &str,
        required: bool,
    ) -> Option<Direction> {
        let Some(text) = self.string(doc, fields, "direction", pointer) else {
            if required && !fields.iter().any(|(k, _)| k == "direction") {
                let loc = self.loc_of_fields(doc, fields, pointer);
                self.error(
                    "E0013",
                    loc,
                    "a method needs a `direction`",
                    "write `\"direction\": \"host → extension\"`",
                );
            }
            return None;
        };
        let parts: Vec<&str> = text
            .split(['→'])
            .flat_map(|p| p.split("->"))
            .map(str::trim)
            .collect();
        match parts.as_slice() {
            [from, to] if !from.is_empty() && !to.is_empty() && from != to => Some(Direction {
                from: (*from).to_string(),
                to: (*to).to_string(),
            }),
            _ => {
                let (_, v) = fields.iter().find(|(k, _)| k == "direction")?;
                let loc = self.loc(doc, v, &format!("{pointer}/direction"));
                self.error(
                    "E0013",
                    loc,
                    format!("direction `{text}` is not `sender → receiver`"),
                    "write `\"worker → host\"` (or `->`)",
                );
                None
            }
        }
    }

    fn loc_of_fields(
        &self,
        doc: usize,
        fields: &[(String, Json)],
        pointer: &str,
    ) -> crate::diag::Loc {
        match fields.first() {
            Some((_, v)) => self.loc(doc, v, pointer),
            None => crate::diag::Loc::new(self.docs[doc].path.clone(), pointer, 0, 0),
        }
    }
}
