//! The serializer adaptor behind internally tagged unions: writes the tag entry first, then the payload's own entries.

use std::fmt::Display;

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};

/// Serializer adaptor that writes the tag entry before the value's own entries.
pub(super) struct TaggedSerializer<S> {
    pub(super) inner: S,
    pub(super) tag_key: &'static str,
    pub(super) tag: &'static str,
}

impl<S: Serializer> TaggedSerializer<S> {
    fn not_an_object(kind: &str) -> S::Error {
        ser::Error::custom(format_args!(
            "cannot serialize a tagged union variant that is not an object (found {kind})"
        ))
    }

    fn tag_only(self) -> Result<S::Ok, S::Error> {
        let mut map = self.inner.serialize_map(Some(1))?;
        map.serialize_entry(self.tag_key, self.tag)?;
        map.end()
    }
}

impl<S: Serializer> Serializer for TaggedSerializer<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = S::SerializeStruct;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        let mut state = self.inner.serialize_struct(name, len.saturating_add(1))?;
        state.serialize_field(self.tag_key, self.tag)?;
        Ok(state)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        let mut map = self
            .inner
            .serialize_map(len.map(|len| len.saturating_add(1)))?;
        map.serialize_entry(self.tag_key, self.tag)?;
        Ok(map)
    }

    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.tag_only()
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        let mut state = self.inner.serialize_struct(name, 1)?;
        state.serialize_field(self.tag_key, self.tag)?;
        state.end()
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_bool(self, _v: bool) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a boolean"))
    }
    fn serialize_i8(self, _v: i8) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_i16(self, _v: i16) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_i32(self, _v: i32) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_i64(self, _v: i64) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_i128(self, _v: i128) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_u8(self, _v: u8) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_u16(self, _v: u16) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_u32(self, _v: u32) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_u64(self, _v: u64) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_u128(self, _v: u128) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an integer"))
    }
    fn serialize_f32(self, _v: f32) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a float"))
    }
    fn serialize_f64(self, _v: f64) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a float"))
    }
    fn serialize_char(self, _v: char) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a char"))
    }
    fn serialize_str(self, _v: &str) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a string"))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("bytes"))
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an option"))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("an option"))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a unit variant"))
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a newtype variant"))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Err(Self::not_an_object("a sequence"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Err(Self::not_an_object("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Err(Self::not_an_object("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Err(Self::not_an_object("a tuple variant"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Err(Self::not_an_object("a struct variant"))
    }
    fn collect_str<T: ?Sized + Display>(self, _value: &T) -> Result<S::Ok, S::Error> {
        Err(Self::not_an_object("a string"))
    }
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Serializes a unit variant of a union: an object holding only `tag_key: tag`, as a
/// struct named `name` (serde's encoding of a unit variant, internally or adjacently tagged).
pub fn serialize_unit<S: Serializer>(
    serializer: S,
    name: &'static str,
    tag_key: &'static str,
    tag: &'static str,
) -> Result<S::Ok, S::Error> {
    let mut state = serializer.serialize_struct(name, 1)?;
    state.serialize_field(tag_key, tag)?;
    state.end()
}

/// Serializes a variant of an adjacently tagged union: `{tag_key: tag, content_key: value}`,
/// as a struct named `name`.
pub fn serialize_adjacent<S, T>(
    serializer: S,
    name: &'static str,
    tag_key: &'static str,
    tag: &'static str,
    content_key: &'static str,
    value: &T,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: ?Sized + Serialize,
{
    let mut state = serializer.serialize_struct(name, 2)?;
    state.serialize_field(tag_key, tag)?;
    state.serialize_field(content_key, value)?;
    state.end()
}
