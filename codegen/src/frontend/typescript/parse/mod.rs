//! Parsing: one file's text → [`SourceFile`] with oxc. This module (statements, declarations
//! and namespaces here, type expressions and members in `types.rs`) is the only one that sees
//! oxc's arena-allocated AST; everything is copied into the frontend's own syntax tree, with
//! JSDoc comments attached by oxc's comment positions.

use super::jsdoc::{self, JsDoc};
use super::syntax::*;
use oxc_allocator::Allocator;
use oxc_ast::ast;
use oxc_span::{GetSpan, SourceType};
use std::path::Path;
use types::{literal_value, number, type_name};

mod types;

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
    if file.imports.is_empty() && file.exports.is_empty() {
        // A script (no `import` or `export`): its declarations are global, so they are all
        // the package's, as the declarations of a global `.d.ts` are.
        export_all(&mut file);
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
            export_all(&mut body);
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

/// Exports every declaration and namespace of a scope that is not exported yet.
fn export_all(body: &mut SourceFile) {
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
