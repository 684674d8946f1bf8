#!/usr/bin/env python3
"""How many of SciPy's and statsmodels' own expected test values the `resample` CLI reproduces.

Reads the peers' test files from the installed scipy and statsmodels packages (their wheels ship
the tests), checks every case of the curated catalogue `cases.py` against them (the cited test
function must exist and every expected literal must still be written inside it, so a case cannot
drift silently), runs the equivalent `resample ... --format json` command and compares with the
peer's own tolerance. Prints (and with --write, saves as RESULTS.md) a per-file table: values
catalogued, expressed by the CLI, agreeing, documented convention differences, pending features
and values the CLI cannot express yet (with the missing feature).

Exit status: 0 when every expressible value agrees and every case is anchored; 1 on a disagreement,
a CLI error on a case that is not marked pending, or a drifted case; 2 on a setup problem.

Usage (see README.md):
  python3 Tests/Fixtures/peers/run.py [--resample PATH] [--write] [--verbose] [--only KEY]
"""

from __future__ import annotations

import argparse
import ast
import datetime
import importlib.util
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import tokenize
from collections import OrderedDict, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent

# The peer files in scope, by the key used in cases.py: (package, path inside the package).
PEER_FILES = OrderedDict(
    [
        ("test_stats", ("scipy", "stats/tests/test_stats.py")),
        ("test_morestats", ("scipy", "stats/tests/test_morestats.py")),
        ("test_resampling", ("scipy", "stats/tests/test_resampling.py")),
        ("test_contingency", ("scipy", "stats/tests/test_contingency.py")),
        ("test_proportion", ("statsmodels", "stats/tests/test_proportion.py")),
        ("test_rates", ("statsmodels", "stats/tests/test_rates_poisson.py")),
        # beyond the issue's six: SciPy keeps Mann–Whitney (resample ranksum) here
        ("test_hypotests", ("scipy", "stats/tests/test_hypotests.py")),
        # statsmodels' multipletests against R multtest / p.adjust (resample padjust)
        ("test_multi", ("statsmodels", "stats/tests/test_multi.py")),
        # statsmodels' McNemar / Bowker against R (resample mcnemar)
        ("test_contingency_tables", ("statsmodels", "stats/tests/test_contingency_tables.py")),
    ]
)
# The first ISSUE_FILES entries are the six files issue 14 names; the rest are extra rows.
ISSUE_FILES = 6
# Files the expected values of a test may live in besides the test file itself.
EXTRA_FILES = {
    "results_proportion": ("statsmodels", "stats/tests/results/results_proportion.py"),
    "results_rates": ("statsmodels", "stats/tests/results/results_rates.py"),
    "contingency_table_r_results": ("statsmodels", "stats/tests/results/contingency_table_r_results.csv"),
}


# ----------------------------------------------------------------------------------------------
# Locating and parsing the peer files


def setup_error(message: str):
    """Stops with exit status 2 (a setup problem, not a disagreement)."""
    print(message, file=sys.stderr)
    sys.exit(2)


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        setup_error(
            f"run.py: the Python package {name!r} is not installed in this interpreter "
            f"({sys.executable}); see Tests/Fixtures/peers/README.md (pip install -r requirements.txt)"
        )
    return Path(list(spec.submodule_search_locations)[0])


def package_version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:  # noqa: BLE001 - report whatever is there
        return "unknown"


class PeerFile:
    """One peer source file: its text, its definitions (with line ranges) and numeric literals."""

    def __init__(self, path: Path):
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        self.lines = self.text.splitlines()
        tree = ast.parse(self.text) if path.suffix == ".py" else ast.parse("")
        self.defs: dict[str, tuple[int, int, str]] = {}  # qualified name -> (first, last, top name)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                self.defs[node.name] = (first, node.end_lineno, node.name)
                if isinstance(node, ast.ClassDef):
                    for sub in node.body:
                        if isinstance(sub, ast.FunctionDef):
                            sfirst = min([sub.lineno] + [d.lineno for d in sub.decorator_list])
                            self.defs[f"{node.name}.{sub.name}"] = (sfirst, sub.end_lineno, node.name)
        self._numbers: dict[tuple[int, int], set[float]] = {}

    def segment(self, first: int, last: int) -> str:
        return "\n".join(self.lines[first - 1 : last])

    def numbers(self, first: int, last: int) -> set[float]:
        """The values of all numeric literals written in lines first...last."""
        key = (first, last)
        if key not in self._numbers:
            found: set[float] = set()
            src = self.segment(first, last)
            try:
                toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
            except (tokenize.TokenError, IndentationError):
                toks = []
            for tok in toks:
                if tok.type == tokenize.NUMBER:
                    try:
                        found.add(abs(float(tok.string.replace("_", ""))))
                    except ValueError:
                        pass
            # also literals inside comments and strings (R output quoted in comments)
            for m in re.finditer(r"(?<![\w.])\d+\.?\d*(?:[eE][-+]?\d+)?|(?<![\w.])\.\d+(?:[eE][-+]?\d+)?", src):
                try:
                    found.add(float(m.group(0)))
                except ValueError:
                    pass
            self._numbers[key] = found
        return self._numbers[key]


def normalise(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ----------------------------------------------------------------------------------------------
# Tolerances (the numpy/scipy assertion each peer test uses)


def tolerance_ok(ours: float, expected: float, tol: dict) -> bool:
    if ours is None:
        return False
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(ours, float) and math.isnan(ours)
    if math.isinf(expected) or math.isinf(ours):
        return ours == expected
    kind = tol["kind"]
    if kind == "allclose":
        return abs(ours - expected) <= tol.get("atol", 0.0) + tol.get("rtol", 1e-7) * abs(expected)
    if kind == "decimal":  # numpy.testing.assert_almost_equal / assert_array_almost_equal
        return abs(ours - expected) < 1.5 * 10.0 ** (-tol["decimal"])
    if kind == "significant":  # numpy.testing.assert_approx_equal
        if ours == expected:
            return True
        scale = 0.5 * (abs(ours) + abs(expected))
        scale = 10.0 ** math.floor(math.log10(scale)) if scale > 0 else 1.0
        return abs(ours / scale - expected / scale) < 10.0 ** (-(tol["significant"] - 1))
    if kind == "equal":  # assert_equal on floats: exact up to floating rounding
        return ours == expected or abs(ours - expected) <= 4e-16 * abs(expected)
    raise ValueError(f"unknown tolerance {tol}")


def describe_tol(tol: dict) -> str:
    kind = tol["kind"]
    if kind == "allclose":
        parts = []
        if tol.get("rtol", 1e-7):
            parts.append(f"rtol={tol.get('rtol', 1e-7):g}")
        if tol.get("atol"):
            parts.append(f"atol={tol['atol']:g}")
        return "allclose(" + ", ".join(parts) + ")"
    if kind == "decimal":
        return f"decimal={tol['decimal']}"
    if kind == "significant":
        return f"significant={tol['significant']}"
    return "equal"


# ----------------------------------------------------------------------------------------------
# Running the CLI


def find_resample(arg: str | None) -> Path:
    """scripts/resample-bin.sh's rule: an executable RESAMPLE_BIN (or --resample), else this
    checkout's .build/release/resample (built on demand by that script, not here)."""
    cand = arg or os.environ.get("RESAMPLE_BIN")
    if cand:
        p = Path(cand)
        if not (p.is_file() and os.access(p, os.X_OK)):
            setup_error(f"run.py: {cand} is not an executable resample CLI")
        return p.resolve()
    p = REPO / ".build" / "release" / "resample"
    if p.is_file() and os.access(p, os.X_OK):
        return p
    setup_error(
        "run.py: no CLI found: build it (swift build -c release --product resample), "
        "or pass --resample PATH / set RESAMPLE_BIN"
    )


def write_numbers(path: Path, values) -> None:
    path.write_text(" ".join(repr(float(v)) if not float(v).is_integer() else str(int(v)) if abs(v) < 1e15 else repr(float(v)) for v in values) + "\n")


def write_groups_csv(path: Path, groups) -> None:
    rows = ["value,group"]
    for gi, g in enumerate(groups):
        for v in g:
            rows.append(f"{float(v)!r},g{gi + 1}")
    path.write_text("\n".join(rows) + "\n")


def write_columns_csv(path: Path, columns) -> None:
    keys = list(columns)
    rows = [",".join(keys)] + [",".join(repr(float(columns[k][i])) for k in keys) for i in range(len(columns[keys[0]]))]
    path.write_text("\n".join(rows) + "\n")


def get_path(obj, path):
    if callable(path):
        return path(obj)
    cur = obj
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            cur = cur[int(part[1:-1])]
        else:
            cur = cur[part]
    return cur


# ----------------------------------------------------------------------------------------------
# The run


class Outcome:
    def __init__(self, case, check, status, ours=None, note=""):
        self.case, self.check, self.status, self.ours, self.note = case, check, status, ours, note


def evaluate_setup(case, ns):
    local = {}
    for name, expr in case.get("setup", {}).items():
        local[name] = eval(expr, ns, local)  # noqa: S307 - committed catalogue code
    return local


def command_line(case, files: dict[str, Path]) -> list[str]:
    out = []
    for a in case["cmd"]:
        out.append(a.format(**{k: str(v) for k, v in files.items()}))
    return out


def display_command(case) -> str:
    args = " ".join(("'" + a + "'") if re.search(r"[;\s|*]", a) else a for a in case["cmd"])
    data = []
    for name, values in case.get("files", {}).items():
        if isinstance(values, str):
            data.append(f"{{{name}}} = {values}")
        else:
            data.append(f"{{{name}}} = {' '.join(str(v) for v in values)}")
    for name, cols in case.get("columns", {}).items():
        data.append(f"{{{name}}} = CSV with columns " + "; ".join(f"{k}: {' '.join(str(x) for x in v)}" for k, v in cols.items()))
    for name, groups in case.get("groups", {}).items():
        data.append(f"{{{name}}} = CSV value,group of groups {groups if not isinstance(groups, str) else groups}")
    for name, expr in case.get("setup", {}).items():
        data.append(f"{name} = {expr}")
    if "args_from" in case:
        data.append(f"{{p0}}, {{p1}}, ... = {case['args_from']}")
    s = f"resample {args} --format json"
    if data:
        s += "   where " + "; ".join(data)
    return s


def run_case(case, binary: Path, ns, tmp: Path, counter):
    """Runs one case's command; returns (json or None, error text)."""
    local = evaluate_setup(case, ns)
    files = {}

    def data(value):
        """The data as written in the case, or the setup variable / expression it names."""
        if not isinstance(value, str):
            return value
        return local[value] if value in local else eval(value, ns, local)  # noqa: S307

    def data_file(name, suffix):
        """A fresh path in `tmp` for the case's data file {name}."""
        counter[0] += 1
        files[name] = tmp / f"{name}{counter[0]}{suffix}"
        return files[name]

    for name, values in case.get("files", {}).items():
        write_numbers(data_file(name, ".txt"), data(values))
    for name, cols in case.get("columns", {}).items():
        write_columns_csv(data_file(name, ".csv"), cols)
    for name, groups in case.get("groups", {}).items():
        write_groups_csv(data_file(name, ".csv"), data(groups))
    if "args_from" in case:
        for i, val in enumerate(local[case["args_from"]]):
            files[f"p{i}"] = repr(float(val))
    args = [str(binary)] + command_line(case, files) + ["--format", "json"]
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return None, "timed out", local
    if proc.returncode != 0:
        return None, (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1], local
    try:
        return json.loads(proc.stdout), "", local
    except json.JSONDecodeError as e:
        return None, f"not JSON: {e}", local


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--resample", help="the CLI to measure (default: $RESAMPLE_BIN, else .build/release/resample)")
    ap.add_argument("--write", action="store_true", help="write RESULTS.md beside this script")
    ap.add_argument("--output", help="write the markdown report to this file instead")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every value")
    ap.add_argument("--only", help="only cases of this peer file key (e.g. test_stats)")
    opts = ap.parse_args()

    binary = find_resample(opts.resample)
    roots = {"scipy": package_dir("scipy"), "statsmodels": package_dir("statsmodels")}
    peer = {}
    for key, (pkg, rel) in list(PEER_FILES.items()) + list(EXTRA_FILES.items()):
        p = roots[pkg] / rel
        if not p.is_file():
            setup_error(f"run.py: {p} is missing: this {pkg} install does not ship its tests")
        peer[key] = PeerFile(p)

    sys.path.insert(0, str(HERE))
    import cases as catalogue  # noqa: E402

    import numpy as np
    from scipy import special, stats

    ns = {"np": np, "stats": stats, "special": special, "math": math, "inf": math.inf, "nan": math.nan}

    outcomes: list[Outcome] = []
    drift: list[str] = []
    counter = [0]
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        for case in catalogue.CASES:
            if opts.only and case["file"] != opts.only:
                continue
            pf = peer[case["file"]]
            test = case["test"]
            if test not in pf.defs:
                drift.append(f"{case['id']}: {case['file']}::{test} no longer exists")
                for chk in case["checks"]:
                    outcomes.append(Outcome(case, chk, "drift", note="test function missing"))
                continue
            first, last, top = pf.defs[test]
            case["_line"] = first
            # where the expected literals must be written
            anchor_pf = peer[case.get("anchor_file", case["file"])]
            if "anchor_file" in case:
                afirst, alast = 1, len(anchor_pf.lines)
            elif case.get("anchor_scope") == "class":
                afirst, alast, _ = pf.defs[top]
            elif case.get("anchor_scope") == "module":
                afirst, alast = 1, len(pf.lines)
            else:
                afirst, alast = first, last
            nums = anchor_pf.numbers(afirst, alast)
            seg = normalise(anchor_pf.segment(afirst, alast))
            anchored = []
            for chk in case["checks"]:
                lit = chk["lit"]
                try:
                    ok = abs(float(lit)) in nums
                except ValueError:
                    ok = normalise(lit) in seg
                anchored.append(ok)
                if not ok:
                    drift.append(f"{case['id']}: expected literal {lit!r} not found in {case['file']}::{test}")

            status = case.get("status", "compare")
            result, err, local = (None, "", {})
            if status in ("compare", "pending", "convention") and case.get("cmd"):
                result, err, local = run_case(case, binary, ns, tmp, counter)
            for chk, ok in zip(case["checks"], anchored):
                if not ok:
                    outcomes.append(Outcome(case, chk, "drift", note="expected literal not in the peer file"))
                    continue
                if status == "missing":
                    outcomes.append(Outcome(case, chk, "missing", note=case["feature"]))
                    continue
                if result is None:
                    if status == "pending":
                        outcomes.append(Outcome(case, chk, "pending", note=f"{case['feature']} ({err})"))
                    elif status == "convention":
                        outcomes.append(Outcome(case, chk, "convention", note=case["reason"] + f" [CLI: {err}]" if err else case["reason"]))
                    else:
                        outcomes.append(Outcome(case, chk, "error", note=err))
                    continue
                expected = eval(chk.get("expr", chk["lit"]), ns, dict(local))  # noqa: S307
                expected = float(expected)
                try:
                    ours = get_path(result, chk["path"])
                    ours = None if ours is None else float(ours)
                except (KeyError, IndexError, TypeError) as e:
                    if status == "pending":
                        outcomes.append(Outcome(case, chk, "pending", note=f"{case['feature']} (no {e} in the JSON)"))
                    else:
                        outcomes.append(Outcome(case, chk, "error", note=f"no {e} in the JSON"))
                    continue
                chk["_expected"] = expected
                if status == "convention":
                    outcomes.append(Outcome(case, chk, "convention", ours, case["reason"]))
                    continue
                if ours is None:
                    if math.isinf(expected):
                        # JSON null stands for +inf in this CLI's outputs (e.g. odds ratio bounds)
                        ours = math.inf if expected > 0 else None
                agree = ours is not None and tolerance_ok(ours, expected, chk["tol"])
                outcomes.append(Outcome(case, chk, "agree" if agree else "disagree", ours))

    report = render(outcomes, drift, binary, opts)
    print(report if opts.verbose else summary_only(report))
    if opts.write or opts.output:
        out = Path(opts.output) if opts.output else HERE / "RESULTS.md"
        out.write_text(report)
        print(f"\nwrote {out}")
    bad = [o for o in outcomes if o.status in ("disagree", "error", "drift")]
    return 1 if bad or drift else 0


# ----------------------------------------------------------------------------------------------
# The report


def summary_only(report: str) -> str:
    cut = report.find("\n## Every value")
    return report if cut < 0 else report[:cut]


def fmt(x) -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:.10g}"
    return str(x)


def git_state(binary: Path) -> str:
    """The commit of the checkout the binary was built in (its .build's parent), and whether its
    Sources differ from that commit."""
    try:
        root = binary.parent
        while root != root.parent and root.name != ".build":
            root = root.parent
        checkout = root.parent if root.name == ".build" else REPO
        head = subprocess.run(
            ["git", "-C", str(checkout), "log", "-1", "--format=%H (%cd)", "--date=iso-strict"], capture_output=True, text=True
        ).stdout.strip()
        if not head:
            return "unknown (the binary is not inside a git checkout)"
        dirty = subprocess.run(
            ["git", "-C", str(checkout), "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        stale = ""
        try:
            built = binary.stat().st_mtime
            newer = [
                f for f in list((checkout / "Sources").rglob("*")) + [checkout / "Package.swift"] if f.is_file() and f.stat().st_mtime > built
            ]
            if newer:
                stale = f"; WARNING: the binary is older than {len(newer)} source file(s) of this checkout: rebuild"
        except OSError:
            pass
        return head + (" with uncommitted changes to Sources" if dirty else "") + stale
    except OSError:
        return "unknown"


def render(outcomes, drift, binary, opts) -> str:
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    lines = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines.append("# The CLI against SciPy's and statsmodels' own test values")
    lines.append("")
    lines.append(f"Generated by `python3 Tests/Fixtures/peers/run.py --write` on {now}.")
    lines.append("")
    lines.append(f"- resample: `{version}`, commit `{git_state(binary)}` (binary `{os.path.relpath(binary, REPO) if str(binary).startswith(str(REPO)) else binary}`)")
    lines.append(
        f"- scipy {package_version('scipy')}, statsmodels {package_version('statsmodels')}, "
        f"numpy {package_version('numpy')}, Python {sys.version.split()[0]}"
    )
    lines.append("")
    lines.append(
        "Values: expected values written in the peer test (one per number asserted). Expressed: the CLI "
        "computes the quantity (agree + disagree + convention). Convention: computed under a documented "
        "different definition. Pending: needs a feature being added now. Not expressible: the missing "
        "feature is named below. What is in scope, and what is not catalogued yet: README.md."
    )
    lines.append("")
    lines.append("| peer test file | values | expressed | agree | disagree | convention | pending | not expressible | drift/error |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    tot = defaultdict(int)
    six = defaultdict(int)
    keys = ["n", "e", "a", "d", "c", "p", "m", "x"]
    for i, (key, (pkg, rel)) in enumerate(PEER_FILES.items()):
        if i == ISSUE_FILES:
            lines.append("| *the issue's six files* | " + " | ".join(f"*{six[k]}*" for k in keys) + " |")
        mine = [o for o in outcomes if o.case["file"] == key]
        c = defaultdict(int)
        for o in mine:
            c[o.status] += 1
        expressed = c["agree"] + c["disagree"] + c["convention"]
        row = [len(mine), expressed, c["agree"], c["disagree"], c["convention"], c["pending"], c["missing"], c["drift"] + c["error"]]
        for name, v in zip(keys, row):
            tot[name] += v
            if i < ISSUE_FILES:
                six[name] += v
        extra = "" if i < ISSUE_FILES else " (extra)"
        lines.append(f"| {pkg} `{rel.split('/')[-1]}`{extra} | " + " | ".join(str(v) for v in row) + " |")
    lines.append("| **total** | " + " | ".join(f"**{tot[k]}**" for k in keys) + " |")
    lines.append("")

    def section(title, status, keyfn):
        sel = [o for o in outcomes if o.status == status]
        if not sel:
            return
        lines.append(f"## {title}")
        lines.append("")
        groups = OrderedDict()
        for o in sel:
            groups.setdefault(keyfn(o), []).append(o)
        for k, os_ in groups.items():
            cases = OrderedDict((o.case["id"], o.case) for o in os_)
            lines.append(f"- **{k}** — {len(os_)} values: " + ", ".join(f"`{c['file']}::{c['test']}`" for c in unique_tests(cases.values())))
        lines.append("")

    disagree = [o for o in outcomes if o.status in ("disagree", "error")]
    if disagree:
        lines.append("## Disagreements and errors")
        lines.append("")
        for o in disagree:
            lines.append(
                f"- `{o.case['id']}` {o.case['file']}::{o.case['test']} (line {o.case.get('_line', '?')}): "
                f"`{o.case['peer']}` → {o.check['what'] if 'what' in o.check else o.check['path']} "
                f"expected {o.check['lit']} ({describe_tol(o.check['tol'])}), ours {fmt(o.ours)} {o.note}"
            )
            lines.append(f"  - `{display_command(o.case)}`")
        lines.append("")
    if drift:
        lines.append("## Drift (the catalogue no longer matches the installed peer files)")
        lines.append("")
        lines.extend(f"- {d}" for d in drift)
        lines.append("")
    section("Documented differences (conventions; peer references that contradict each other)", "convention", lambda o: o.note)
    section("Pending features (counted as soon as they land in the CLI)", "pending", lambda o: o.case["feature"])
    section("Not expressible (the missing feature)", "missing", lambda o: o.note)

    lines.append("## Every value")
    lines.append("")
    lines.append(
        "One line per case: peer test (line of its def in the installed file), peer call, the command "
        "(run with `--format json`; `{a}`-style names are files of the listed numbers), then each value as "
        "field: expected (peer's tolerance) → ours, status."
    )
    lines.append("")
    by_case = OrderedDict()
    for o in outcomes:
        by_case.setdefault(o.case["id"], []).append(o)
    for cid, os_ in by_case.items():
        c = os_[0].case
        head = f"- `{cid}` {c['file']}::{c['test']} ({c.get('_line', '?')}): `{c['peer']}`"
        if c.get("cmd"):
            head += f" — `{display_command(c)}`"
        vals = []
        for o in os_:
            k = o.check
            what = k.get("what") or (k["path"] if isinstance(k.get("path"), str) else "value")
            vals.append(f"{what}: {k['lit']} ({describe_tol(k['tol'])}) → {fmt(o.ours)} **{o.status}**")
        lines.append(head)
        lines.append("  - " + "; ".join(vals))
    lines.append("")
    return "\n".join(lines)


def unique_tests(cases):
    seen = OrderedDict()
    for c in cases:
        seen.setdefault((c["file"], c["test"]), c)
    return list(seen.values())


if __name__ == "__main__":
    sys.exit(main())
