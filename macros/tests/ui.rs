//! Compile-fail tests: each misuse of the derives is a clear error on the offending tokens.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
