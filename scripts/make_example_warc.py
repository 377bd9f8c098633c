"""Writes Examples/corpus/crawl/port-carrow-crawl.warc.gz with warcio (PyPI), an independent WARC
writer, from the project's own example articles (fictional, written for this project) wrapped as
HTML pages, the way Common Crawl writes a .warc.gz: one gzip member a record.

What the file holds, so the example corpus shows what `crossread` does with a crawl:
- warcinfo, request and metadata records (skipped: not pages);
- the three plain-text example articles as HTML pages (status 200): one sent with
  Content-Encoding gzip, one in chunked Transfer-Encoding, one plain;
- the first page crawled again a month later (same body: stored once);
- a 404 page and a PNG image (skipped and counted).

Run: scripts/make_example_warc.sh (installs warcio into .venv-bench/ on first use).
"""
import gzip
import html
import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Examples" / "corpus"
OUT = CORPUS / "crawl" / "port-carrow-crawl.warc.gz"

# (file, headline, URL, fetch time)
ARTICLES = [
    ("harbor-courier-bridge-closure.txt", "Carrow Bridge Closed Indefinitely After Inspectors Find Corrosion",
     "https://harborcourier.example/news/carrow-bridge-closed", "2026-02-03T15:02:11Z"),
    ("opinion-bridge-warnings.txt", "The Mayor Was Warned About Carrow Bridge. Twice.",
     "https://harborcourier.example/opinion/bridge-warnings", "2026-02-06T09:30:45Z"),
    ("letter-ferry-riders.txt", "Letters: Ferry riders deserve better",
     "https://harborcourier.example/letters/ferry-riders", "2026-02-07T11:12:00Z"),
]


def read_text(path: Path) -> str:
    """The example articles are UTF-8, but for one kept in Windows-1252 on purpose."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def page(text: str, title: str) -> bytes:
    """The article as a simple HTML page: the headline as title and heading, the lines after it as
    paragraphs (what stands before it, the site's menu, is left out)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = lines[lines.index(title) + 1:] if title in lines else lines
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<article>\n<h1>{html.escape(title)}</h1>\n"
            f"{body}\n</article>\n</body>\n</html>\n").encode("utf-8")


def chunked(data: bytes, size: int) -> bytes:
    out = b""
    for start in range(0, len(data), size):
        chunk = data[start:start + size]
        out += b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    return out + b"0\r\n\r\n"


def response(writer, uri, date, status, headers, payload):
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def request(writer, uri, date):
    host = uri.split("/")[2]
    http = StatusAndHeaders(f"GET /{uri.split('/', 3)[3]} HTTP/1.1", [("Host", host), ("User-Agent", "crossread-example")],
                            is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http,
                                                  warc_headers_dict={"WARC-Date": date}))


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(OUT.name, {
            "software": "warcio (scripts/make_example_warc.py)",
            "description": "Example crawl of fictional Port Carrow news pages, written for Crossread",
        }))
        pages = {}
        for index, (name, title, uri, date) in enumerate(ARTICLES):
            body = page(read_text(CORPUS / name), title)
            pages[uri] = body
            headers = [("Content-Type", "text/html; charset=utf-8")]
            payload = body
            if index == 0:
                headers.append(("Content-Encoding", "gzip"))
                payload = gzip.compress(body, mtime=0)
            elif index == 1:
                headers.append(("Transfer-Encoding", "chunked"))
                payload = chunked(body, 512)
            request(writer, uri, date)
            response(writer, uri, date, "200 OK", headers, payload)
            writer.write_record(writer.create_warc_record(uri, "metadata", payload=io.BytesIO(b"fetchTimeMs: 212\r\n"),
                                                          warc_content_type="application/warc-fields",
                                                          warc_headers_dict={"WARC-Date": date}))
        # The first page again, a month later: the same body, so the same document.
        first_uri = ARTICLES[0][2]
        response(writer, first_uri, "2026-03-03T15:02:11Z", "200 OK",
                 [("Content-Type", "text/html; charset=utf-8")], pages[first_uri])
        response(writer, "https://harborcourier.example/news/old-ferry-timetable", "2026-02-07T11:13:00Z",
                 "404 Not Found", [("Content-Type", "text/html")], b"<html><body><p>Page not found.</p></body></html>")
        png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
        response(writer, "https://harborcourier.example/images/bridge.png", "2026-02-07T11:13:30Z",
                 "200 OK", [("Content-Type", "image/png")], png)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
