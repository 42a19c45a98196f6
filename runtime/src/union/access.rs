//! Building blocks of union decoding: reading keys and the tag, and the map and sequence
//! views a payload is decoded from (buffered entries followed by the live rest).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{
    BorrowedBytesDeserializer, BorrowedStrDeserializer, BytesDeserializer, MapAccessDeserializer,
    StrDeserializer, StringDeserializer,
};
use serde::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor,
};

use super::internal::DeriveUnion;
use super::unknown_tag;
use crate::content::{Content, ContentDeserializer};

/// A key of the message object, read before the payload is known.
pub(super) enum Key<'de> {
    /// The tag key itself.
    Tag,
    /// Any other key, borrowed from the input.
    Borrowed(&'de str),
    /// Any other key, copied (escaped in the input, or from a reader).
    Owned(String),
}

impl Key<'_> {
    fn as_str<'a>(&'a self, tag: &'a str) -> &'a str {
        match self {
            Self::Tag => tag,
            Self::Borrowed(s) => s,
            Self::Owned(s) => s,
        }
    }

    pub(super) fn into_string(self, tag: &str) -> String {
        match self {
            Self::Tag => tag.to_owned(),
            Self::Borrowed(s) => s.to_owned(),
            Self::Owned(s) => s,
        }
    }
}

/// Reads a key, telling the tag key apart without allocating for it.
pub(super) struct KeySeed {
    pub(super) tag: &'static str,
}

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(if v == self.tag {
            Key::Tag
        } else {
            Key::Owned(v.to_owned())
        })
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(if v == self.tag {
            Key::Tag
        } else {
            Key::Borrowed(v)
        })
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(if v == self.tag {
            Key::Tag
        } else {
            Key::Owned(v)
        })
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Key<'de>, E> {
        self.visit_str(&String::from_utf8_lossy(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_string()))
    }
}

/// Hands a live key to the payload's key seed, failing with ``duplicate field `type` ``
/// when the key is the tag again.
struct FilterKey<S> {
    seed: S,
    tag: &'static str,
}

impl<S> FilterKey<S> {
    fn check<E: de::Error>(&self, key: &str) -> Result<(), E> {
        if key == self.tag {
            Err(E::duplicate_field(self.tag))
        } else {
            Ok(())
        }
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for FilterKey<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for FilterKey<S> {
    type Value = S::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<S::Value, E> {
        self.check(v)?;
        self.seed.deserialize(StrDeserializer::new(v))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<S::Value, E> {
        self.check(v)?;
        self.seed.deserialize(BorrowedStrDeserializer::new(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<S::Value, E> {
        self.check(&v)?;
        self.seed.deserialize(StringDeserializer::new(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<S::Value, E> {
        if v == self.tag.as_bytes() {
            return Err(E::duplicate_field(self.tag));
        }
        self.seed.deserialize(BytesDeserializer::new(v))
    }

    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<S::Value, E> {
        if v == self.tag.as_bytes() {
            return Err(E::duplicate_field(self.tag));
        }
        self.seed.deserialize(BorrowedBytesDeserializer::new(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<S::Value, E> {
        self.seed
            .deserialize(de::IntoDeserializer::into_deserializer(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<S::Value, E> {
        self.seed
            .deserialize(de::IntoDeserializer::into_deserializer(v))
    }
}

/// The tag value read from a message.
pub(super) enum Tag {
    /// The tag of the variant with this index.
    Known(usize),
    /// A tag no variant has (only produced when the union has a catch-all variant).
    Unknown(String),
}

/// Reads the tag value and resolves it to a variant. Unknown tags fail with
/// ``unknown `type` value `x`, expected one of `a`, `b` `` unless the union has a
/// catch-all variant.
pub(super) struct TagSeed<U> {
    /// Also accept `{"tag": null}`, as serde does for the tag of an adjacently tagged enum.
    pub(super) enum_form: bool,
    pub(super) union: PhantomData<U>,
}

impl<U: DeriveUnion> TagSeed<U> {
    pub(super) fn new(enum_form: bool) -> Self {
        Self {
            enum_form,
            union: PhantomData,
        }
    }

    fn resolve<E: de::Error>(self, tag: &str) -> Result<Tag, E> {
        let def = &U::DEF;
        match U::index(tag) {
            Some(index) => Ok(Tag::Known(index)),
            None if def.other => Ok(Tag::Unknown(tag.to_owned())),
            None => Err(unknown_tag(def.tag, tag, def.tags)),
        }
    }
}

impl<'de, U: DeriveUnion> DeserializeSeed<'de> for TagSeed<U> {
    type Value = Tag;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tag, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, U: DeriveUnion> Visitor<'de> for TagSeed<U> {
    type Value = Tag;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the `{}` tag as a string", U::DEF.tag)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Tag, E> {
        self.resolve(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Tag, E> {
        match U::index(&v) {
            Some(index) => Ok(Tag::Known(index)),
            None if U::DEF.other => Ok(Tag::Unknown(v)),
            None => self.resolve(&v),
        }
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Tag, E> {
        match std::str::from_utf8(v) {
            Ok(s) => self.resolve(s),
            Err(_) => Err(E::invalid_value(Unexpected::Bytes(v), &self)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tag, A::Error> {
        if !self.enum_form {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        }
        let Some(tag) = map.next_key_seed(TagSeed::<U>::new(false))? else {
            return Err(de::Error::invalid_length(0, &self));
        };
        map.next_value::<()>()?;
        match map.next_key::<IgnoredAny>()? {
            None => Ok(tag),
            Some(IgnoredAny) => Err(de::Error::invalid_length(2, &self)),
        }
    }
}

/// The entries a payload is decoded from: first the tag entry (for a self-tagged
/// payload), then the entries buffered before the tag, then the rest of the live map,
/// which must not hold the tag again.
pub(super) struct Rest<'de, A> {
    front: Option<&'static str>,
    buffered: std::vec::IntoIter<(Key<'de>, Content<'de>)>,
    value: Option<(Key<'de>, Content<'de>)>,
    live: A,
    tag: &'static str,
}

impl<'de, A> Rest<'de, A> {
    /// `front`: the tag value to hand to a self-tagged payload as its first entry.
    pub(super) fn new(
        front: Option<&'static str>,
        buffered: Vec<(Key<'de>, Content<'de>)>,
        live: A,
        tag: &'static str,
    ) -> Self {
        Self {
            front,
            buffered: buffered.into_iter(),
            value: None,
            live,
            tag,
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some(tag) = self.front.take() {
            // The tag entry's value is handed over by `next_value_seed`.
            self.value = Some((Key::Tag, Content::Str(tag)));
            return seed
                .deserialize(BorrowedStrDeserializer::new(self.tag))
                .map(Some);
        }
        if let Some((key, value)) = self.buffered.next() {
            let result = match &key {
                Key::Tag => seed.deserialize(BorrowedStrDeserializer::new(self.tag)),
                Key::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::new(s)),
                Key::Owned(s) => seed.deserialize(StrDeserializer::new(s)),
            };
            self.value = Some((key, value));
            return result.map(Some);
        }
        self.live.next_key_seed(FilterKey {
            seed,
            tag: self.tag,
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.value.take() {
            Some((key, value)) => seed
                .deserialize(ContentDeserializer::new(value))
                .map_err(|err| err.under(key.as_str(self.tag))),
            None => self.live.next_value_seed(seed),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        let front = usize::from(self.front.is_some()) + self.buffered.len();
        self.live.size_hint().map(|live| live.saturating_add(front))
    }
}

/// The rest of the live map when the tag was the first key: keys are checked against a
/// repeated tag, values go straight through. The hot path of tag-first decoding — nothing
/// buffered, so no buffered branch in the payload's loop.
pub(super) struct Live<A> {
    live: A,
    tag: &'static str,
}

impl<A> Live<A> {
    pub(super) fn new(live: A, tag: &'static str) -> Self {
        Self { live, tag }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Live<A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.live.next_key_seed(FilterKey {
            seed,
            tag: self.tag,
        })
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.live.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.live.size_hint()
    }
}

/// Decodes a payload from the rest of an internally tagged object: a map, except that
/// a unit or unit struct payload accepts a message holding only the tag, as serde's does.
pub(super) struct MapRest<A>(pub(super) A);

impl<'de, A: MapAccess<'de>> Deserializer<'de> for MapRest<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.0)
    }

    fn deserialize_unit<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, A::Error> {
        match self.0.next_key::<IgnoredAny>()? {
            None => visitor.visit_unit(),
            Some(IgnoredAny) => Err(de::Error::invalid_type(Unexpected::Map, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        MapAccessDeserializer::new(self.0).deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// Decodes a payload from the rest of a sequence after the tag: a sequence, except
/// that a unit struct payload accepts an empty rest, as serde's does.
pub(super) struct SeqRest<A>(pub(super) A);

impl<'de, A: SeqAccess<'de>> Deserializer<'de> for SeqRest<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_seq(self.0)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        mut self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        match self.0.next_element::<IgnoredAny>()? {
            None => visitor.visit_unit(),
            Some(IgnoredAny) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// The rest of a live sequence after the tag element, counting what the payload reads;
/// for a self-tagged payload, the tag element comes first again.
pub(super) struct Counted<'a, A> {
    pub(super) front: Option<&'static str>,
    pub(super) live: &'a mut A,
    pub(super) count: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Counted<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        if let Some(tag) = self.front.take() {
            return seed
                .deserialize(BorrowedStrDeserializer::new(tag))
                .map(Some);
        }
        let element = self.live.next_element_seed(seed)?;
        if element.is_some() {
            self.count += 1;
        }
        Ok(element)
    }

    fn size_hint(&self) -> Option<usize> {
        let front = usize::from(self.front.is_some());
        self.live.size_hint().map(|live| live.saturating_add(front))
    }
}

/// Accepts what serde accepts as the content of a unit variant: the rest of an
/// internally tagged object (any entries, ignored), the rest of a sequence (left for
/// the caller to check), or `null`.
struct UnitVisitor(&'static str);

impl<'de> Visitor<'de> for UnitVisitor {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unit variant {}", self.0)
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<(), A::Error> {
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// Decodes the content of a unit variant: what serde accepts there (the other entries
/// of an internally tagged object, ignored; the rest of a sequence, left for the caller
/// to check; a unit, once the adjacently tagged decoder has checked that the content
/// is `null`). `name` is `Enum::Variant`, for the error message.
pub fn unit<'de, D: Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
) -> Result<(), D::Error> {
    deserializer.deserialize_any(UnitVisitor(name))
}

/// Reads the content of a unit variant in an adjacently tagged message: only `null`.
pub(super) struct NullSeed {
    pub(super) tag: &'static str,
}

impl<'de> DeserializeSeed<'de> for NullSeed {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NullSeed {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "null, as `{}` has no content", self.tag)
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Stands for an absent content member: an `Option` payload decodes as `None`,
/// anything else fails with ``missing field `data` `` (serde's rule).
pub(super) struct MissingField<E> {
    pub(super) field: &'static str,
    pub(super) error: PhantomData<E>,
}

impl<'de, E: de::Error> Deserializer<'de> for MissingField<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(E::missing_field(self.field))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
