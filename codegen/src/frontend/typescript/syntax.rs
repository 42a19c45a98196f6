//! The TypeScript frontend's own syntax tree: the declarations, imports and exports of one
//! file and the type expressions they use, owned and free of the parser's arena, so that the
//! later stages (resolution, collection, lowering) are plain Rust over plain data.

use super::jsdoc::JsDoc;

/// A byte range of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// A type expression.
#[derive(Debug, Clone)]
pub struct TsType {
    /// Where it is written.
    pub span: Span,
    /// What it is.
    pub kind: TyKind,
    /// A JSDoc comment written right before it (`| /** doc */ { ... }`, `Array</** doc */ {...}>`):
    /// the docs of the schema node it stands for.
    pub doc: Option<Box<JsDoc>>,
}

/// The kinds of type expressions.
#[derive(Debug, Clone)]
pub enum TyKind {
    /// `any`.
    Any,
    /// `unknown`.
    Unknown,
    /// `string`.
    String,
    /// `number`.
    Number,
    /// `boolean`.
    Boolean,
    /// `null`.
    Null,
    /// `undefined` or `void`.
    Undefined,
    /// `never`.
    Never,
    /// `object`.
    ObjectKeyword,
    /// A literal type: string, number or boolean.
    Literal(serde_json::Value),
    /// A (possibly qualified) name with type arguments: `Foo`, `ns.Foo<T>`.
    Ref {
        /// The name's segments.
        name: Vec<String>,
        /// Type arguments.
        args: Vec<TsType>,
    },
    /// `T[]`.
    Array(Box<TsType>),
    /// `[A, B]`.
    Tuple(Vec<TupleElem>),
    /// `{ a: T; ... }`.
    Object(Vec<Member>),
    /// `A | B`.
    Union(Vec<TsType>),
    /// `A & B`.
    Intersection(Vec<TsType>),
    /// `keyof T`.
    Keyof(Box<TsType>),
    /// `typeof x` (of a value).
    Typeof(Vec<String>),
    /// `T[K]`.
    Indexed(Box<TsType>, Box<TsType>),
    /// `{ [K in C]?: V }`.
    Mapped(Box<Mapped>),
    /// `` `a${T}b` ``: text pieces around the substituted types.
    Template(Vec<String>, Vec<TsType>),
    /// A function or constructor type.
    Function,
    /// A construct wiregen does not map (its name, for the message).
    Unsupported(&'static str),
}

/// An element of a tuple type.
#[derive(Debug, Clone)]
pub struct TupleElem {
    /// Its type.
    pub ty: TsType,
    /// `T?`.
    pub optional: bool,
    /// `...T`.
    pub rest: bool,
}

/// A mapped type.
#[derive(Debug, Clone)]
pub struct Mapped {
    /// The key variable (`K`).
    pub key: String,
    /// What it ranges over.
    pub constraint: TsType,
    /// `as` clause (key remapping).
    pub remap: Option<TsType>,
    /// The value type.
    pub value: Option<TsType>,
    /// `?` (`Some(true)`), `-?` (`Some(false)`), or none.
    pub optional: Option<bool>,
}

/// What a member of an interface or type literal is.
#[derive(Debug, Clone)]
pub enum MemberKind {
    /// `name?: T` (the type is absent when not written).
    Property(Option<TsType>),
    /// `name(...): T`, a call or construct signature, a getter or setter.
    Method,
    /// `[key: K]: V`.
    Index(TsType, TsType),
}

/// A member of an interface or type literal.
#[derive(Debug, Clone)]
pub struct Member {
    /// The key (empty for index and call signatures).
    pub name: String,
    /// The whole member.
    pub span: Span,
    /// `?`.
    pub optional: bool,
    /// What it is.
    pub kind: MemberKind,
    /// Its JSDoc.
    pub doc: Option<Box<JsDoc>>,
}

/// A type parameter.
#[derive(Debug, Clone)]
pub struct TypeParam {
    /// Its name.
    pub name: String,
    /// `= Default`.
    pub default: Option<TsType>,
}

/// `extends Base<Args>` of an interface.
#[derive(Debug, Clone)]
pub struct Heritage {
    /// The base's (possibly qualified) name.
    pub name: Vec<String>,
    /// Type arguments.
    pub args: Vec<TsType>,
    /// Where it is written.
    pub span: Span,
}

/// A member of an `enum` or an `as const` object.
#[derive(Debug, Clone)]
pub struct ConstMember {
    /// The key.
    pub name: String,
    /// Its value, when it is a literal (string, number or boolean).
    pub value: Option<serde_json::Value>,
    /// Where it is written.
    pub span: Span,
    /// Its JSDoc.
    pub doc: Option<Box<JsDoc>>,
}

/// What a declaration declares.
#[derive(Debug, Clone)]
pub enum DeclKind {
    /// `interface X<P> extends B { ... }`.
    Interface {
        /// Type parameters.
        params: Vec<TypeParam>,
        /// Bases.
        extends: Vec<Heritage>,
        /// Members.
        members: Vec<Member>,
    },
    /// `type X<P> = T`.
    Alias {
        /// Type parameters.
        params: Vec<TypeParam>,
        /// The aliased type.
        ty: TsType,
    },
    /// `enum X { ... }`.
    Enum(Vec<ConstMember>),
    /// `const x = { ... } as const` whose values are all literals.
    ConstTable(Vec<ConstMember>),
    /// `const X = "2.0"` or `declare const X: "2.0"`: a constant whose type is one literal
    /// (what `typeof X` denotes).
    Constant(serde_json::Value),
    /// Any other value: a function, a class, a variable.
    Value,
}

/// A top-level declaration.
#[derive(Debug, Clone)]
pub struct Decl {
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: DeclKind,
    /// The whole statement (from `export`, if any).
    pub span: Span,
    /// Its JSDoc.
    pub doc: Option<Box<JsDoc>>,
}

impl Decl {
    /// Type parameters of a generic interface or alias.
    pub fn params(&self) -> &[TypeParam] {
        match &self.kind {
            DeclKind::Interface { params, .. } | DeclKind::Alias { params, .. } => params,
            _ => &[],
        }
    }
}

/// `import type { imported as local } from "source"` (or `* as local`).
#[derive(Debug, Clone)]
pub struct Import {
    /// The local name.
    pub local: String,
    /// The name in the source module; `None` for a namespace import.
    pub imported: Option<String>,
    /// The module specifier.
    pub source: String,
    /// Where the specifier is written.
    pub span: Span,
}

/// One export of a file.
#[derive(Debug, Clone)]
pub enum Export {
    /// A local declaration or binding, exported under `exported`.
    Local {
        /// The exported name.
        exported: String,
        /// The local name.
        local: String,
        /// Where it is written.
        span: Span,
    },
    /// `export { imported as exported } from "source"`.
    From {
        /// The exported name.
        exported: String,
        /// The name in the source module.
        imported: String,
        /// The module specifier.
        source: String,
        /// Where it is written.
        span: Span,
    },
    /// `export * from "source"`.
    Star {
        /// The module specifier.
        source: String,
        /// Where it is written.
        span: Span,
    },
}

/// One parsed file.
#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    /// Declarations in source order.
    pub decls: Vec<Decl>,
    /// Imports in source order.
    pub imports: Vec<Import>,
    /// Exports in source order.
    pub exports: Vec<Export>,
    /// The `@packageDocumentation` (or `@module`, `@file`) comment.
    pub package_doc: Option<Box<JsDoc>>,
    /// `namespace X { ... }`, `declare module X { ... }` (same-named blocks merged), in
    /// source order.
    pub namespaces: Vec<Namespace>,
}

/// A namespace (`namespace X {}`, `module X {}`, `declare namespace X {}`; `namespace A.B {}`
/// is `A` holding an exported `B`). Its body is a scope of its own; in an ambient namespace
/// (`declare`, or any in a `.d.ts` file) every member counts as exported, as in TypeScript.
#[derive(Debug, Clone, Default)]
pub struct Namespace {
    /// Its name.
    pub name: String,
    /// Where it is (first) written.
    pub span: Span,
    /// Its declarations, exports and nested namespaces.
    pub body: SourceFile,
}
