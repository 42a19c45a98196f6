//! Type expressions and members: oxc's `TSType`s and signatures → the frontend's [`TsType`]
//! and [`Member`], with JSDoc attached; the member-separator check oxc does not make.

use super::{Conv, SyntaxError, span};
use crate::frontend::typescript::syntax::*;
use oxc_ast::ast;
use oxc_span::GetSpan;

/// Type expressions nested deeper than this are an error (the later stages recurse).
const MAX_DEPTH: usize = 128;

impl Conv<'_> {
    pub(super) fn members(&self, sigs: &[ast::TSSignature<'_>]) -> Vec<Member> {
        // Members are separated by `;`, `,` or a line break; oxc accepts `name string;` as
        // two members (`name` and `string`) without a diagnostic, tsc reports `';' expected`.
        for pair in sigs.windows(2) {
            let (a, b) = (pair[0].span(), pair[1].span());
            let own = self.source(a);
            let gap = self
                .text
                .get(a.end as usize..b.start as usize)
                .unwrap_or_default();
            if !own.trim_end().ends_with([';', ',']) && !gap.contains([';', ',', '\n', '\r']) {
                self.errors.borrow_mut().push(SyntaxError {
                    span: span(b),
                    message: "`;` expected".into(),
                    help: Some("separate members with `;` (a member is `name: Type;`)".into()),
                });
            }
        }
        sigs.iter().map(|s| self.member(s)).collect()
    }

    fn member(&self, sig: &ast::TSSignature<'_>) -> Member {
        use ast::TSSignature as G;
        let sp = sig.span();
        let key = |key: &ast::PropertyKey<'_>, computed: bool| match key.static_name() {
            Some(n) if !computed || matches!(key, ast::PropertyKey::StringLiteral(_)) => {
                Some(n.to_string())
            }
            _ => None,
        };
        let (name, optional, kind) = match sig {
            G::TSPropertySignature(p) => match key(&p.key, p.computed) {
                Some(name) => (
                    name,
                    p.optional,
                    MemberKind::Property(
                        p.type_annotation
                            .as_ref()
                            .map(|t| self.ty(&t.type_annotation)),
                    ),
                ),
                None => (self.source(p.key.span()), p.optional, MemberKind::Method),
            },
            G::TSMethodSignature(m) => (
                key(&m.key, m.computed).unwrap_or_else(|| self.source(m.key.span())),
                m.optional,
                MemberKind::Method,
            ),
            G::TSCallSignatureDeclaration(_) => {
                ("(call signature)".into(), false, MemberKind::Method)
            }
            G::TSConstructSignatureDeclaration(_) => {
                ("(construct signature)".into(), false, MemberKind::Method)
            }
            G::TSIndexSignature(i) => (
                String::new(),
                false,
                MemberKind::Index(
                    self.ty(&i.parameter.type_annotation.type_annotation),
                    self.ty(&i.type_annotation.type_annotation),
                ),
            ),
        };
        Member {
            name,
            span: span(sp),
            optional,
            kind,
            doc: self.doc(sp.start),
        }
    }

    pub(super) fn ty(&self, t: &ast::TSType<'_>) -> TsType {
        let depth = self.depth.get();
        if depth >= MAX_DEPTH {
            return TsType {
                span: span(t.span()),
                kind: TyKind::Unsupported("type nested more than 128 levels deep"),
                doc: None,
            };
        }
        self.depth.set(depth + 1);
        let ty = self.ty_inner(t);
        self.depth.set(depth);
        ty
    }

    fn ty_inner(&self, t: &ast::TSType<'_>) -> TsType {
        use ast::TSType as T;
        let sp = span(t.span());
        let kind = match t {
            T::TSAnyKeyword(_) => TyKind::Any,
            T::TSUnknownKeyword(_) => TyKind::Unknown,
            T::TSStringKeyword(_) => TyKind::String,
            T::TSNumberKeyword(_) => TyKind::Number,
            T::TSBooleanKeyword(_) => TyKind::Boolean,
            T::TSNullKeyword(_) => TyKind::Null,
            T::TSUndefinedKeyword(_) | T::TSVoidKeyword(_) => TyKind::Undefined,
            T::TSNeverKeyword(_) => TyKind::Never,
            T::TSObjectKeyword(_) => TyKind::ObjectKeyword,
            T::TSLiteralType(l) => match &l.literal {
                ast::TSLiteral::BooleanLiteral(b) => TyKind::Literal(b.value.into()),
                ast::TSLiteral::NumericLiteral(n) => TyKind::Literal(number(n.value)),
                ast::TSLiteral::StringLiteral(s) => TyKind::Literal(s.value.as_str().into()),
                ast::TSLiteral::TemplateLiteral(t) => match t.quasis.as_slice() {
                    [q] => TyKind::Literal(
                        q.value
                            .cooked
                            .map(|c| c.as_str())
                            .unwrap_or_default()
                            .into(),
                    ),
                    _ => TyKind::Unsupported("template literal"),
                },
                ast::TSLiteral::UnaryExpression(u) => match literal_value(&u.argument) {
                    Some(serde_json::Value::Number(n))
                        if u.operator == ast::UnaryOperator::UnaryNegation =>
                    {
                        TyKind::Literal(number(-n.as_f64().unwrap_or_default()))
                    }
                    _ => TyKind::Unsupported("literal expression"),
                },
                ast::TSLiteral::BigIntLiteral(_) => TyKind::Unsupported("bigint literal"),
            },
            T::TSTypeReference(r) => TyKind::Ref {
                name: type_name(&r.type_name),
                args: self.args(r.type_arguments.as_deref()),
            },
            T::TSArrayType(a) => TyKind::Array(Box::new(self.ty(&a.element_type))),
            T::TSTupleType(t) => {
                TyKind::Tuple(t.element_types.iter().map(|e| self.tuple_elem(e)).collect())
            }
            T::TSNamedTupleMember(m) => return self.tuple_elem(&m.element_type).ty,
            T::TSTypeLiteral(l) => TyKind::Object(self.members(&l.members)),
            T::TSUnionType(u) => TyKind::Union(
                u.types
                    .iter()
                    .map(|m| {
                        let mut ty = self.ty(m);
                        if ty.doc.is_none() {
                            ty.doc = self.doc_before(m.span().start, "|");
                        }
                        ty
                    })
                    .collect(),
            ),
            T::TSIntersectionType(i) => {
                TyKind::Intersection(i.types.iter().map(|m| self.ty(m)).collect())
            }
            T::TSParenthesizedType(p) => return self.ty(&p.type_annotation),
            T::TSTypeOperatorType(o) => match o.operator {
                ast::TSTypeOperatorOperator::Keyof => {
                    TyKind::Keyof(Box::new(self.ty(&o.type_annotation)))
                }
                ast::TSTypeOperatorOperator::Readonly => return self.ty(&o.type_annotation),
                ast::TSTypeOperatorOperator::Unique => TyKind::Unsupported("unique symbol type"),
            },
            T::TSTypeQuery(q) => match &q.expr_name {
                ast::TSTypeQueryExprName::TSImportType(_) => {
                    TyKind::Unsupported("`typeof import(...)` type")
                }
                other => match other.as_ts_type_name() {
                    Some(n) => TyKind::Typeof(type_name(n)),
                    None => TyKind::Unsupported("`typeof` query"),
                },
            },
            T::TSIndexedAccessType(i) => TyKind::Indexed(
                Box::new(self.ty(&i.object_type)),
                Box::new(self.ty(&i.index_type)),
            ),
            T::TSMappedType(m) => TyKind::Mapped(Box::new(Mapped {
                key: m.key.name.to_string(),
                constraint: self.ty(&m.constraint),
                remap: m.name_type.as_ref().map(|t| self.ty(t)),
                value: m.type_annotation.as_ref().map(|t| self.ty(t)),
                optional: m
                    .optional
                    .map(|o| !matches!(o, ast::TSMappedTypeModifierOperator::Minus)),
            })),
            T::TSTemplateLiteralType(t) => TyKind::Template(
                t.quasis
                    .iter()
                    .map(|q| q.value.cooked.map(|c| c.to_string()).unwrap_or_default())
                    .collect(),
                t.types.iter().map(|t| self.ty(t)).collect(),
            ),
            T::TSFunctionType(_) | T::TSConstructorType(_) => TyKind::Function,
            T::TSConditionalType(_) => TyKind::Unsupported("conditional type"),
            T::TSInferType(_) => TyKind::Unsupported("`infer` type"),
            T::TSImportType(_) => TyKind::Unsupported("`import(...)` type"),
            T::TSThisType(_) => TyKind::Unsupported("`this` type"),
            T::TSTypePredicate(_) => TyKind::Unsupported("type predicate"),
            T::TSSymbolKeyword(_) => TyKind::Unsupported("`symbol` type"),
            T::TSBigIntKeyword(_) => TyKind::Unsupported("`bigint` type"),
            T::TSIntrinsicKeyword(_) => TyKind::Unsupported("`intrinsic` type"),
            T::JSDocNullableType(_) | T::JSDocNonNullableType(_) | T::JSDocUnknownType(_) => {
                TyKind::Unsupported("JSDoc type")
            }
        };
        TsType {
            span: sp,
            kind,
            doc: self.doc(sp.start),
        }
    }

    fn tuple_elem(&self, e: &ast::TSTupleElement<'_>) -> TupleElem {
        match e {
            ast::TSTupleElement::TSOptionalType(o) => TupleElem {
                ty: self.ty(&o.type_annotation),
                optional: true,
                rest: false,
            },
            ast::TSTupleElement::TSRestType(r) => TupleElem {
                ty: self.ty(&r.type_annotation),
                optional: false,
                rest: true,
            },
            ast::TSTupleElement::TSNamedTupleMember(m) => {
                let mut inner = self.tuple_elem(&m.element_type);
                inner.optional |= m.optional;
                inner
            }
            other => match other.as_ts_type() {
                Some(t) => TupleElem {
                    ty: self.ty(t),
                    optional: false,
                    rest: false,
                },
                None => TupleElem {
                    ty: TsType {
                        span: span(other.span()),
                        kind: TyKind::Unsupported("tuple element"),
                        doc: None,
                    },
                    optional: false,
                    rest: false,
                },
            },
        }
    }
}

/// The segments of `a.b.C`.
pub(super) fn type_name(n: &ast::TSTypeName<'_>) -> Vec<String> {
    match n {
        ast::TSTypeName::IdentifierReference(i) => vec![i.name.to_string()],
        ast::TSTypeName::QualifiedName(q) => {
            let mut v = type_name(&q.left);
            v.push(q.right.name.to_string());
            v
        }
        ast::TSTypeName::ThisExpression(_) => vec!["this".into()],
    }
}

/// A JSON number: an integer when the value is integral and exact.
pub fn number(f: f64) -> serde_json::Value {
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        serde_json::Value::from(f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// The value of a literal expression (`"a"`, `1`, `-1`, `true`, a template without
/// substitutions).
pub(super) fn literal_value(e: &ast::Expression<'_>) -> Option<serde_json::Value> {
    match e {
        ast::Expression::StringLiteral(s) => Some(s.value.as_str().into()),
        ast::Expression::NumericLiteral(n) => Some(number(n.value)),
        ast::Expression::BooleanLiteral(b) => Some(b.value.into()),
        ast::Expression::TemplateLiteral(t) if t.expressions.is_empty() => t
            .quasis
            .first()
            .and_then(|q| q.value.cooked)
            .map(|c| c.as_str().into()),
        ast::Expression::UnaryExpression(u) if u.operator == ast::UnaryOperator::UnaryNegation => {
            match literal_value(&u.argument)? {
                serde_json::Value::Number(n) => Some(number(-n.as_f64()?)),
                _ => None,
            }
        }
        ast::Expression::ParenthesizedExpression(p) => literal_value(&p.expression),
        _ => None,
    }
}
