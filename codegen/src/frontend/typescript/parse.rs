//! Parsing: one file's text → [`SourceFile`] with oxc. This is the only file that sees oxc's
//! arena-allocated AST; everything is copied into the frontend's own syntax tree, with
//! JSDoc comments attached by oxc's comment positions.

use super::jsdoc::{self, JsDoc};
use super::syntax::*;
use oxc_allocator::Allocator;
use oxc_ast::ast;
use oxc_span::{GetSpan, SourceType};
use std::path::Path;

/// A syntax error: where, what, and oxc's help when it has one.
pub struct SyntaxError {
    /// Where.
    pub span: Span,
    /// What.
    pub message: String,
    /// oxc's help text.
    pub help: Option<String>,
}

/// Brackets nested deeper than this are refused before parsing (the parser recurses).
const MAX_NESTING: usize = 1000;

/// Parses `text` (named `path`, whose extension selects `.ts` or `.d.ts` rules), on a thread
/// with a large stack: oxc's parser recurses once per nesting level.
pub fn parse(path: &Path, text: &str) -> (SourceFile, Vec<SyntaxError>) {
    if let Some(at) = too_deep(text) {
        let error = SyntaxError {
            span: Span { start: at, end: at },
            message: format!("brackets nested more than {MAX_NESTING} levels deep"),
            help: Some("flatten the type with named declarations".into()),
        };
        return (SourceFile::default(), vec![error]);
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(scope, || parse_here(path, text))
            .ok()
            .and_then(|h| h.join().ok())
    })
    .unwrap_or_else(|| parse_here(path, text))
}

/// Where nesting of `( [ {` or of `<` (counted within a statement) first exceeds the limit,
/// skipping strings and comments.
fn too_deep(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let (mut depth, mut angle, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            q @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'<' => angle += 1,
            b'>' => angle = angle.saturating_sub(1),
            b';' => angle = 0,
            _ => {}
        }
        if depth > MAX_NESTING || angle > MAX_NESTING {
            return u32::try_from(i).ok();
        }
        i += 1;
    }
    None
}

fn parse_here(path: &Path, text: &str) -> (SourceFile, Vec<SyntaxError>) {
    let allocator = Allocator::default();
    let source_type = SourceType::from_path(path).unwrap_or_else(|_| SourceType::ts());
    let source_type = if source_type.is_typescript() {
        source_type
    } else {
        SourceType::ts()
    };
    let ret = oxc_parser::Parser::new(&allocator, text, source_type).parse();
    let mut errors: Vec<SyntaxError> = ret
        .diagnostics
        .iter()
        .map(|d| {
            let span = d
                .labels
                .first()
                .map(|l| Span {
                    start: l.offset(),
                    end: l.offset() + l.len(),
                })
                .unwrap_or_default();
            SyntaxError {
                span,
                message: d.message.to_string(),
                help: d.help.as_ref().map(|h| h.to_string()),
            }
        })
        .collect();
    let mut conv = Conv {
        text,
        docs: Vec::new(),
        depth: std::cell::Cell::new(0),
        dts: source_type.is_typescript_definition(),
        ambient: std::cell::Cell::new(false),
        errors: std::cell::RefCell::new(Vec::new()),
    };
    let mut file = SourceFile::default();
    for c in ret.program.comments.iter() {
        // Leading or trailing: `| /** doc */` followed by a newline trails the `|`.
        let Some(raw) = text.get(c.span.start as usize..c.span.end as usize) else {
            continue;
        };
        if !raw.starts_with("/**") || raw == "/**/" {
            continue;
        }
        let doc = jsdoc::parse(raw);
        if doc.package {
            if file.package_doc.is_none() {
                file.package_doc = Some(Box::new(doc));
            }
        } else {
            conv.docs.push((c.span.end, doc));
        }
    }
    for stmt in &ret.program.body {
        conv.statement(stmt, &mut file);
    }
    errors.extend(conv.errors.into_inner());
    (file, errors)
}

struct Conv<'s> {
    text: &'s str,
    /// JSDoc comments by end offset, in source order.
    docs: Vec<(u32, JsDoc)>,
    /// Nesting of the type being converted (deeper types are refused, not recursed into).
    depth: std::cell::Cell<usize>,
    /// A `.d.ts` file: every namespace in it is ambient.
    dts: bool,
    /// Inside an ambient namespace (`declare module X { ... }`).
    ambient: std::cell::Cell<bool>,
    /// Syntax errors oxc recovers from silently (members not separated).
    errors: std::cell::RefCell<Vec<SyntaxError>>,
}

/// Type expressions nested deeper than this are an error (the later stages recurse).
const MAX_DEPTH: usize = 128;

fn span(s: oxc_span::Span) -> Span {
    Span {
        start: s.start,
        end: s.end,
    }
}

impl Conv<'_> {
    /// The JSDoc comment that ends right before `start` (only whitespace between).
    fn doc(&self, start: u32) -> Option<Box<JsDoc>> {
        self.doc_before(start, "")
    }

    /// The JSDoc comment before `start` with only whitespace and `skip` between (a union
    /// member's comment may stand before its `|`).
    fn doc_before(&self, start: u32, skip: &str) -> Option<Box<JsDoc>> {
        let i = self
            .docs
            .partition_point(|(end, _)| *end <= start)
            .checked_sub(1)?;
        let (end, doc) = &self.docs[i];
        let between = self.text.get(*end as usize..start as usize)?.trim();
        (between.is_empty() || between == skip).then(|| Box::new(doc.clone()))
    }

    fn statement(&self, stmt: &ast::Statement<'_>, file: &mut SourceFile) {
        use ast::Statement as S;
        let start = stmt.span().start;
        match stmt {
            S::ImportDeclaration(i) => {
                for spec in i.specifiers.iter().flatten() {
                    let (local, imported, sp) = match spec {
                        ast::ImportDeclarationSpecifier::ImportSpecifier(s) => (
                            s.local.name.as_str(),
                            Some(s.imported.name().to_string()),
                            s.span,
                        ),
                        ast::ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                            (s.local.name.as_str(), Some("default".to_string()), s.span)
                        }
                        ast::ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                            (s.local.name.as_str(), None, s.span)
                        }
                    };
                    file.imports.push(Import {
                        local: local.to_string(),
                        imported,
                        source: i.source.value.to_string(),
                        span: span(sp),
                    });
                }
            }
            S::ExportDeclaration(e) => {
                if let ast::Declaration::TSNamespaceDeclaration(n) = &e.declaration {
                    let name = self.namespace(n, file);
                    file.exports.push(Export::Local {
                        exported: name.clone(),
                        local: name,
                        span: span(e.span),
                    });
                    return;
                }
                for d in self.declaration(&e.declaration, start) {
                    file.exports.push(Export::Local {
                        exported: d.name.clone(),
                        local: d.name.clone(),
                        span: d.span,
                    });
                    file.decls.push(d);
                }
            }
            S::ExportNamedDeclaration(e) => {
                for s in &e.specifiers {
                    file.exports.push(Export::Local {
                        exported: s.exported.name().to_string(),
                        local: s.local.name().to_string(),
                        span: span(s.span),
                    });
                }
            }
            S::ExportFromDeclaration(e) => {
                for s in &e.specifiers {
                    file.exports.push(Export::From {
                        exported: s.exported.name().to_string(),
                        imported: s.local.name().to_string(),
                        source: e.source.value.to_string(),
                        span: span(s.span),
                    });
                }
            }
            S::ExportAllDeclaration(e) if e.exported.is_none() => {
                file.exports.push(Export::Star {
                    source: e.source.value.to_string(),
                    span: span(e.span),
                });
            }
            S::ExportDefaultDeclaration(e) => {
                if let ast::ExportDefaultDeclarationKind::TSInterfaceDeclaration(i) = &e.declaration
                {
                    let d = self.interface(i, start);
                    file.exports.push(Export::Local {
                        exported: "default".into(),
                        local: d.name.clone(),
                        span: d.span,
                    });
                    file.decls.push(d);
                }
            }
            // `export = Api` (the CommonJS form of `@types` packages): `Api` is exported, so a
            // namespace's members are the package's.
            S::TSExportAssignment(e) => {
                if let ast::Expression::Identifier(id) = &e.expression {
                    file.exports.push(Export::Local {
                        exported: id.name.to_string(),
                        local: id.name.to_string(),
                        span: span(e.span),
                    });
                }
            }
            _ => match stmt.as_declaration() {
                Some(ast::Declaration::TSNamespaceDeclaration(n)) => {
                    self.namespace(n, file);
                }
                Some(decl) => file.decls.extend(self.declaration(decl, start)),
                None => {}
            },
        }
    }

    /// A namespace's body, added to `file.namespaces` (merged with a same-named one);
    /// returns its name. `namespace A.B {}` is `A` with an exported `B`.
    fn namespace(&self, n: &ast::TSNamespaceDeclaration<'_>, file: &mut SourceFile) -> String {
        let outer = self.ambient.get();
        self.ambient.set(outer || n.declare || self.dts);
        let mut body = SourceFile::default();
        match &n.body {
            ast::TSNamespaceDeclarationBody::TSModuleBlock(b) => {
                for stmt in &b.body {
                    self.statement(stmt, &mut body);
                }
            }
            ast::TSNamespaceDeclarationBody::TSNamespaceDeclaration(inner) => {
                let name = self.namespace(inner, &mut body);
                body.exports.push(Export::Local {
                    exported: name.clone(),
                    local: name,
                    span: span(inner.span),
                });
            }
        }
        if self.ambient.get() {
            // Ambient: every member is exported.
            let names: Vec<(String, Span)> = body
                .decls
                .iter()
                .map(|d| (d.name.clone(), d.span))
                .chain(body.namespaces.iter().map(|n| (n.name.clone(), n.span)))
                .collect();
            for (name, sp) in names {
                let exported = body
                    .exports
                    .iter()
                    .any(|e| matches!(e, Export::Local { local, .. } if *local == name));
                if !exported {
                    body.exports.push(Export::Local {
                        exported: name.clone(),
                        local: name,
                        span: sp,
                    });
                }
            }
        }
        self.ambient.set(outer);
        let name = n.id.name.to_string();
        merge_namespace(
            &mut file.namespaces,
            Namespace {
                name: name.clone(),
                span: span(n.span),
                body,
            },
        );
        name
    }

    fn declaration(&self, decl: &ast::Declaration<'_>, start: u32) -> Vec<Decl> {
        use ast::Declaration as D;
        let whole = Span {
            start,
            end: decl.span().end,
        };
        let value = |name: &str| Decl {
            name: name.to_string(),
            kind: DeclKind::Value,
            span: whole,
            doc: self.doc(start),
        };
        match decl {
            D::TSInterfaceDeclaration(i) => vec![self.interface(i, start)],
            D::TSTypeAliasDeclaration(a) => vec![Decl {
                name: a.id.name.to_string(),
                kind: DeclKind::Alias {
                    params: self.params(a.type_parameters.as_deref()),
                    ty: self.ty(&a.type_annotation),
                },
                span: whole,
                doc: self.doc(start),
            }],
            D::TSEnumDeclaration(e) => vec![Decl {
                name: e.id.name.to_string(),
                kind: DeclKind::Enum(self.enum_members(e)),
                span: whole,
                doc: self.doc(start),
            }],
            D::VariableDeclaration(v) => v
                .declarations
                .iter()
                .filter_map(|d| {
                    let name = d.id.get_identifier_name()?.to_string();
                    let table = d.init.as_ref().and_then(|init| self.const_table(init));
                    let constant = (v.kind == ast::VariableDeclarationKind::Const)
                        .then(|| self.constant(d))
                        .flatten();
                    Some(match (table, constant) {
                        (Some(members), _) => Decl {
                            kind: DeclKind::ConstTable(members),
                            ..value(&name)
                        },
                        (None, Some(v)) => Decl {
                            kind: DeclKind::Constant(v),
                            ..value(&name)
                        },
                        (None, None) => value(&name),
                    })
                })
                .collect(),
            D::FunctionDeclaration(f) => {
                f.id.as_ref()
                    .map(|id| value(&id.name))
                    .into_iter()
                    .collect()
            }
            D::ClassDeclaration(c) => {
                c.id.as_ref()
                    .map(|id| value(&id.name))
                    .into_iter()
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// The literal type of a `const`: its literal initializer (`= "2.0"`, `= -1`,
    /// `= "a" as const`) or its literal type annotation (`declare const X: "2.0"`).
    fn constant(&self, d: &ast::VariableDeclarator<'_>) -> Option<serde_json::Value> {
        if let Some(t) = &d.type_annotation {
            return match self.ty(&t.type_annotation).kind {
                TyKind::Literal(v) => Some(v),
                _ => None,
            };
        }
        let mut e = d.init.as_ref()?;
        while let ast::Expression::TSAsExpression(a) = e {
            let as_const = matches!(&a.type_annotation, ast::TSType::TSTypeReference(r)
                if matches!(&r.type_name, ast::TSTypeName::IdentifierReference(i) if i.name == "const"));
            if !as_const {
                return None;
            }
            e = &a.expression;
        }
        literal_value(e)
    }

    fn interface(&self, i: &ast::TSInterfaceDeclaration<'_>, start: u32) -> Decl {
        Decl {
            name: i.id.name.to_string(),
            kind: DeclKind::Interface {
                params: self.params(i.type_parameters.as_deref()),
                extends: i
                    .extends
                    .iter()
                    .map(|h| Heritage {
                        name: type_name(&h.type_name),
                        args: self.args(h.type_arguments.as_deref()),
                        span: span(h.span),
                    })
                    .collect(),
                members: self.members(&i.body.body),
            },
            span: Span {
                start,
                end: i.span.end,
            },
            doc: self.doc(start),
        }
    }

    fn params(&self, p: Option<&ast::TSTypeParameterDeclaration<'_>>) -> Vec<TypeParam> {
        p.map(|p| {
            p.params
                .iter()
                .map(|p| TypeParam {
                    name: p.name.name.to_string(),
                    default: p.default.as_ref().map(|d| self.ty(d)),
                })
                .collect()
        })
        .unwrap_or_default()
    }

    fn args(&self, a: Option<&ast::TSTypeParameterInstantiation<'_>>) -> Vec<TsType> {
        a.map(|a| a.params.iter().map(|t| self.ty(t)).collect())
            .unwrap_or_default()
    }

    fn enum_members(&self, e: &ast::TSEnumDeclaration<'_>) -> Vec<ConstMember> {
        let mut next = Some(0.0);
        e.body
            .members
            .iter()
            .map(|m| {
                let name = match &m.id {
                    ast::TSEnumMemberName::Identifier(i) => i.name.to_string(),
                    ast::TSEnumMemberName::String(s) | ast::TSEnumMemberName::ComputedString(s) => {
                        s.value.to_string()
                    }
                    ast::TSEnumMemberName::ComputedTemplateString(t) => self.source(t.span),
                };
                let value = match &m.initializer {
                    None => next.map(number),
                    Some(init) => literal_value(init),
                };
                next = match &value {
                    Some(serde_json::Value::Number(n)) => n.as_f64().map(|f| f + 1.0),
                    _ => None,
                };
                ConstMember {
                    name,
                    value,
                    span: span(m.span),
                    doc: self.doc(m.span.start),
                }
            })
            .collect()
    }

    /// `{ ... } as const` (possibly with `satisfies`) whose keys are static.
    fn const_table(&self, init: &ast::Expression<'_>) -> Option<Vec<ConstMember>> {
        let mut e = init;
        let mut is_const = false;
        loop {
            match e {
                ast::Expression::TSAsExpression(a) => {
                    is_const |= matches!(&a.type_annotation, ast::TSType::TSTypeReference(r)
                        if matches!(&r.type_name, ast::TSTypeName::IdentifierReference(i) if i.name == "const"));
                    e = &a.expression;
                }
                ast::Expression::TSSatisfiesExpression(s) => e = &s.expression,
                ast::Expression::ParenthesizedExpression(p) => e = &p.expression,
                _ => break,
            }
        }
        let ast::Expression::ObjectExpression(obj) = e else {
            return None;
        };
        if !is_const {
            return None;
        }
        obj.properties
            .iter()
            .map(|p| match p {
                ast::ObjectPropertyKind::ObjectProperty(p) if !p.computed => Some(ConstMember {
                    name: p.key.static_name()?.to_string(),
                    value: literal_value(&p.value),
                    span: span(p.span),
                    doc: self.doc(p.span.start),
                }),
                _ => None,
            })
            .collect()
    }

    fn source(&self, s: oxc_span::Span) -> String {
        self.text
            .get(s.start as usize..s.end as usize)
            .unwrap_or_default()
            .to_string()
    }

    fn members(&self, sigs: &[ast::TSSignature<'_>]) -> Vec<Member> {
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

    fn ty(&self, t: &ast::TSType<'_>) -> TsType {
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
fn type_name(n: &ast::TSTypeName<'_>) -> Vec<String> {
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
fn literal_value(e: &ast::Expression<'_>) -> Option<serde_json::Value> {
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

/// Adds a namespace to a list, merging its body into a same-named one (TypeScript merges
/// namespace declarations).
fn merge_namespace(list: &mut Vec<Namespace>, ns: Namespace) {
    match list.iter_mut().find(|n| n.name == ns.name) {
        Some(existing) => {
            let body = &mut existing.body;
            body.decls.extend(ns.body.decls);
            body.imports.extend(ns.body.imports);
            body.exports.extend(ns.body.exports);
            for inner in ns.body.namespaces {
                merge_namespace(&mut body.namespaces, inner);
            }
        }
        None => list.push(ns),
    }
}
