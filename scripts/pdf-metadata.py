#!/usr/bin/env python3
"""Checks what a ledgen PDF declares about itself. Used by scripts/check-output.sh.

    python3 scripts/pdf-metadata.py FILE.pdf...

For each file, two checks, each printed as one PASS/FAIL line:

- "XMP PDF/A + PDF/UA": the XMP metadata stream declares PDF/A-2 (pdfaid:part 2, pdfaid:conformance
  A or B) and PDF/UA-1 (pdfuaid:part 1).
- "PDF/UA basics": what PDF/UA-1 requires of the document catalog and that a declaration without
  it would be a false claim: the document is tagged (/MarkInfo /Marked true, a /StructTreeRoot),
  has a natural language (/Lang), has a title in the XMP (dc:title), and the viewer shows that
  title (/ViewerPreferences /DisplayDocTitle true).

This reads what the file claims; it is not a full PDF/A or PDF/UA validator (veraPDF is one).
Exits 1 if any check failed, 2 on a usage error.
"""

from __future__ import annotations

import sys

import pikepdf

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"
DC = "{http://purl.org/dc/elements/1.1/}"


def xmp_problems(pdf: pikepdf.Pdf) -> tuple[list[str], str]:
    """Returns what is wrong with the PDF/A and PDF/UA declaration, and a summary of it."""
    if "/Metadata" not in pdf.Root:
        return ["the document catalog has no /Metadata (XMP) stream"], ""
    meta = pdf.open_metadata()
    part = (meta.get(PDFAID + "part") or "").strip()
    conformance = (meta.get(PDFAID + "conformance") or "").strip()
    ua_part = (meta.get(PDFUAID + "part") or "").strip()
    problems = []
    if part != "2":
        problems.append(
            f"pdfaid:part is {part!r}, expected '2' (PDF/A-2)" if part else "no pdfaid:part (not declared PDF/A)"
        )
    if conformance.upper() not in ("A", "B"):
        problems.append(
            f"pdfaid:conformance is {conformance!r}, expected 'A' or 'B'"
            if conformance
            else "no pdfaid:conformance"
        )
    elif conformance != conformance.upper():
        problems.append(f"pdfaid:conformance is {conformance!r}: it must be upper case")
    if ua_part != "1":
        problems.append(
            f"pdfuaid:part is {ua_part!r}, expected '1' (PDF/UA-1)"
            if ua_part
            else "no pdfuaid:part (not declared PDF/UA)"
        )
    summary = f"PDF/A-{part or '?'}{conformance.lower() or '?'}, PDF/UA-{ua_part or '?'}"
    return problems, summary


def ua_basics_problems(pdf: pikepdf.Pdf) -> list[str]:
    root = pdf.Root
    problems = []
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        problems.append("not tagged: /MarkInfo /Marked is not true")
    if "/StructTreeRoot" not in root:
        problems.append("not tagged: no /StructTreeRoot")
    lang = str(root.get("/Lang", "")).strip()
    if not lang:
        problems.append("no /Lang (natural language) in the document catalog")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        problems.append("/ViewerPreferences /DisplayDocTitle is not true")
    if "/Metadata" in root:
        title = (pdf.open_metadata().get(DC + "title") or "").strip()
        if not title:
            problems.append("no dc:title in the XMP metadata")
    return problems


def main(argv: list[str]) -> int:
    if not argv or any(a.startswith("-") for a in argv):
        print("usage: python3 scripts/pdf-metadata.py FILE.pdf...", file=sys.stderr)
        return 2
    failed = False
    for path in argv:
        try:
            with pikepdf.open(path) as pdf:
                problems, summary = xmp_problems(pdf)
                basics = ua_basics_problems(pdf)
        except Exception as err:  # noqa: BLE001 - any failure to read is a failed check
            print(f"FAIL  XMP PDF/A + PDF/UA: {path} (cannot read: {err})")
            failed = True
            continue
        if problems:
            failed = True
            print(f"FAIL  XMP PDF/A + PDF/UA: {path}")
            for p in problems:
                print(f"      - {p}")
        else:
            print(f"PASS  XMP PDF/A + PDF/UA: {path} ({summary})")
        if basics:
            failed = True
            print(f"FAIL  PDF/UA basics: {path}")
            for p in basics:
                print(f"      - {p}")
        else:
            print(f"PASS  PDF/UA basics: {path} (tagged, /Lang, dc:title, DisplayDocTitle)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
