//! `#[derive(StringEnum)]` and `#[derive(Literal)]`, written exactly as generated code writes them.

// Shadow the crate names: an expansion that used a bare `serde::` or `serde_json::`
// path would resolve to these empty modules and fail to compile.
mod serde {}
mod serde_json {}

use std::collections::HashSet;

#[allow(unused_imports)]
use ::wiregen_runtime as wg;
use wg::literal::LiteralValue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, wg::StringEnum)]
pub enum BackendProcessStateDto {
    #[wiregen(rename = "starting")]
    Starting,
    #[wiregen(rename = "timed_out")]
    TimedOut,
    /// Named as written.
    Done,
}

// with a catch-all (then not Copy):
#[derive(Debug, Clone, PartialEq, Eq, Hash, wg::StringEnum)]
pub enum Level {
    #[wiregen(rename = "info")]
    Info,
    #[wiregen(rename = "warn")]
    Warn,
    #[wiregen(other)]
    Other(String),
}

/// With a different runtime path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, wg::StringEnum)]
#[wiregen(crate = "wg")]
pub enum One {
    #[wiregen(rename = "one")]
    One,
}

/// Always `"2.0"` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, wg::Literal)]
#[wiregen(value = "2.0")]
pub struct JsonRpcVersion;

/// Always `true`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, wg::Literal)]
#[wiregen(value = true)]
pub struct Yes;

/// Always `42`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, wg::Literal)]
#[wiregen(value = 42)]
pub struct FortyTwo;

/// Always `-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, wg::Literal)]
#[wiregen(value = -1, crate = "::wiregen_runtime")]
pub struct MinusOne;

/// Always `1.5`.
#[derive(Debug, Clone, Copy, PartialEq, Default, wg::Literal)]
#[wiregen(value = 1.5)]
pub struct OneAndAHalf;

fn decode<T: wg::serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    wg::from_str(json).map_err(|err| err.to_string())
}

#[test]
fn string_enum_round_trips() {
    use BackendProcessStateDto as S;
    assert_eq!(S::ALL, [S::Starting, S::TimedOut, S::Done]);
    assert_eq!(S::VALUES, ["starting", "timed_out", "Done"]);
    for state in S::ALL {
        let json = wg::to_string(state).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", state.as_str()));
        assert_eq!(decode::<S>(&json), Ok(*state));
        assert_eq!(state.as_str().parse::<S>(), Ok(*state));
        assert_eq!(state.to_string(), state.as_str());
    }
    assert_eq!(format!("[{:>10}]", S::Done), "[      Done]");
    let owned: Result<S, _> = wg::from_value(wg::Value::from("timed_out"));
    assert_eq!(owned.ok(), Some(S::TimedOut));
    let escaped: Result<S, _> = wg::serde_json::from_str(r#""timed\u005fout""#);
    assert_eq!(escaped.ok(), Some(S::TimedOut));
    let set: HashSet<S> = S::ALL.iter().copied().collect();
    assert_eq!(set.len(), 3);
}

#[test]
fn string_enum_errors() {
    use BackendProcessStateDto as S;
    assert_eq!(
        decode::<S>(r#""paused""#),
        Err("unknown variant `paused`, expected one of `starting`, `timed_out`, `Done` at line 1 column 8".to_owned())
    );
    assert_eq!(
        decode::<S>("5"),
        Err("invalid type: integer `5`, expected a `BackendProcessStateDto` string at line 1 column 1".to_owned())
    );
    let err = "paused".parse::<S>().err();
    assert_eq!(err.as_ref().map(wg::UnknownValue::value), Some("paused"));
    assert_eq!(
        err.map(|err| err.to_string()),
        Some(
            "unknown variant `paused`, expected one of `starting`, `timed_out`, `Done`".to_owned()
        )
    );
    assert_eq!(
        "two".parse::<One>().err().map(|err| err.to_string()),
        Some("unknown variant `two`, expected `one`".to_owned())
    );
}

#[test]
fn string_enum_with_other() {
    assert_eq!(Level::VALUES, ["info", "warn"]);
    assert_eq!(decode::<Level>(r#""warn""#), Ok(Level::Warn));
    assert_eq!(
        decode::<Level>(r#""debug""#),
        Ok(Level::Other("debug".to_owned()))
    );
    let owned: Result<Level, _> = wg::from_value(wg::Value::from("trace"));
    assert_eq!(owned.ok(), Some(Level::Other("trace".to_owned())));
    let other = Level::Other("debug".to_owned());
    assert_eq!(other.as_str(), "debug");
    assert_eq!(other.to_string(), "debug");
    assert_eq!(wg::to_string(&other).ok().as_deref(), Some(r#""debug""#));
    let Ok(parsed) = "debug".parse::<Level>();
    assert_eq!(parsed, other);
    assert_eq!("info".parse::<Level>(), Ok(Level::Info));
    assert!(decode::<Level>("null").is_err());
}

#[test]
fn literal_round_trips() {
    assert_eq!(JsonRpcVersion::VALUE, LiteralValue::Str("2.0"));
    assert_eq!(Yes::VALUE, LiteralValue::Bool(true));
    assert_eq!(FortyTwo::VALUE, LiteralValue::Int(42));
    assert_eq!(MinusOne::VALUE, LiteralValue::Int(-1));
    assert_eq!(OneAndAHalf::VALUE, LiteralValue::Float(1.5));
    assert_eq!(
        wg::to_string(&JsonRpcVersion).ok().as_deref(),
        Some(r#""2.0""#)
    );
    assert_eq!(wg::to_string(&Yes).ok().as_deref(), Some("true"));
    assert_eq!(wg::to_string(&FortyTwo).ok().as_deref(), Some("42"));
    assert_eq!(wg::to_string(&MinusOne).ok().as_deref(), Some("-1"));
    assert_eq!(wg::to_string(&OneAndAHalf).ok().as_deref(), Some("1.5"));
    assert_eq!(decode::<JsonRpcVersion>(r#""2.0""#), Ok(JsonRpcVersion));
    assert_eq!(decode::<Yes>("true"), Ok(Yes));
    assert_eq!(decode::<FortyTwo>("42"), Ok(FortyTwo));
    assert_eq!(decode::<MinusOne>("-1"), Ok(MinusOne));
    assert_eq!(decode::<OneAndAHalf>("1.50"), Ok(OneAndAHalf));
}

#[test]
fn literal_rejects_anything_else() {
    assert_eq!(
        decode::<JsonRpcVersion>(r#""2""#),
        Err(
            r#"invalid value: string "2", expected the constant "2.0" at line 1 column 3"#
                .to_owned()
        )
    );
    assert_eq!(
        decode::<JsonRpcVersion>("2.0"),
        Err(r#"invalid value: floating point `2.0`, expected the constant "2.0" at line 1 column 3"#.to_owned())
    );
    assert!(decode::<Yes>("false").is_err());
    assert!(decode::<FortyTwo>("42.0").is_err());
    assert!(decode::<OneAndAHalf>("1").is_err());
    assert!(decode::<MinusOne>("null").is_err());
}
