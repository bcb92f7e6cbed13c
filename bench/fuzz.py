"""Bounded fuzzing of ingest and extraction with random and mutated inputs: no input may crash kg.

Usage: python bench/fuzz.py [SECONDS] [SEED]   (default 600 s, seed 1)

Each input is written as a file of a random kind (.txt, .html, .jsonl, .md, with or without a sidecar) and
goes through the whole stage chain a build runs (read, decode, clean, nlp, extract, rdf, N-Quads, the
store). An ``InputError`` is the expected refusal of a bad file; any other exception is a crash: the input
is saved beside the report and the script exits 1. Inputs: random bytes, random Unicode, and mutations
(bit flips, splices, repeated blocks, injected markup and control characters) of the dev articles.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from kg import extract, ingest, nlp, rdf
from kg.rdf.nquads import to_nquads
from kg.rdf.store import load_nquads, new_dataset

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
INJECT = [b"<script>", b"</p><div>", b"\x00", b"\xff\xfe", b"\r\n", b"\u200b".decode("unicode_escape").encode(),
          b"\xe2\x80\xae", b'"}', b"{\"text\": ", b"(11/11)", b"Kepala BNPT ", b"\\", b"\x1b[31m", b"&amp;#0;"]


def _seeds() -> list[bytes]:
    return [p.read_bytes() for p in sorted(DEV.glob("*.txt"))] or [b"Kepala BNPT Budi bertemu Menlu Jepang Taro di Jakarta."]


def _mutate(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        if not out or choice < 0.2:
            out += rng.choice(INJECT)
        elif choice < 0.4:
            k = rng.randrange(len(out))
            out[k] ^= 1 << rng.randrange(8)
        elif choice < 0.6:
            k = rng.randrange(len(out))
            out[k:k] = rng.choice(INJECT)
        elif choice < 0.75:
            other = rng.choice(seeds)
            a, b = sorted(rng.randrange(len(other) + 1) for _ in range(2))
            k = rng.randrange(len(out) + 1)
            out[k:k] = other[a:b]
        elif choice < 0.9:
            a, b = sorted(rng.randrange(len(out) + 1) for _ in range(2))
            out[a:b] = out[a:b] * rng.randint(2, 20)
        else:
            a, b = sorted(rng.randrange(len(out) + 1) for _ in range(2))
            del out[a:b]
    return bytes(out[:2_000_000])


def _input(rng: random.Random, seeds: list[bytes]) -> bytes:
    kind = rng.random()
    if kind < 0.15:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
    if kind < 0.3:
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x2FFF), rng.randrange(0x1F300, 0x1FAFF),
                                        rng.randrange(0, 32)])) for _ in range(rng.randint(0, 1500))).encode("utf-8", "surrogatepass")
    return _mutate(rng, rng.choice(seeds), seeds)


def run_one(folder: Path, data: bytes, rng: random.Random) -> None:
    suffix = rng.choice([".txt", ".txt", ".html", ".md", ".jsonl"])
    path = folder / f"case{suffix}"
    if suffix == ".jsonl":
        text = data.decode("utf-8", "replace")
        lines = [json.dumps({"id": f"x{k}", "text": text[k * 500:(k + 1) * 500]}) for k in range(rng.randint(0, 3))]
        data = ("\n".join(lines + [text[:200]])).encode("utf-8")
    path.write_bytes(data)
    meta = folder / "case.meta.json"
    if rng.random() < 0.3:
        meta.write_bytes(_mutate(rng, json.dumps({"published": "2021-11-11", "url": "https://x.org/a"}).encode(), [b"{}"]))
    elif meta.exists():
        meta.unlink()
    skipped = ingest.Skipped()
    dataset = new_dataset()
    for article in ingest.run([path], skipped):
        load_nquads(dataset, to_nquads(rdf.run(extract.run(nlp.run(article)))))


def main() -> None:
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 600.0
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    seeds = _seeds()
    tried = 0
    slowest = 0.0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        folder = Path(tmp)
        while time.monotonic() - started < budget:
            data = _input(rng, seeds)
            began = time.monotonic()
            try:
                run_one(folder, data, rng)
            except Exception:  # noqa: BLE001 - a crash is what this looks for
                crash = Path(f"fuzz-crash-{seed}-{tried}.bin")
                crash.write_bytes(data)
                traceback.print_exc()
                print(f"CRASH after {tried} inputs; input saved to {crash}")
                sys.exit(1)
            tried += 1
            slowest = max(slowest, time.monotonic() - began)
    print(f"fuzz: {tried} inputs in {time.monotonic() - started:.0f} s (seed {seed}), no crash; slowest input {slowest:.1f} s")


if __name__ == "__main__":
    main()
