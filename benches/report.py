#!/usr/bin/env python3
"""Prints the results of the last `cargo bench -p imap-proto-benches` run
as markdown tables: every benchmark's median (criterion's estimate, with its
95% interval), and the ratios that DESIGN.md sets targets for.

    python3 benches/report.py [TARGET_DIR]

TARGET_DIR defaults to $CARGO_TARGET_DIR, else ./target. Reads only
criterion's own output (TARGET_DIR/criterion/**/new/*.json).
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
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
    res = load(target)
    if not res:
        sys.exit(f"no criterion results under {target}/criterion")

    print("| benchmark | median | 95% interval | throughput |")
    print("|---|---:|---|---:|")
    for name in sorted(res):
        r = res[name]
        print(f"| `{name}` | {fmt_time(r['median'])} | {fmt_time(r['low'])} – "
              f"{fmt_time(r['high'])} | {fmt_rate(r)} |")

    def ratio(slow, fast):
        if slow in res and fast in res:
            return res[slow]["median"] / res[fast]["median"]
        return None

    # (what, numerator, denominator, target, "x" means numerator/denominator
    # must be at least target; "<=" at most)
    checks = []
    for group in ("parse_commands", "parse_responses", "parse_search_100k",
                  "parse_fetch_literal_1mib", "parse_fetch_envelope_10k"):
        for peer, need in (("imap-codec", 3.0), ("imap-proto-0.17", 1.5)):
            ours = f"{group}/imap-proto@{peer}"
            if ours not in res:
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
    print("| ratio of medians | value | target | met |")
    print("|---|---:|---:|---|")
    for what, num, den, sense, need in checks:
        v = ratio(num, den)
        if v is None:
            continue
        if need is None:
            target_s, met = "", ""
        elif sense == ">=":
            target_s, met = f">= {need}x", "yes" if v >= need else "**no**"
        else:
            target_s, met = f"<= {need}x", "yes" if v <= need else "**no**"
        print(f"| {what} | {v:.2f}x | {target_s} | {met} |")


if __name__ == "__main__":
    main()
