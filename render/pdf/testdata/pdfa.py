"""Checks the PDF/A-2b requirements of a handout that pikepdf can see.

Prints a JSON list of problems (empty when none). Not an official
validator (veraPDF): it checks what triptych promises: the conformance
declared in XMP, an sRGB output intent with a real ICC profile, a trailer
/ID, no encryption or JavaScript, embedded fonts, printable annotations,
XMP equal to the Info dictionary, an unfiltered metadata stream and a
binary header comment.
"""
import json
import sys

import pikepdf

path = sys.argv[1]
problems = []
pdf = pikepdf.open(path)
meta = pdf.open_metadata()
if meta.pdfa_status != "2B":
    problems.append("XMP declares PDF/A %r, not 2B" % meta.pdfa_status)
intents = pdf.Root.get("/OutputIntents", [])
if len(intents) != 1 or intents[0].get("/S") != "/GTS_PDFA1":
    problems.append("output intents %r" % intents)
else:
    prof = intents[0].DestOutputProfile
    data = prof.read_bytes()
    if int(prof.get("/N", 0)) != 3 or data[36:40] != b"acsp" or b"RGB " not in data[12:20]:
        problems.append("the output intent's profile is not an RGB ICC profile")
ids = pdf.trailer.get("/ID")
if ids is None or len(ids) != 2 or len(bytes(ids[0])) != 16:
    problems.append("trailer /ID %r" % ids)
if "/Encrypt" in pdf.trailer:
    problems.append("encrypted")
names = pdf.Root.get("/Names", {})
if "/JavaScript" in names or "/OpenAction" in pdf.Root:
    problems.append("JavaScript or an open action")
md = pdf.Root.get("/Metadata", {})
if "/Filter" in md:
    problems.append("the XMP metadata stream is filtered")
info = pdf.docinfo
pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
         ("/Keywords", "pdf:Keywords"), ("/Producer", "pdf:Producer"), ("/Creator", "xmp:CreatorTool")]
for key, prop in pairs:
    if key in info:
        x = meta.get(prop)
        if isinstance(x, list):
            x = ", ".join(x)
        if str(info[key]) != str(x):
            problems.append("Info %s %r but XMP %s %r" % (key, str(info[key]), prop, x))
for key, prop in [("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]:
    d = str(info.get(key, ""))[2:]
    x = str(meta.get(prop, "")).replace("-", "").replace("T", "").replace(":", "")
    if not d or d[:14] != x[:14]:
        problems.append("Info %s %r but XMP %s %r" % (key, d, prop, meta.get(prop)))
annots = 0
for n, page in enumerate(pdf.pages, 1):
    for a in page.get("/Annots", []):
        annots += 1
        f = int(a.get("/F", 0))
        if not f & 4 or f & (1 | 2 | 32):
            problems.append("page %d: an annotation with /F %d (must print, not hide)" % (n, f))
    fonts = page.Resources.get("/Font", {})
    for name, font in fonts.items():
        for d in font.get("/DescendantFonts", [font]):
            desc = d.get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append("page %d: font %s is not embedded" % (n, name))
with open(path, "rb") as f:
    head = f.read(64).split(b"\n")
if not head[0].startswith(b"%PDF-1.") or len([c for c in head[1] if c > 127]) < 4:
    problems.append("header %r" % head[:2])
print(json.dumps({"problems": problems, "annotations": annots}))
