//! One small case per rule of the compatibility table: `codegen/tests/fixtures/diff/<rule>/`
//! holds `old.json` and `new.json`, each report is snapshotted (`diff__case_<rule>`) and must
//! show its rule. Also: reversing a case mirrors its verdicts, the table in
//! `docs/compatibility.md` is the one the code renders, and any two construct fixtures compare
//! without a panic, deterministically.

use super::{report, settings};
use crate::{fixtures, json_files, repo_root};
use std::path::PathBuf;
use wiregen::diff::{Report, RuleId, Verdict, report as render, rules};

fn case(rule: RuleId) -> (PathBuf, PathBuf) {
    let dir = fixtures("diff").join(rule.name());
    (dir.join("old.json"), dir.join("new.json"))
}

fn case_report(rule: RuleId) -> Report {
    let (old, new) = case(rule);
    report(&old, &new, "old.json", "new.json")
}

#[test]
fn every_rule_has_a_case_and_no_case_is_left_over() {
    let mut dirs: Vec<String> = std::fs::read_dir(fixtures("diff"))
        .expect("fixtures/diff")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut names: Vec<String> = RuleId::ALL.iter().map(|r| r.name().to_string()).collect();
    names.sort();
    assert_eq!(dirs, names);
}

#[test]
fn every_case_shows_its_rule_and_matches_its_snapshot() {
    for &rule in RuleId::ALL {
        let r = case_report(rule);
        let text = render::text(&r, false);
        let shown = match rule {
            RuleId::NoChange => r.changes().next().is_none(),
            RuleId::WireNameRenamed | RuleId::VariantMoved => {
                r.changes().any(|c| c.notes.iter().any(|n| n.rule == rule))
            }
            _ => r.changes().any(|c| c.rule == rule),
        };
        assert!(shown, "case `{rule}` does not show its rule:\n{text}");
        settings().bind(|| insta::assert_snapshot!(format!("diff__case_{}", rule.name()), text));
    }
}

#[test]
fn reversing_a_case_mirrors_its_verdicts() {
    // What breaks old senders one way breaks old receivers the other way, rule by rule.
    let pairs = |r: &Report, swap: bool| {
        let mut v: Vec<(Verdict, Verdict)> = r
            .changes()
            .map(|c| {
                let (a, b) = (c.old_to_new(), c.new_to_old());
                if swap { (b, a) } else { (a, b) }
            })
            .collect();
        v.sort();
        v
    };
    for &rule in RuleId::ALL {
        let (old, new) = case(rule);
        let forward = report(&old, &new, "old", "new");
        let backward = report(&new, &old, "new", "old");
        assert_eq!(
            pairs(&forward, false),
            pairs(&backward, true),
            "case `{rule}`:\n{}\n{}",
            render::text(&forward, false),
            render::text(&backward, false)
        );
    }
}

#[test]
fn docs_hold_the_rules_table_the_code_renders() {
    let path = repo_root().join("docs/compatibility.md");
    let docs = std::fs::read_to_string(&path).expect("docs/compatibility.md");
    let table = rules::markdown_table();
    assert!(
        docs.contains(&table),
        "docs/compatibility.md must contain the rules table exactly as `wiregen::diff::rules::markdown_table()` renders it:\n\n{table}"
    );
}

#[test]
fn any_two_construct_fixtures_compare_without_panicking_and_deterministically() {
    let files = json_files(&fixtures("jsonschema"));
    let modules: Vec<_> = files
        .iter()
        .filter_map(|f| wiregen::load(f).ok().map(|m| (f, m)))
        .collect();
    assert!(modules.len() >= 15, "fixtures missing");
    for (a, old) in &modules {
        for (b, new) in &modules {
            let label = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().into_owned();
            let r = Report::new(&label(a), &label(b), old, new);
            let again = Report::new(&label(a), &label(b), old, new);
            assert_eq!(r, again, "{} → {}", a.display(), b.display());
            let _ = (
                render::text(&r, true),
                render::markdown(&r),
                render::json(&r),
            );
            if a == b {
                assert_eq!(r.changes().count(), 0, "{} against itself", a.display());
            }
        }
    }
}

#[test]
fn a_method_is_judged_by_where_its_params_and_result_travel() {
    // The result goes from any JSON value to `Status`: new callees still answer old callers
    // acceptably, but old callees' answers may not be a `Status` for new callers.
    let r = case_report(RuleId::TypeNarrowed);
    let status = r
        .routes
        .iter()
        .find(|r| r.name == "status")
        .expect("status");
    assert_eq!(status.kind, wiregen::diff::RouteKind::Request);
    assert_eq!(status.direction.as_deref(), Some("client → server"));
    assert_eq!(
        (status.old_to_new, status.new_to_old),
        (Verdict::Compatible, Verdict::Breaking)
    );
    // Params go the other way: an unrelated params type breaks both.
    let r = case_report(RuleId::TypeChanged);
    let ping = r.routes.iter().find(|r| r.name == "ping").expect("ping");
    assert_eq!(
        (ping.old_to_new, ping.new_to_old),
        (Verdict::Breaking, Verdict::Breaking)
    );
}
