#!/usr/bin/env python3
"""Prints the results of the last `cargo bench -p imap-proto-benches` run
as markdown tables: every benchmark's median (criterion's estimate, with its
95% interval), and the ratios that DESIGN.md sets targets for.

    python3 benches/report.py [TARGET_DIR ...]

TARGET_DIR defaults to $CARGO_TARGET_DIR, else ./target. With several
directories (copies of earlier runs' `criterion/` folders, each inside a
directory of its own), the runs are printed side by side, one column each,
to show how much the machine's noise moves them. Reads only criterion's own
output (TARGET_DIR/criterion/**/new/*.json).
"""

import json
import os
import sys
from pathlib import Path


def load(target):
    results = {}
    for bench in Path(target, "criterion").glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())["median"]
        results[meta["full_id"]] = {
            "median": est["point_estimate"],
            "low": est["confidence_interval"]["lower_bound"],
            "high": est["confidence_interval"]["upper_bound"],
            "bytes": (meta.get("throughput") or {}).get("Bytes"),
        }
    return results


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def fmt_rate(r):
    if not r["bytes"]:
        return ""
    mib = r["bytes"] / (r["median"] / 1e9) / 2**20
    if mib < 10:
        return f"{mib:.2g} MiB/s"
    return f"{mib:,.0f} MiB/s" if mib < 10**5 else f"{mib / 1024:,.0f} GiB/s"


def main():
    targets = sys.argv[1:] or [os.environ.get("CARGO_TARGET_DIR", "target")]
    runs = [load(t) for t in targets]
    for t, r in zip(targets, runs):
        if not r:
            sys.exit(f"no criterion results under {t}/criterion")
    names = sorted(set().union(*runs))
    cols = [f"run {k + 1}" for k in range(len(runs))]

    if len(runs) == 1:
        print("| benchmark | median | 95% interval | throughput |")
        print("|---|---:|---|---:|")
        for name in names:
            r = runs[0][name]
            print(f"| `{name}` | {fmt_time(r['median'])} | {fmt_time(r['low'])} – "
                  f"{fmt_time(r['high'])} | {fmt_rate(r)} |")
    else:
        print("| benchmark | " + " | ".join(f"median, {c}" for c in cols) + " | throughput, run 1 |")
        print("|---|" + "---:|" * len(runs) + "---:|")
        for name in names:
            cells = [fmt_time(r[name]["median"]) if name in r else "" for r in runs]
            rate = fmt_rate(runs[0][name]) if name in runs[0] else ""
            print(f"| `{name}` | " + " | ".join(cells) + f" | {rate} |")

    def ratio(res, slow, fast):
        if slow in res and fast in res:
            return res[slow]["median"] / res[fast]["median"]
        return None

    # (what, numerator, denominator, sense, target): with ">=" the ratio
    # must be at least the target, with "<=" at most; None: no target.
    checks = []
    for group in ("parse_commands", "parse_responses", "parse_search_100k",
                  "parse_fetch_literal_1mib", "parse_fetch_envelope_10k"):
        for peer, need in (("imap-codec", 3.0), ("imap-proto-0.17", 1.5)):
            ours = f"{group}/imap-proto@{peer}"
            if not any(ours in r for r in runs):
                ours = f"{group}/imap-proto"
            recorded = group in ("parse_commands", "parse_responses")
            checks.append((f"{group}: {peer} / ours", f"{group}/{peer}", ours,
                           ">=", need if recorded else None))
    # DESIGN's encoding target is for the recorded traffic; the synthetic
    # group is reported without one.
    for group in ("encode_commands", "encode_responses", "encode_fetch_envelope_10k"):
        checks.append((f"{group}: imap-codec / ours", f"{group}/imap-codec",
                       f"{group}/imap-proto", ">=",
                       None if "10k" in group else 2.0))
    for group in ("frame_sync_stream", "frame_parse_sync_stream"):
        for feed in ("whole", "64", "1"):
            checks.append((f"{group} ({feed}): fragmentizer / ours",
                           f"{group}/imap-codec-fragmentizer/{feed}",
                           f"{group}/imap-proto/{feed}", ">=", None))
    for who in ("imap-proto", "imap-codec-fragmentizer", "imap-codec-retry",
                "imap-proto-0.17-retry"):
        checks.append((f"retry_small: {who}, one byte / whole",
                       f"retry_small/{who}/1", f"retry_small/{who}/whole", "<=", None))
    for who in ("imap-codec-fragmentizer", "imap-codec-retry", "imap-proto-0.17-retry"):
        checks.append((f"retry_small, one byte: {who} / ours",
                       f"retry_small/{who}/1", "retry_small/imap-proto/1", ">=", None))
    checks.append(("linearity_append: 4 MiB / 1 MiB, one byte",
                   "linearity_append/imap-proto/4mib/1",
                   "linearity_append/imap-proto/1mib/1", "<=", 4.5))
    checks.append(("linearity_small: frame+parse, one byte / whole",
                   "linearity_small/imap-proto/frame+parse/1",
                   "linearity_small/imap-proto/frame+parse/whole", "<=", 10.0))
    checks.append(("linearity_small: frame only, one byte / whole",
                   "linearity_small/imap-proto/frame/1",
                   "linearity_small/imap-proto/frame/whole", "<=", None))

    print()
    print("| ratio of medians | " + " | ".join(cols) + " | target | met |")
    print("|---|" + "---:|" * len(runs) + "---:|---|")
    for what, num, den, sense, need in checks:
        vals = [ratio(r, num, den) for r in runs]
        if all(v is None for v in vals):
            continue
        cells = [f"{v:.2f}x" if v is not None else "" for v in vals]
        got = [v for v in vals if v is not None]
        if need is None:
            target_s, met = "", ""
        elif sense == ">=":
            target_s = f">= {need}x"
            met = "yes" if all(v >= need for v in got) else (
                "**no**" if all(v < need for v in got) else "not in every run")
        else:
            target_s = f"<= {need}x"
            met = "yes" if all(v <= need for v in got) else (
                "**no**" if all(v > need for v in got) else "not in every run")
        print(f"| {what} | " + " | ".join(cells) + f" | {target_s} | {met} |")


if __name__ == "__main__":
    main()
