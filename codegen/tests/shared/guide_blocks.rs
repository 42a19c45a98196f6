/// The fenced code blocks (language, body) of the section of `text` (docs/guide.md) that
/// starts with `heading`, up to the next `## ` heading. Shared by the compile crate's build
/// script and the `it` tests (`include!`d by both).
fn fenced_blocks(text: &str, heading: &str) -> Vec<(String, String)> {
    let start = text.find(heading).expect("the guide section");
    let section = &text[start + heading.len()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in section.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(lang)) => current = Some((lang.trim().to_string(), String::new())),
            (Some(_), Some(_)) => blocks.extend(current.take()),
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}
