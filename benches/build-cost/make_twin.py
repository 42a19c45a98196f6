#!/usr/bin/env python3
"""Run ONCE to (re)create hand_written.rs: the Spindle types of generated/src/lumiverse_spindle.rs
rewritten as plain serde code (what a user would write by hand): `#[derive(Serialize, Deserialize)]`,
`#[serde(tag = "type")]` unions with a unit `#[serde(other)]` catch-all, no wiregen runtime, no
accessors, handler traits or dispatch (impl and trait blocks are dropped)."""
import re, sys, pathlib

root = pathlib.Path(__file__).resolve().parents[2]
src = (root / "generated/src/lumiverse_spindle.rs").read_text().splitlines()

def braces(line):
    code = re.sub(r'"(\\.|[^"\\])*"', '""', line.split("//")[0])
    return code.count("{") - code.count("}")

out, i = [], 0
while i < len(src):
    line = src[i]
    s = line.strip()
    # Drop impl blocks and traits (with their docs and attributes already emitted: pop them).
    if re.match(r'(pub )?(trait|impl)\b|impl<', s):
        while out and (out[-1].strip().startswith(("///", "#["))):
            out.pop()
        depth = braces(line); i += 1
        while depth > 0:
            depth += braces(src[i]); i += 1
        continue
    i += 1
    if s.startswith("// ") or s.startswith("#[allow(unused_imports)]"):
        continue
    if s == "use ::wiregen_runtime as wg;":
        out.append("use serde::{Deserialize, Serialize};")
        continue
    if 'crate = "wg::serde"' in s or "wg::optional::deserialize" in s or "wg::nullable::deserialize" in s or "wg::js::serialize" in s:
        continue
    line = line.replace("wg::Serialize", "Serialize").replace("wg::Deserialize", "Deserialize")
    line = line.replace("wg::StringEnum", "Serialize, Deserialize").replace("wg::Union", "Serialize, Deserialize")
    line = line.replace("wg::Value", "serde_json::Value").replace("wg::BTreeMap", "std::collections::BTreeMap")
    line = line.replace("#[wiregen(", "#[serde(")
    if s.startswith("#[wiregen(other)]"):
        out.append(line)
        nxt = src[i]; i += 1
        out.append(re.sub(r"(\w+)\((serde_json::Value|wg::Value|String)\)", r"\1", nxt))
        continue
    out.append(line)

text = "//! Hand-written twin of the Spindle 0.4.46 types (plain serde), made once by make_twin.py.\n" + "\n".join(out) + "\n"
assert "wg::" not in text, [l for l in text.splitlines() if "wg::" in l][:5]
(pathlib.Path(__file__).parent / "hand_written.rs").write_text(text)
