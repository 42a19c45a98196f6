//! Doc text is text: every `#[doc]`, `#[doc(alias)]` and `#[deprecated(note)]` the backend
//! emits passes through [`sanitize_tokens`] on the way to the formatter, so text from the
//! input (descriptions, property names, enum values, tags, method names) can never become a
//! doctest that `cargo test` compiles and runs in the user's crate.
//!
//! The rules, applied to the whole doc of an item (its consecutive `#[doc]` lines, as
//! rustdoc joins them):
//! - every fenced code block becomes a ```` ```text ```` block (whatever its info string), and
//!   an unterminated fence is closed;
//! - lines indented as code (4+ columns, also inside quotes and list items) are de-indented,
//!   so no indented code block exists;
//! - control characters (CR, NUL, escapes), bidi controls and line/paragraph separators are
//!   removed, tabs become spaces;
//! - `<` that would open raw HTML outside code spans becomes `&lt;` (no `<script>` in the
//!   rendered docs);
//! - an alias rustdoc would reject (quotes, control characters, surrounding spaces, empty) is
//!   dropped; a deprecation note is one line of the same clean text.

use proc_macro2::{Delimiter, Group, Literal, Punct, Spacing, TokenStream, TokenTree};

/// Rewrites every doc attribute in `tokens` (nested groups included) to inert text.
pub(crate) fn sanitize_tokens(tokens: TokenStream) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        if let Some((_, inner, _)) = doc_line(&trees, i) {
            let mut texts = Vec::new();
            let mut j = i;
            while let Some((w, inn, text)) = doc_line(&trees, j) {
                if inn != inner {
                    break;
                }
                texts.push(text);
                j += w;
            }
            let joined = texts.join("\n");
            let clean = prose(&joined);
            if clean == joined {
                out.extend(trees[i..j].iter().cloned());
            } else {
                for line in clean.split('\n') {
                    out.extend(doc_attr(inner, line));
                }
            }
            i = j;
            continue;
        }
        if let Some(replacement) = meta_attr(&trees, i) {
            let (width, tokens) = replacement;
            out.extend(tokens);
            i += width;
            continue;
        }
        match &trees[i] {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), sanitize_tokens(g.stream()));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            t => out.push(t.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// `#[doc = "..."]` or `#![doc = "..."]` at `i`: (token count, inner, text).
fn doc_line(trees: &[TokenTree], i: usize) -> Option<(usize, bool, String)> {
    let (inner, group_at) = attr_start(trees, i)?;
    let TokenTree::Group(g) = trees.get(group_at)? else {
        return None;
    };
    let parts: Vec<TokenTree> = g.stream().into_iter().collect();
    match parts.as_slice() {
        [
            TokenTree::Ident(id),
            TokenTree::Punct(eq),
            TokenTree::Literal(lit),
        ] if id == "doc" && eq.as_char() == '=' => {
            Some((group_at + 1 - i, inner, string_value(lit)?))
        }
        _ => None,
    }
}

/// Where an attribute starts: `#` then `[..]` (outer) or `#` `!` `[..]` (inner).
fn attr_start(trees: &[TokenTree], i: usize) -> Option<(bool, usize)> {
    let TokenTree::Punct(p) = trees.get(i)? else {
        return None;
    };
    if p.as_char() != '#' {
        return None;
    }
    match trees.get(i + 1)? {
        TokenTree::Punct(bang) if bang.as_char() == '!' => Some((true, i + 2)),
        TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket => Some((false, i + 1)),
        _ => None,
    }
    .filter(|(_, at)| {
        matches!(trees.get(*at), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket)
    })
}

/// `#[doc(alias = "..")]` (dropped when rustdoc would reject the alias) and
/// `#[deprecated(note = "..")]` (the note cleaned): (token count, replacement).
fn meta_attr(trees: &[TokenTree], i: usize) -> Option<(usize, Vec<TokenTree>)> {
    let (inner, group_at) = attr_start(trees, i)?;
    let TokenTree::Group(g) = trees.get(group_at)? else {
        return None;
    };
    let parts: Vec<TokenTree> = g.stream().into_iter().collect();
    let [TokenTree::Ident(name), TokenTree::Group(args)] = parts.as_slice() else {
        return None;
    };
    let args: Vec<TokenTree> = args.stream().into_iter().collect();
    let [
        TokenTree::Ident(key),
        TokenTree::Punct(eq),
        TokenTree::Literal(lit),
    ] = args.as_slice()
    else {
        return None;
    };
    let wanted = (name == "doc" && key == "alias") || (name == "deprecated" && key == "note");
    if !wanted || eq.as_char() != '=' {
        return None;
    }
    let value = string_value(lit)?;
    let width = group_at + 1 - i;
    if name == "doc" && key == "alias" {
        if alias_ok(&value) {
            return None;
        }
        return Some((width, Vec::new()));
    }
    if name == "deprecated" && key == "note" {
        let clean = one_line(&value);
        if clean == value {
            return None;
        }
        let tokens: TokenStream = if inner {
            quote::quote!(#![deprecated(note = #clean)])
        } else {
            quote::quote!(#[deprecated(note = #clean)])
        };
        return Some((width, tokens.into_iter().collect()));
    }
    None
}

fn doc_attr(inner: bool, line: &str) -> Vec<TokenTree> {
    let lit = Literal::string(line);
    let body: TokenStream = quote::quote!(doc = #lit);
    let mut out = vec![TokenTree::Punct(Punct::new('#', Spacing::Alone))];
    if inner {
        out.push(TokenTree::Punct(Punct::new('!', Spacing::Alone)));
    }
    out.push(TokenTree::Group(Group::new(Delimiter::Bracket, body)));
    out
}

fn string_value(lit: &Literal) -> Option<String> {
    let repr = lit.to_string();
    // A plain literal without escapes is its own text (most doc lines): no parse needed.
    if let Some(text) = repr.strip_prefix('"').and_then(|r| r.strip_suffix('"'))
        && !text.contains(['\\', '"'])
    {
        return Some(text.to_string());
    }
    syn::parse_str::<syn::LitStr>(&repr).ok().map(|s| s.value())
}

/// Whether rustdoc accepts `alias` in `#[doc(alias = ..)]` (rustc's `check_doc_alias_value`):
/// not empty, no leading or trailing space, no `"`, `'` or whitespace other than a space; and
/// no control or bidi characters (ours).
pub fn alias_ok(alias: &str) -> bool {
    !alias.is_empty()
        && !alias.starts_with(' ')
        && !alias.ends_with(' ')
        && !alias.chars().any(|c| {
            c == '"' || c == '\'' || (c.is_whitespace() && c != ' ') || c.is_control() || removed(c)
        })
}

/// A deprecation note as one line of clean prose.
fn one_line(note: &str) -> String {
    let clean: String = note
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control() && !removed(*c))
        .collect();
    clean.replace("```", "'''").replace("~~~", "'''")
}

/// Characters taken out of doc text: bidi controls and the Unicode line separators.
fn removed(c: char) -> bool {
    crate::diag::is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Doc text (one item's, lines joined by `\n`) with no code block rustdoc would compile.
pub fn prose(text: &str) -> String {
    let text: String = text
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() || removed(c) => None,
            c => Some(c),
        })
        .collect();
    // rustdoc removes the indentation all lines share before reading the markdown; the
    // backend writes one space (`/// text`). Counting at most that one keeps the rules
    // independent of how rustdoc unindents: any line indented 4 more is de-indented.
    let common = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(leading_spaces)
        .min()
        .unwrap_or(0)
        .min(1);
    let mut out: Vec<String> = Vec::new();
    // Whether each line of `out` belongs to a fenced block (fences included).
    let mut fenced: Vec<bool> = Vec::new();
    // The open fence: its character, length and the container prefix it was opened in. A
    // fence opened inside a quote or list item is moved out of it (its prefix dropped from
    // its lines), so only a closing fence ends it, as this loop assumes.
    let mut fence: Option<(char, usize, String)> = None;
    for line in text.split('\n') {
        let (lead, body) = line.split_at(common.min(leading_spaces(line)));
        if let Some((ch, len, prefix)) = &fence {
            let inner = strip_container(body, prefix);
            let t = inner.trim_start_matches(' ');
            let run = t.chars().take_while(|c| c == ch).count();
            let closes = inner.len() - t.len() < 4 && run >= *len && t[run..].trim().is_empty();
            out.push(format!("{lead}{inner}"));
            fenced.push(true);
            if closes {
                fence = None;
            }
            continue;
        }
        let (prefix, rest) = containers(body);
        let t = rest.trim_start_matches(' ');
        let indent = rest.len() - t.len();
        if let Some((ch, run)) = fence_open(t) {
            if prefix.is_empty() && indent < 4 && t[run..].trim() == "text" {
                out.push(line.to_string());
            } else {
                let marker: String = std::iter::repeat_n(ch, run).collect();
                out.push(format!("{lead}{marker}text"));
            }
            fenced.push(true);
            fence = Some((ch, run, prefix.to_string()));
            continue;
        }
        fenced.push(false);
        if indent >= 4 {
            out.push(format!("{lead}{prefix}{t}"));
        } else {
            out.push(line.to_string());
        }
    }
    if let Some((ch, len, _)) = fence {
        let marker: String = std::iter::repeat_n(ch, len).collect();
        out.push(format!("{}{marker}", " ".repeat(common)));
        fenced.push(true);
    }
    // Raw HTML in prose (`<script>`, `<img onerror=..>`) would reach the rendered docs:
    // escape tag openers outside code spans, paragraph by paragraph.
    let mut i = 0;
    while i < out.len() {
        if fenced[i] || out[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let end = (i..out.len())
            .find(|&j| fenced[j] || out[j].trim().is_empty())
            .unwrap_or(out.len());
        let paragraph = escape_html(&out[i..end].join("\n"));
        for (k, line) in paragraph.split('\n').enumerate() {
            out[i + k] = line.to_string();
        }
        i = end;
    }
    out.join("\n")
}

/// `<` that could open an HTML tag, comment or declaration becomes `&lt;`, except inside
/// code spans (a backtick run closed by a run of the same length) and after a backslash.
fn escape_html(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '`' => {
                let run = chars[i..].iter().take_while(|c| **c == '`').count();
                let mut j = i + run;
                let mut close = None;
                while j < chars.len() {
                    if chars[j] == '`' {
                        let r = chars[j..].iter().take_while(|c| **c == '`').count();
                        if r == run {
                            close = Some(j + r);
                            break;
                        }
                        j += r;
                    } else {
                        j += 1;
                    }
                }
                let until = close.unwrap_or(i + run);
                out.extend(&chars[i..until]);
                i = until;
            }
            '\\' => {
                out.extend(&chars[i..(i + 2).min(chars.len())]);
                i += 2;
            }
            '<' if chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')) =>
            {
                out.push_str("&lt;");
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn leading_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// `line` without the container prefix its fence was opened in (or the prefix's
/// continuation form, list markers as spaces); unchanged when it has neither.
fn strip_container<'a>(line: &'a str, prefix: &str) -> &'a str {
    if let Some(rest) = line.strip_prefix(prefix) {
        return rest;
    }
    let continuation: String = prefix
        .chars()
        .map(|c| if c == '>' { '>' } else { ' ' })
        .collect();
    line.strip_prefix(continuation.as_str())
        .or_else(|| line.strip_prefix(continuation.trim_end()))
        .unwrap_or(line)
}

/// A fence opener at the start of `s`: its character and run length (a backtick fence's
/// info string cannot hold a backtick: then it is inline code, not a fence).
fn fence_open(s: &str) -> Option<(char, usize)> {
    let ch = s.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let run = s.chars().take_while(|c| *c == ch).count();
    if run < 3 || (ch == '`' && s[run..].contains('`')) {
        return None;
    }
    Some((ch, run))
}

/// Splits off block-quote markers and list markers (`>`, `-`, `*`, `+`, `1.`, `1)`) with
/// their spaces: (prefix, rest).
fn containers(line: &str) -> (&str, &str) {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let trimmed = rest.trim_start_matches(' ');
        let lead = rest.len() - trimmed.len();
        if lead >= 4 {
            break;
        }
        if let Some(after) = trimmed.strip_prefix('>') {
            at += lead + 1 + usize::from(after.starts_with(' '));
            continue;
        }
        let bullet = ["- ", "* ", "+ "].iter().any(|b| trimmed.starts_with(b));
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        let ordered = (1..=9).contains(&digits)
            && (trimmed[digits..].starts_with(". ") || trimmed[digits..].starts_with(") "));
        if bullet {
            at += lead + 2;
        } else if ordered {
            at += lead + digits + 2;
        } else {
            break;
        }
    }
    line.split_at(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_values_read_back_with_and_without_escapes() {
        for text in [
            "plain",
            "",
            "with \"quotes\"",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "ünï ☃",
        ] {
            assert_eq!(string_value(&Literal::string(text)).as_deref(), Some(text));
        }
        let raw: Literal = "r\"raw \\ text\"".parse().unwrap();
        assert_eq!(string_value(&raw).as_deref(), Some("raw \\ text"));
    }

    #[test]
    fn fences_become_text_and_are_closed() {
        assert_eq!(prose(" a\n ```\n x()\n ```"), " a\n ```text\n x()\n ```");
        assert_eq!(prose(" ```rust,no_run\n x()"), " ```text\n x()\n ```");
        assert_eq!(prose(" ~~~~\n x()\n ~~~~"), " ~~~~text\n x()\n ~~~~");
        assert_eq!(prose(" > ```\n > x()"), " ```text\n x()\n ```");
        assert_eq!(
            prose(" - ```\n   x()\n   ```\n - b"),
            " ```text\n x()\n ```\n - b"
        );
        // A list item ends, its fence with it, and a new fence opens: still text.
        assert_eq!(
            prose(" - ```\n x\n ```rust\n evil()"),
            " ```text\n x\n ```rust\n evil()\n ```"
        );
        assert_eq!(prose(" ```text\n x\n ```"), " ```text\n x\n ```");
        assert_eq!(prose(" use ```a``` inline"), " use ```a``` inline");
    }

    #[test]
    fn indented_code_is_de_indented() {
        assert_eq!(prose(" a\n\n     x();"), " a\n\n x();");
        assert_eq!(prose(" a\n\n\tx();"), " a\n\n x();");
        assert_eq!(prose(" >     x();"), " > x();");
        assert_eq!(prose(" - a\n\n         x();"), " - a\n\n x();");
        assert_eq!(
            prose("     all indented\n     alike"),
            " all indented\n alike"
        );
    }

    #[test]
    fn control_and_bidi_characters_are_removed() {
        assert_eq!(prose(" a\r\u{0}\u{1b}[31m\u{202e}b\u{2066}"), " a[31mb");
    }

    #[test]
    fn html_outside_code_is_escaped() {
        assert_eq!(
            prose(" a <script>x</script> `Vec<T>` <3"),
            " a &lt;script>x&lt;/script> `Vec<T>` <3"
        );
        assert_eq!(prose(" ``a`b <c>`` <d"), " ``a`b <c>`` &lt;d");
        assert_eq!(prose(" ```\n <b>\n ```"), " ```text\n <b>\n ```");
        assert_eq!(prose(" \\<b> `open <i>"), " \\<b> `open &lt;i>");
    }

    #[test]
    fn aliases_rustdoc_rejects_are_found() {
        assert!(alias_ok("2fa"));
        for bad in [
            "",
            " a",
            "a ",
            "a\"b",
            "it's",
            "a\tb",
            "a\u{202e}",
            "a\u{a0}b",
        ] {
            assert!(!alias_ok(bad), "{bad:?}");
        }
    }

    #[test]
    fn every_doc_attribute_is_rewritten() {
        let tokens = quote::quote! {
            #[doc = " x"]
            #[doc = " ```"]
            #[doc = " run()"]
            #[doc(alias = "a\"b")]
            #[deprecated(note = "```\nrun()")]
            mod m { #[doc = "     indented()"] struct S; }
        };
        let out = sanitize_tokens(tokens).to_string();
        assert!(out.contains("\" ```text\""), "{out}");
        assert!(!out.contains("alias"), "{out}");
        assert!(out.contains("note = \"''' run()\""), "{out}");
        assert!(out.contains("\" indented()\""), "{out}");
    }
}
