//! Touch-ups that make prettyplease's output what rustfmt (default settings) would print, so
//! generated files are rustfmt-stable while formatting never depends on an installed rustfmt.
//!
//! prettyplease breaks lines at 89 columns, rustfmt at 100, so a construct between the two is
//! split by one and joined by the other. Each rule joins a group prettyplease split when rustfmt
//! would keep it on one line, following rustfmt's width heuristics:
//! - a parenthesised group whose items sit one per line: a function signature joins when the
//!   line fits in 100 columns; a call or attribute when, in addition, its arguments fit in 60
//!   (`fn_call_width`) or 70 (`attr_fn_like_width`) columns;
//! - a match arm whose block holds one expression joins as `pattern => expression,`;
//! - an attribute whose arguments stay one per line gets rustfmt's trailing comma.
//!
//! The test suite runs `rustfmt --check` on every fixture and protocol output.

const MAX_WIDTH: usize = 100;
const FN_CALL_WIDTH: usize = 60;
const ATTR_FN_LIKE_WIDTH: usize = 70;

/// Applies every rule to prettyplease output.
pub(super) fn rustfmt_compat(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let lines = join_groups(lines);
    let lines = join_arms(lines);
    let lines = attr_trailing_commas(lines);
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Whether brackets in `s` are balanced (ignoring those inside string literals).
fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for c in s.chars() {
        if in_str {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0 && !in_str
}

/// `open(` / items one per line / `) rest` → one line, when rustfmt would write it so.
fn join_groups(mut lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let open = &lines[i];
        if open.ends_with('(') {
            let ind = indent(open);
            let mut j = i + 1;
            let mut items: Vec<&str> = Vec::new();
            while j < lines.len()
                && indent(&lines[j]) == ind + 4
                && lines[j].ends_with(',')
                && balanced(lines[j].trim_end_matches(','))
            {
                items.push(lines[j].trim());
                j += 1;
            }
            if !items.is_empty()
                && j < lines.len()
                && indent(&lines[j]) == ind
                && lines[j].trim_start().starts_with(')')
            {
                let args = items.join(" ").trim_end_matches(',').to_string();
                let joined = format!("{open}{args}{}", lines[j].trim_start());
                let trimmed = open.trim_start();
                let limit = if trimmed.contains("fn ") && !trimmed.contains('=') {
                    usize::MAX
                } else if trimmed.starts_with("#[") {
                    ATTR_FN_LIKE_WIDTH
                } else {
                    FN_CALL_WIDTH
                };
                let close = lines[j].trim_start();
                // rustfmt's quirk for a body-less signature of exactly 100 columns: the
                // arguments stay on the first line and `-> Type;` goes to the next, at the
                // indentation of `fn`.
                if joined.len() == MAX_WIDTH
                    && trimmed.contains("fn ")
                    && close.starts_with(") ->")
                    && close.ends_with(';')
                    && args.len() <= limit
                {
                    out.push(format!("{open}{args})"));
                    out.push(format!("{}{}", " ".repeat(ind), &close[2..]));
                    i = j + 1;
                    continue;
                }
                if joined.len() <= MAX_WIDTH && args.len() <= limit {
                    out.push(joined);
                    i = j + 1;
                    continue;
                }
            }
        }
        // Lines before `i` are never read again: move instead of copying.
        out.push(std::mem::take(&mut lines[i]));
        i += 1;
    }
    out
}

/// `pattern => {` / one expression / `}` → `pattern => expression,` when it fits.
fn join_arms(mut lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let head = &lines[i];
        if head.ends_with(" => {") && i + 2 < lines.len() {
            let ind = indent(head);
            let body = &lines[i + 1];
            let close = &lines[i + 2];
            let expr = body.trim();
            let single = indent(body) == ind + 4
                && close.trim() == "}"
                && indent(close) == ind
                && !expr.ends_with(';')
                && !expr.starts_with("let ")
                && balanced(expr);
            if single {
                let joined = format!("{} {expr},", head.trim_end_matches(" {"));
                if joined.len() <= MAX_WIDTH {
                    out.push(joined);
                    i += 3;
                    continue;
                }
            }
        }
        // Lines before `i` are never read again: move instead of copying.
        out.push(std::mem::take(&mut lines[i]));
        i += 1;
    }
    out
}

/// An attribute whose arguments are one per line ends its last argument with a comma.
fn attr_trailing_commas(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut in_attr = false;
    for line in lines {
        let trimmed = line.trim();
        if trimmed.starts_with("#[") && trimmed.ends_with('(') {
            in_attr = true;
        } else if in_attr && trimmed == ")]" {
            in_attr = false;
            if let Some(prev) = out.last_mut()
                && !prev.ends_with(',')
                && !prev.ends_with('(')
            {
                prev.push(',');
            }
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_that_fit_in_100_columns_join() {
        let text = "    fn frontend_process_spawn(\n        &mut self,\n        m: worker_to_host::FrontendProcessSpawn,\n    ) -> Self::Output {\n";
        assert_eq!(
            rustfmt_compat(text),
            "    fn frontend_process_spawn(&mut self, m: worker_to_host::FrontendProcessSpawn) -> Self::Output {\n"
        );
    }

    #[test]
    fn a_body_less_signature_of_exactly_100_columns_breaks_before_the_arrow() {
        let name = "S".repeat(22);
        let text = format!(
            "    fn unhandled(\n        &mut self,\n        m: {name},\n    ) -> impl Future<Output = Self::Output> + Send;\n"
        );
        assert_eq!(
            rustfmt_compat(&text),
            format!(
                "    fn unhandled(&mut self, m: {name})\n    -> impl Future<Output = Self::Output> + Send;\n"
            )
        );
        // One column less fits on one line; one more stays split.
        let short = text.replace(&name, &"S".repeat(21));
        assert_eq!(rustfmt_compat(&short).lines().count(), 1);
        let long = text.replace(&name, &"S".repeat(23));
        assert_eq!(rustfmt_compat(&long), long);
    }

    #[test]
    fn calls_with_long_arguments_stay_split() {
        let text = "    f(\n        aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,\n        bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,\n    )\n";
        assert_eq!(rustfmt_compat(text), text);
    }

    #[test]
    fn single_expression_arms_join() {
        let text = "        match x {\n            Self::A(m) => {\n                h.a(m)\n            }\n        }\n";
        assert_eq!(
            rustfmt_compat(text),
            "        match x {\n            Self::A(m) => h.a(m),\n        }\n"
        );
    }

    #[test]
    fn vertical_attributes_get_a_trailing_comma() {
        let text = "#[derive(\n    A,\n    B\n)]\n";
        assert_eq!(rustfmt_compat(text), "#[derive(\n    A,\n    B,\n)]\n");
    }
}
