//! The compatibility rules of `wiregen diff`: every kind of change it reports, with its verdict
//! for each direction and for the Rust API. `docs/compatibility.md` holds the same table,
//! rendered by [`markdown_table`] (a test keeps the two equal), and every rule has a test case
//! in `codegen/tests/fixtures/diff/<rule>/`.

use std::fmt;
use std::str::FromStr;

/// Whether messages still get through in one direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Accepted, by a default and by a strict receiver.
    Compatible,
    /// Accepted by wiregen's default decoder only: an unknown field is ignored, an unknown tag
    /// decodes into `Unknown`, an unknown enum string into `Other`. A strict receiver (one that
    /// rejects unknowns) fails.
    Tolerated,
    /// Rejected even with wiregen's tolerance (or, for a default value, read differently).
    Breaking,
}

impl Verdict {
    /// Whether it works for a receiver with wiregen's default tolerance.
    pub fn works(self) -> bool {
        self != Verdict::Breaking
    }

    /// Whether it works for a strict receiver.
    pub fn works_strictly(self) -> bool {
        self == Verdict::Compatible
    }

    /// `ok`, `tolerated` or `breaking`.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Compatible => "ok",
            Verdict::Tolerated => "tolerated",
            Verdict::Breaking => "breaking",
        }
    }
}

/// Whether code compiled against the old generated crate still compiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Api {
    /// It still compiles.
    None,
    /// It may not compile (a struct literal, an exhaustive match, a type or field name).
    Breaking,
}

impl Api {
    /// `none` or `breaking`.
    pub fn word(self) -> &'static str {
        match self {
            Api::None => "none",
            Api::Breaking => "breaking",
        }
    }
}

/// Whether a change adds, removes or changes something (the `+`, `-`, `~` of the report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Something new.
    Added,
    /// Something gone.
    Removed,
    /// Something different.
    Changed,
}

impl Kind {
    /// `added`, `removed` or `changed`.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
        }
    }

    /// `+`, `-` or `~`.
    pub fn sigil(self) -> char {
        match self {
            Kind::Added => '+',
            Kind::Removed => '-',
            Kind::Changed => '~',
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Which rule.
    pub id: RuleId,
    /// What the report says (`optional field added`).
    pub summary: &'static str,
    /// What changed, for the table.
    pub change: &'static str,
    /// Added, removed or changed.
    pub kind: Kind,
    /// Old senders → new receivers.
    pub old_to_new: Verdict,
    /// New senders → old receivers.
    pub new_to_old: Verdict,
    /// Impact on code compiled against the old generated crate (the usual case; a change may
    /// say otherwise, as `api_text` explains).
    pub api: Api,
    /// The table's Rust API cell when it needs more than `none` / `breaking`.
    pub api_text: Option<&'static str>,
    /// Why, in a sentence or two.
    pub why: &'static str,
    /// For rows that say how an edit is reported rather than being a kind of change.
    pub reported_as: Option<&'static str>,
    /// Whether the edit is reported as other changes, each with its own verdicts.
    pub composite: bool,
}

/// Defines [`RuleId`] and the table from one list, so the two cannot drift apart.
macro_rules! rules {
    ($(
        $id:ident $name:literal $kind:ident ($o:ident, $n:ident, $api:ident)
        summary $summary:literal
        change $change:literal
        why $why:literal
        $(api $api_text:literal)?
        $(reported $reported:literal composite $composite:literal)?;
    )*) => {
        /// The rules, one per kind of change (and three rows on how edits are reported).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $(
                #[doc = concat!("`", $name, "`: ", $change, ".")]
                $id,
            )*
        }

        impl RuleId {
            /// Every rule, in table order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$id,)*];

            /// The rule's name (`field-added-optional`), also its test case's directory name.
            pub fn name(self) -> &'static str {
                match self {
                    $(RuleId::$id => $name,)*
                }
            }

            /// The rule's row.
            pub fn rule(self) -> &'static Rule {
                match self {
                    $(RuleId::$id => {
                        const ROW: Rule = Rule {
                        id: RuleId::$id,
                        summary: $summary,
                        change: $change,
                        kind: Kind::$kind,
                        old_to_new: Verdict::$o,
                        new_to_old: Verdict::$n,
                        api: Api::$api,
                        api_text: first(&[$($api_text)?]),
                        why: $why,
                        reported_as: first(&[$($reported)?]),
                        composite: false $(|| $composite)?,
                    };
                        &ROW
                    })*
                }
            }
        }
    };
}

const fn first(items: &[&'static str]) -> Option<&'static str> {
    match items {
        [x, ..] => Some(*x),
        [] => None,
    }
}

rules! {
    TypeAdded "type-added" Added (Compatible, Compatible, None)
        summary "type added"
        change "a type is added"
        why "Nothing of the old protocol refers to it; where the new one starts to, that reference is a change of its own.";
    TypeRemoved "type-removed" Removed (Compatible, Compatible, Breaking)
        summary "type removed"
        change "a type is removed"
        why "Like an added type, it carries nothing on the wire by itself (as in buf's `WIRE` rules): where a reference to it goes away, that is a change of its own. Code naming the type no longer compiles.";
    TypeChanged "type-changed" Changed (Breaking, Breaking, Breaking)
        summary "type changed"
        change "a type becomes an unrelated one (another kind, constant or named type)"
        why "Neither side accepts the other's values.";
    TypeWidened "type-widened" Changed (Compatible, Breaking, Breaking)
        summary "type widened"
        change "a type accepts more: `integer` → `number`, `T` → any, a constant → its type"
        why "New receivers accept every old value; old receivers reject the new ones. The Rust type changes.";
    TypeNarrowed "type-narrowed" Changed (Breaking, Compatible, Breaking)
        summary "type narrowed"
        change "a type accepts less (the reverse of `type-widened`)"
        why "Old senders may send values new receivers reject. The Rust type changes.";
    StringToEnum "string-to-enum" Changed (Tolerated, Compatible, Breaking)
        summary "string became a string enum"
        change "a `string` becomes a string enum"
        why "A string outside the enum decodes into `Other` (a strict receiver rejects it). `String` becomes an enum.";
    EnumToString "enum-to-string" Changed (Compatible, Tolerated, Breaking)
        summary "string enum became a string"
        change "a string enum becomes a `string`"
        why "Old receivers decode a string outside their enum into `Other` (a strict receiver rejects it). The enum becomes `String`.";
    TypeRenamed "type-renamed" Changed (Compatible, Compatible, Breaking)
        summary "now refers to a type of the same shape"
        change "a reference moves to another named type of the same shape (a type removed and one added with the same shape get a note each)"
        why "The wire is unchanged; the Rust type name is not.";
    FieldAddedOptional "field-added-optional" Added (Compatible, Tolerated, Breaking)
        summary "optional field added"
        change "an optional field is added (`x?: T`, `x?: T | null`)"
        why "Old senders omit it, which is allowed; old receivers ignore the unknown key. Struct literals and exhaustive patterns must name the new field.";
    FieldAddedRequired "field-added-required" Added (Breaking, Tolerated, Breaking)
        summary "required field added"
        change "a required field is added (`x: T`, `x: T | null`)"
        why "Old senders omit it and new receivers reject the message; old receivers ignore the unknown key.";
    FieldRemovedOptional "field-removed-optional" Removed (Tolerated, Compatible, Breaking)
        summary "optional field removed"
        change "an optional field is removed"
        why "Old senders may still send it: new receivers ignore the unknown key. Code naming the field no longer compiles.";
    FieldRemovedRequired "field-removed-required" Removed (Tolerated, Breaking, Breaking)
        summary "required field removed"
        change "a required field is removed"
        why "New senders omit it and old receivers reject the message; new receivers ignore the key old senders still send.";
    FieldMadeOptional "field-made-optional" Changed (Compatible, Breaking, Breaking)
        summary "required → optional"
        change "a required field becomes optional"
        why "New senders may omit it; old receivers require it. `T` becomes `Option<T>`.";
    FieldMadeRequired "field-made-required" Changed (Breaking, Compatible, Breaking)
        summary "optional → required"
        change "an optional field becomes required"
        why "Old senders may omit it; new receivers require it. `Option<T>` becomes `T`.";
    NullableAdded "nullable-added" Changed (Compatible, Breaking, Breaking)
        summary "nullable added"
        change "`T` becomes `T | null`"
        why "New senders may send `null`; old receivers that assume a value reject it. `T` becomes `Option<T>` (`Option<T>` becomes `wg::Maybe<T>`).";
    NullableRemoved "nullable-removed" Changed (Breaking, Compatible, Breaking)
        summary "nullable removed"
        change "`T | null` becomes `T`"
        why "Old senders may send `null`; new receivers reject it. `Option<T>` becomes `T`.";
    DefaultAdded "default-added" Added (Compatible, Compatible, None)
        summary "default added"
        change "a field gets a documented `default`"
        why "An absent field had no documented value before. A scalar default adds an `x_or_default()` accessor.";
    DefaultRemoved "default-removed" Removed (Compatible, Compatible, Breaking)
        summary "default removed"
        change "a field's documented `default` is removed"
        why "An absent field no longer has a documented value; both sides still accept the message."
        api "breaking when the field had an `x_or_default()` accessor (an optional scalar), else none";
    DefaultChanged "default-changed" Changed (Breaking, Breaking, None)
        summary "default changed"
        change "a field's documented `default` changes"
        why "Both sides accept the message, but an absent field means a different value to each (as buf's `FIELD_SAME_DEFAULT`). `x_or_default()` keeps its signature.";
    AdditionalPropertiesAdded "additional-properties-added" Added (Compatible, Tolerated, Breaking)
        summary "additional properties added"
        change "a struct gets `additionalProperties: T`"
        why "New senders may send keys old receivers do not know (ignored). A flattened map field is added.";
    AdditionalPropertiesRemoved "additional-properties-removed" Removed (Tolerated, Compatible, Breaking)
        summary "additional properties removed"
        change "a struct loses `additionalProperties: T`"
        why "Old senders may send keys new receivers do not know (ignored). The map field goes away.";
    EnumValueAdded "enum-value-added" Added (Compatible, Tolerated, Breaking)
        summary "value added"
        change "a string enum gains a value"
        why "Old receivers decode the new string into `Other`. Generated enums are not `#[non_exhaustive]`: exhaustive matches break.";
    EnumValueRemoved "enum-value-removed" Removed (Tolerated, Compatible, Breaking)
        summary "value removed"
        change "a string enum loses a value"
        why "New receivers decode the old string into `Other`. Code naming the variant no longer compiles.";
    VariantAdded "variant-added" Added (Compatible, Tolerated, Breaking)
        summary "variant added"
        change "a tagged union gains a variant"
        why "Old receivers decode the new message into `Unknown`. Generated unions are not `#[non_exhaustive]`: exhaustive matches break.";
    VariantRemoved "variant-removed" Removed (Tolerated, Compatible, Breaking)
        summary "variant removed"
        change "a tagged union loses a variant"
        why "New receivers decode the old message into `Unknown`. Code naming the variant no longer compiles.";
    TagValueChanged "tag-value-changed" Changed (Tolerated, Tolerated, Breaking)
        summary "tag value changed"
        change "an inline variant's tag value changes, its members staying the same"
        why "Each side decodes the other's message into `Unknown`. The Rust variant and payload struct are named after the tag. (A named member type carries its tag as a constant, so there the change is a removal plus an addition.)";
    TagKeyChanged "tag-key-changed" Changed (Breaking, Breaking, None)
        summary "tag key changed"
        change "a union's tag key (or content key) changes"
        why "Messages lack the key the other side reads the tag from. The Rust enum keeps its shape.";
    UnionReprChanged "union-repr-changed" Changed (Breaking, Breaking, Breaking)
        summary "union representation changed"
        change "a union changes between internally tagged, adjacently tagged and untagged"
        why "The message layout changes; so do the Rust payload types.";
    UntaggedVariantAdded "untagged-variant-added" Added (Compatible, Breaking, Breaking)
        summary "untagged variant added"
        change "an untagged union gains a member"
        why "Untagged unions have no catch-all: old receivers reject values of the new form.";
    UntaggedVariantRemoved "untagged-variant-removed" Removed (Breaking, Compatible, Breaking)
        summary "untagged variant removed"
        change "an untagged union loses a member"
        why "New receivers reject values of the old form.";
    ChannelAdded "channel-added" Added (Compatible, Compatible, None)
        summary "channel added"
        change "a tagged union becomes a message channel (declared in the manifest or inferred)"
        why "Its messages are compared like any type's. A handler trait and dispatch are added next to the union.";
    ChannelRemoved "channel-removed" Removed (Compatible, Compatible, Breaking)
        summary "channel removed"
        change "a union is no longer a message channel"
        why "Its messages are compared like any type's. The handler trait and dispatch go away.";
    ChannelDirectionChanged "channel-direction-changed" Changed (Breaking, Breaking, None)
        summary "channel direction changed"
        change "a channel's messages go the other way"
        why "Each side now sends what the other no longer expects to receive. The direction only appears in docs.";
    CorrelationChanged "correlation-changed" Changed (Breaking, Breaking, None)
        summary "correlation changed"
        change "the member linking a request and its reply changes"
        why "Messages still decode, but replies are matched by a member the other side does not set. `correlation_id()` keeps its name.";
    MethodAdded "method-added" Added (Compatible, Tolerated, Breaking)
        summary "method added"
        change "a JSON-RPC method is added"
        why "Old callees answer a request with `method not found` (-32601) and ignore a notification: the connection survives, the call does not. The receiving side's request or notification enum gains a variant.";
    MethodRemoved "method-removed" Removed (Tolerated, Compatible, Breaking)
        summary "method removed"
        change "a JSON-RPC method is removed"
        why "New callees answer old callers' requests with `method not found` and ignore their notifications. Code naming the method no longer compiles.";
    MethodKindChanged "method-kind-changed" Changed (Breaking, Breaking, Breaking)
        summary "request ↔ notification"
        change "a method changes between request and notification"
        why "A caller waits for a reply the callee never sends, or the callee answers a message that has no id.";
    MethodDirectionChanged "method-direction-changed" Changed (Breaking, Breaking, Breaking)
        summary "method direction changed"
        change "a method is called by the other side"
        why "Old callers call a side that no longer serves it. The method moves to the other side's server trait.";
    ErrorCodeAdded "error-code-added" Added (Compatible, Compatible, None)
        summary "error code added"
        change "a protocol error code is added"
        why "Every JSON-RPC error object decodes, whatever its code; old peers treat the new code as a generic error.";
    ErrorCodeRemoved "error-code-removed" Removed (Compatible, Compatible, Breaking)
        summary "error code removed"
        change "a protocol error code is removed"
        why "Error objects still decode. The constant goes away.";
    ErrorCodeChanged "error-code-changed" Changed (Breaking, Breaking, None)
        summary "error code changed"
        change "a named error code gets another number"
        why "Each side reads the other's code as a different error. The constant keeps its name.";
    WireNameRenamed "wire-name-renamed" Changed (Compatible, Compatible, None)
        summary "renamed wire name"
        change "a field's wire name changes"
        why "A rename cannot be told from a removal plus an addition, and on the wire it is one: old and new peers see different keys."
        reported "`field-removed-*` + `field-added-*`, with a note on both when the types match" composite true;
    VariantMoved "variant-moved" Changed (Compatible, Compatible, None)
        summary "variant moved"
        change "a variant moves from one union to another"
        why "Receivers of each union see a removal or an addition."
        reported "`variant-removed` + `variant-added` (or their untagged forms), with a note on both" composite true;
    NoChange "no-change" Changed (Compatible, Compatible, None)
        summary "no change"
        change "only descriptions, titles, `deprecated`, validation constraints, the order of definitions or properties, or `additionalProperties: false` change"
        why "Nothing on the wire changes, and nothing generated code depends on to compile."
        reported "nothing (an empty report)" composite false;
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl RuleId {
    /// Looks a rule up by name.
    pub fn from_name(name: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.name() == name)
    }
}

/// The level at which `wiregen diff --fail-on` exits with code 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Never.
    None,
    /// A change breaks old senders or old receivers.
    Breaking,
    /// A change breaks old receivers (new senders → old receivers).
    ReceiverBreaking,
    /// A change breaks old senders (old senders → new receivers).
    SenderBreaking,
    /// A change breaks the Rust API, old senders or old receivers.
    ApiBreaking,
}

impl FailOn {
    /// The accepted names, for `--help`.
    pub const NAMES: &'static [&'static str] = &[
        "breaking",
        "receiver-breaking",
        "sender-breaking",
        "api-breaking",
        "none",
    ];

    /// Whether a change with these verdicts is at or above this level; `strict` judges for
    /// strict receivers (a `tolerated` verdict then breaks).
    pub fn triggered(
        self,
        old_to_new: Verdict,
        new_to_old: Verdict,
        api: Api,
        strict: bool,
    ) -> bool {
        let breaks = |v: Verdict| {
            if strict {
                !v.works_strictly()
            } else {
                !v.works()
            }
        };
        match self {
            FailOn::None => false,
            FailOn::Breaking => breaks(old_to_new) || breaks(new_to_old),
            FailOn::ReceiverBreaking => breaks(new_to_old),
            FailOn::SenderBreaking => breaks(old_to_new),
            FailOn::ApiBreaking => breaks(old_to_new) || breaks(new_to_old) || api == Api::Breaking,
        }
    }
}

impl FromStr for FailOn {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "none" => FailOn::None,
            "breaking" => FailOn::Breaking,
            "receiver-breaking" => FailOn::ReceiverBreaking,
            "sender-breaking" => FailOn::SenderBreaking,
            "api-breaking" => FailOn::ApiBreaking,
            _ => {
                return Err(format!(
                    "unknown level `{s}` (expected one of: {})",
                    FailOn::NAMES.join(", ")
                ));
            }
        })
    }
}

/// The rules table of `docs/compatibility.md`, as Markdown.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| rule | change | old senders → new receivers | new senders → old receivers | Rust API | why | test case |\n\
         | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for id in RuleId::ALL {
        let r = id.rule();
        let change = match r.reported_as {
            Some(text) => format!("{}; reported as {text}", r.change),
            None => r.change.to_string(),
        };
        let (o2n, n2o, api) = if r.composite {
            ("as its parts", "as its parts", "as its parts")
        } else {
            (
                r.old_to_new.word(),
                r.new_to_old.word(),
                r.api_text.unwrap_or(r.api.word()),
            )
        };
        // `|` inside a cell (even in code) must be escaped in GitHub's tables.
        let cell = |s: &str| s.replace('|', "\\|");
        out.push_str(&format!(
            "| `{}` | {} | {o2n} | {n2o} | {} | {} | `diff/{}/` |\n",
            id.name(),
            cell(&change),
            cell(api),
            cell(r.why),
            id.name()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_and_rows_are_their_own() {
        for id in RuleId::ALL {
            assert_eq!(id.rule().id, *id);
            assert_eq!(RuleId::from_name(id.name()), Some(*id));
        }
    }

    #[test]
    fn fail_on_levels_nest() {
        use Verdict::*;
        let t = |level: &str, o, n, api, strict| {
            level
                .parse::<FailOn>()
                .unwrap()
                .triggered(o, n, api, strict)
        };
        // A change that only breaks old receivers.
        assert!(t(
            "receiver-breaking",
            Compatible,
            Breaking,
            Api::None,
            false
        ));
        assert!(!t(
            "sender-breaking",
            Compatible,
            Breaking,
            Api::None,
            false
        ));
        assert!(t("breaking", Compatible, Breaking, Api::None, false));
        assert!(t("api-breaking", Compatible, Breaking, Api::None, false));
        assert!(!t("none", Breaking, Breaking, Api::Breaking, false));
        // Tolerated changes break only strict receivers.
        assert!(!t("breaking", Compatible, Tolerated, Api::None, false));
        assert!(t("breaking", Compatible, Tolerated, Api::None, true));
        // API-only changes.
        assert!(t(
            "api-breaking",
            Compatible,
            Compatible,
            Api::Breaking,
            false
        ));
        assert!(!t("breaking", Compatible, Compatible, Api::Breaking, true));
        assert!("worse".parse::<FailOn>().is_err());
    }
}
