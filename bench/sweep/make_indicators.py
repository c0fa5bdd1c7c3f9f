#!/usr/bin/env python3
"""Picks the indicators for the sweep benchmark from a generated corpus.

Half of them (known to occur) are read from the corpus itself: public IPv4 addresses, SHA-256
and MD5 hashes, the corpus's malicious-looking hyphenated domains and URLs with a unique query
string, each taken only where it stands alone the same way for `grep -w` and casefile (no '-' or
'.' plus a label or digit next to it), so all three tools count the same matching lines. The
other half are random values of the same types.

Usage: make_indicators.py CORPUS OUT_DIR [--count 10000] [--seed 7]
Writes OUT_DIR/indicators.txt (one value a line, for grep/rg -f) and OUT_DIR/case/case.yaml.
"""
import argparse
import os
import random
import re

SAMPLE_BYTES = 96 << 20

IP = re.compile(rb"(?<![\w.-])((?:\d{1,3}\.){3}\d{1,3})(?![\w-])(?!\.\d)")
SHA256 = re.compile(rb"(?<![\w])([0-9a-f]{64})(?![\w])")
MD5 = re.compile(rb"(?<![\w])([0-9a-f]{32})(?![\w])")
DOMAIN = re.compile(rb"(?<![\w.@-])([a-z]+-[a-z]+\d{1,2}\.(?:com|net|org|io|ru|cn|top|xyz|info|biz|de|fr|jp|online|site|club|cc|tk|me|us|in|app|dev))(?![\w-])(?!\.\w)")
URL = re.compile(rb"(?<![\w])(https?://[a-z0-9.-]+/[a-z/]*(?:[a-z0-9_]+\.[a-z0-9]+)?\?id=\d+&sid=[0-9a-f]{16})(?![\w/?#&=%~+@$*-])")


def public(ip):
    parts = [int(p) for p in ip.split(".")]
    if any(p > 255 for p in parts) or str(parts[0]) + "." != ip.split(".")[0] + ".":
        return False
    if any(len(p) > 1 and p.startswith("0") for p in ip.split(".")):
        return False
    a, b = parts[0], parts[1]
    return not (a in (0, 10, 127) or a >= 224 or (a == 100 and 64 <= b < 128) or
                (a == 169 and b == 254) or (a == 172 and 16 <= b < 32) or (a == 192 and b == 168) or
                (a == 192 and b == 0) or (a == 198 and b in (18, 19, 51)) or (a == 203 and b == 0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    size = os.path.getsize(a.corpus)
    # Sample the corpus at several offsets so the picks spread over the whole file.
    found = {"ipv4": set(), "sha256": set(), "md5": set(), "domain": set(), "url": set()}
    with open(a.corpus, "rb") as f:
        for k in range(8):
            f.seek(max(0, size * k // 8))
            chunk = f.read(SAMPLE_BYTES // 8)
            for m in IP.finditer(chunk):
                ip = m.group(1).decode()
                if public(ip):
                    found["ipv4"].add(ip)
            for kind, rx in (("sha256", SHA256), ("md5", MD5), ("domain", DOMAIN), ("url", URL)):
                for m in rx.finditer(chunk):
                    found[kind].add(m.group(1).decode())
    half = a.count // 2
    shares = {"ipv4": 0.3, "sha256": 0.3, "md5": 0.15, "domain": 0.05, "url": 0.2}
    present = []
    for kind, share in shares.items():
        pool = sorted(found[kind])
        rnd.shuffle(pool)
        present += [(kind, v) for v in pool[: int(half * share)]]
    # Fill up with hashes if a pool ran short.
    extra = sorted(found["sha256"] - {v for _, v in present})
    rnd.shuffle(extra)
    while len(present) < half and extra:
        present.append(("sha256", extra.pop()))
    absent = []
    words = ["alpha", "bravo", "delta", "omega", "zulu", "nova", "vega", "orion"]
    while len(absent) < a.count - len(present):
        k = len(absent) % 5
        if k == 0:
            absent.append(("sha256", "%064x" % rnd.getrandbits(256)))
        elif k == 1:
            absent.append(("md5", "%032x" % rnd.getrandbits(128)))
        elif k == 2:
            ip = "%d.%d.%d.%d" % (rnd.randint(1, 223), rnd.randint(0, 255), rnd.randint(0, 255),
                                  rnd.randint(1, 254))
            if public(ip):
                absent.append(("ipv4", ip))
        elif k == 3:
            absent.append(("domain", "%s-%s%d.example-bench.net" % (rnd.choice(words),
                                                                    rnd.choice(words), len(absent))))
        else:
            absent.append(("url", "https://bench-%d.example.org/p/%x" % (len(absent),
                                                                         rnd.getrandbits(48))))
    values = present + absent
    os.makedirs(os.path.join(a.out, "case"), exist_ok=True)
    with open(os.path.join(a.out, "indicators.txt"), "w") as f:
        for _, v in values:
            f.write(v + "\n")
    with open(os.path.join(a.out, "case", "case.yaml"), "w") as f:
        f.write("schema: casefile/1\nalert:\n  ticket_id: BENCH-SWEEP\n  source: casefile bench\n"
                "  title: Sweep benchmark indicators\n  observed_at: 2024-05-03T00:00:00Z\n"
                "  severity: low\nindicators:\n")
        for kind, v in values:
            f.write("  - type: %s\n    value: '%s'\n" % (kind, v))
    print("indicators: %d (%d known to occur: %s)" % (
        len(values), len(present),
        ", ".join("%s %d" % (k, sum(1 for kk, _ in present if kk == k)) for k in shares)))


if __name__ == "__main__":
    main()
