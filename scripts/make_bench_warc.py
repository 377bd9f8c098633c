"""Generates a large .warc.gz for scripts/bench-warc.sh, the way Common Crawl writes one (a gzip
member a record), from HTML pages of the development corpora in ../shared, at run time: nothing of
it is kept in the repository.

Each capture is a request record, a response record and (every other time) a metadata record. The
responses are mixed: pages (status 200, text/html; some sent with Content-Encoding gzip, some chunked),
pages crawled again (the same body as an earlier capture: one document), 404 pages, redirects, JPEG
images and PDFs (random bytes), pages the crawler cut short (WARC-Truncated: length); the file ends
inside its last record. Every page body is a corpus page with the capture's number in a comment, so
each capture is a distinct document unless it is a re-crawl.

Usage: make_bench_warc.py OUT.warc.gz MANIFEST.json [--gigabytes 1.0] [--seed 15]
"""
import argparse
import gzip
import json
import os
import random
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
SOURCES = [SHARED / "article-extraction-benchmark" / "html", SHARED / "wcxb-dev" / "html"]

# (kind, weight): what a capture's response is.
MIX = [("page", 74), ("page-gzip", 8), ("page-chunked", 6), ("recrawl", 4), ("status-404", 3),
       ("status-301", 2), ("image", 1.5), ("pdf", 0.5), ("warc-truncated", 1)]


def load_pages():
    pages = []
    for folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.endswith(".html.gz"):
                pages.append(gzip.decompress(path.read_bytes()))
            elif path.name.endswith(".html"):
                pages.append(path.read_bytes())
    return pages


def member(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def record(kind: str, uri: str, date: str, block: bytes, number: int, extra=()) -> bytes:
    content_type = {"request": "application/http; msgtype=request", "response": "application/http; msgtype=response",
                    "metadata": "application/warc-fields"}[kind]
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n")
    for name, value in extra:
        head += f"{name}: {value}\r\n"
    head += f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def http(status: str, headers, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{n}: {v}\r\n" for n, v in headers) + "\r\n"
    return head.encode() + body


def chunked(data: bytes, size: int = 8192) -> bytes:
    out = bytearray()
    for start in range(0, len(data), size):
        chunk = data[start:start + size]
        out += b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    return bytes(out + b"0\r\n\r\n")


def marked(page: bytes, capture: int) -> bytes:
    """The page with the capture's number in a comment after <head> (or first): its own bytes."""
    mark = b"<!-- capture %d -->" % capture
    at = page.find(b"<head")
    if at >= 0:
        end = page.find(b">", at)
        if end >= 0:
            return page[:end + 1] + mark + page[end + 1:]
    return mark + page


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("manifest")
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    pages = load_pages()
    if not pages:
        sys.exit("no HTML pages found under ../shared/corpora")
    rng = random.Random(args.seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    target = int(args.gigabytes * (1 << 30))
    counts = {k: 0 for k in kinds}
    counts.update({"request": 0, "metadata": 0, "warcinfo": 1})
    served = []  # bodies of earlier 200 pages, for re-crawls (a bounded sample)
    documents = 0
    raw_bytes = 0
    number = 0
    with open(args.out, "wb") as out:
        info = b"software: scripts/make_bench_warc.py\r\nformat: WARC File Format 1.1\r\n"
        head = (f"WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n"
                f"WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: application/warc-fields\r\n"
                f"Content-Length: {len(info)}\r\n\r\n").encode() + info + b"\r\n\r\n"
        out.write(member(head))
        raw_bytes += len(head)
        capture = 0
        while out.tell() < target:
            capture += 1
            kind = rng.choices(kinds, weights)[0]
            if kind == "recrawl" and not served:
                kind = "page"
            counts[kind] += 1
            uri = f"https://bench.example/{capture % 997}/{capture}.html"
            date = f"2026-{1 + capture % 12:02d}-{1 + capture % 28:02d}T{capture % 24:02d}:{capture % 60:02d}:00Z"
            page = pages[rng.randrange(len(pages))]
            extra = ()
            if kind in ("page", "page-gzip", "page-chunked"):
                body = marked(page, capture)
                if len(served) < 512:
                    served.append((uri, body))
                elif rng.random() < 0.05:
                    served[rng.randrange(len(served))] = (uri, body)
                documents += 1
                headers = [("Content-Type", "text/html")]
                payload = body
                if kind == "page-gzip":
                    headers.append(("Content-Encoding", "gzip"))
                    payload = gzip.compress(body, compresslevel=6, mtime=0)
                elif kind == "page-chunked":
                    headers.append(("Transfer-Encoding", "chunked"))
                    payload = chunked(body)
                block = http("200 OK", headers, payload)
            elif kind == "recrawl":
                uri, body = served[rng.randrange(len(served))]
                block = http("200 OK", [("Content-Type", "text/html"), ("Age", str(capture))], body)
            elif kind == "status-404":
                block = http("404 Not Found", [("Content-Type", "text/html")], b"<html><body><h1>Not found</h1></body></html>")
            elif kind == "status-301":
                block = http("301 Moved Permanently", [("Location", uri + "?moved")], b"")
            elif kind == "image":
                block = http("200 OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randrange(20_000, 120_000)))
            elif kind == "pdf":
                block = http("200 OK", [("Content-Type", "application/pdf")], b"%PDF-1.7\n" + rng.randbytes(rng.randrange(50_000, 300_000)))
            else:  # warc-truncated
                body = marked(page, capture)
                block = http("200 OK", [("Content-Type", "text/html")], body[: len(body) // 3])
                extra = (("WARC-Truncated", "length"),)
            number += 1
            request = record("request", uri, date, f"GET /{capture}.html HTTP/1.1\r\nHost: bench.example\r\n\r\n".encode(), number)
            out.write(member(request))
            counts["request"] += 1
            number += 1
            response = record("response", uri, date, block, number, extra)
            out.write(member(response))
            raw_bytes += len(request) + len(response)
            if capture % 2 == 0:
                number += 1
                metadata = record("metadata", uri, date, b"fetchTimeMs: 250\r\n", number)
                out.write(member(metadata))
                raw_bytes += len(metadata)
                counts["metadata"] += 1
        # The file ends inside one more page's record, as a cut download does.
        number += 1
        last = record("response", "https://bench.example/cut.html", "2026-12-31T23:59:59Z",
                      http("200 OK", [("Content-Type", "text/html")], marked(pages[0], capture + 1)), number)
        compressed = member(last)
        out.write(compressed[: len(compressed) // 2])
        counts["truncated-last"] = 1
        size = out.tell()
    manifest = {"file": args.out, "bytes": size, "uncompressedBytes": raw_bytes, "captures": capture,
                "records": number + 1, "distinctPages": documents, "counts": counts}
    Path(args.manifest).write_text(json.dumps(manifest, indent=1))
    print(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
