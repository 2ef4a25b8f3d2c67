"""Reports, as JSON, the glyphs a PDF draws as .notdef (glyph 0, the empty
box a font shows for a character it lacks), and per font how many glyphs
each draws. Reads the PDF with pikepdf, not with triptych's code: each
text-showing operator's bytes are read as 2-byte CIDs of the current
Identity-H font and mapped through its CIDToGIDMap.

usage: notdef.py FILE.pdf
"""
import json
import sys

import pikepdf


def cid_to_gid(font):
    desc = font.DescendantFonts[0]
    m = desc.get("/CIDToGIDMap")
    if m is None or isinstance(m, pikepdf.Name):
        return None  # /Identity
    return m.read_bytes()


def main(path):
    pdf = pikepdf.open(path)
    notdef, drawn = [], {}
    for pno, page in enumerate(pdf.pages, 1):
        fonts = page.Resources.get("/Font", {})
        current, gids = None, None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "Tf":
                name = str(operands[0])
                font = fonts[name]
                current = str(font.get("/BaseFont", name))
                gids = cid_to_gid(font) if font.get("/Subtype") == "/Type0" else None
                continue
            if op not in ("Tj", "TJ", "'", '"'):
                continue
            strings = []
            for o in operands:
                if isinstance(o, pikepdf.String):
                    strings.append(bytes(o))
                elif isinstance(o, pikepdf.Array):
                    strings.extend(bytes(x) for x in o if isinstance(x, pikepdf.String))
            for s in strings:
                for i in range(0, len(s) - 1, 2):
                    cid = s[i] << 8 | s[i + 1]
                    gid = cid
                    if gids is not None:
                        gid = gids[2 * cid] << 8 | gids[2 * cid + 1] if 2 * cid + 1 < len(gids) else 0
                    drawn[current] = drawn.get(current, 0) + 1
                    if gid == 0:
                        notdef.append({"page": pno, "font": current, "char": chr(cid)})
    print(json.dumps({"notdef": notdef, "drawn": drawn}, ensure_ascii=False))


main(sys.argv[1])
