"""Walks the structure tree of a tagged PDF with pikepdf (an independent
reader, qpdf underneath) and prints it as JSON for render/pdf's tests:
the elements in reading order, and the problems found, such as an MCID
of a page that the tree does not reach exactly once, painting outside
marked content, a ParentTree entry that disagrees with the tree, or a
link annotation that no Link element holds (through /OBJR) exactly once."""
import json
import sys

import pikepdf

PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    problems = []
    pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
    refs = {}  # (page, mcid) -> times referenced
    owner = {}  # (page, mcid) -> element objgen
    elems = []
    objrs = {}  # annotation objgen -> (times referenced, Link element objgen)

    def walk(e, depth, parent):
        s = str(e.get("/S", ""))[1:]
        if e.get("/P") is None or e.P.objgen != parent:
            problems.append(f"{s}: /P does not point to its parent")
        a = e.get("/A")
        elems.append({"type": s, "depth": depth,
                      "scope": str(a.get("/Scope", ""))[1:] if a is not None else "",
                      "alt": str(e.get("/Alt", ""))})
        k = e.get("/K")
        kids = k if isinstance(k, pikepdf.Array) else ([] if k is None else [k])
        for kid in kids:
            if isinstance(kid, int):
                pg = e.get("/Pg")
                if pg is None:
                    problems.append(f"{s}: an MCID without /Pg")
                    continue
                key = (pages[pg.objgen], int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                key = (pages[kid.Pg.objgen], int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                if s != "Link":
                    problems.append(f"{s}: holds an object reference (only Link should)")
                n, _ = objrs.get(kid.Obj.objgen, (0, None))
                objrs[kid.Obj.objgen] = (n + 1, e.objgen)
                continue
            elif isinstance(kid, pikepdf.Dictionary):
                walk(kid, depth + 1, e.objgen)
                continue
            else:
                problems.append(f"{s}: an unexpected kid {kid!r}")
                continue
            refs[key] = refs.get(key, 0) + 1
            owner[key] = e.objgen

    tree = root.get("/StructTreeRoot")
    if tree is None:
        print(json.dumps({"elems": [], "problems": ["no StructTreeRoot"]}))
        return
    k = tree.K
    for kid in (k if isinstance(k, pikepdf.Array) else [k]):
        walk(kid, 0, tree.objgen)

    nums = tree.ParentTree.Nums
    parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    marked = 0
    annots = 0
    for i, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj:
            problems.append(f"page {i + 1}: no /StructParents")
            continue
        arr = parent_tree.get(int(page.obj.StructParents))
        depth, seen = 0, []
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "BDC":
                depth += 1
                props = operands[1]
                if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    if depth > 1:
                        problems.append(f"page {i + 1}: nested marked content")
                    seen.append(int(props.MCID))
            elif op == "BMC":
                depth += 1
            elif op == "EMC":
                depth -= 1
            elif op in PAINT and depth == 0:
                problems.append(f"page {i + 1}: {op} outside marked content")
        if depth != 0:
            problems.append(f"page {i + 1}: unbalanced marked content")
        if len(seen) != len(set(seen)):
            problems.append(f"page {i + 1}: an MCID used twice")
        marked += len(seen)
        for m in seen:
            n = refs.get((i, m), 0)
            if n != 1:
                problems.append(f"page {i + 1}: MCID {m} reached {n} times from the tree")
            elif arr is None or m >= len(arr) or arr[m].objgen != owner[(i, m)]:
                problems.append(f"page {i + 1}: the ParentTree disagrees for MCID {m}")
        links = 0
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") != "/Link":
                continue
            links += 1
            n, owner_link = objrs.get(a.objgen, (0, None))
            if n != 1:
                problems.append(f"page {i + 1}: a link annotation reached {n} times from the tree")
            elif "/StructParent" not in a or parent_tree.get(int(a.StructParent)) is None or \
                    parent_tree[int(a.StructParent)].objgen != owner_link:
                problems.append(f"page {i + 1}: the ParentTree disagrees for a link annotation")
            if not str(a.get("/Contents", "")).strip():
                problems.append(f"page {i + 1}: a link annotation without /Contents")
        annots += links
        for (p, m) in refs:
            if p == i and m not in seen:
                problems.append(f"page {i + 1}: the tree names MCID {m}, which the page lacks")
    cat = {"marked": str(root.get("/MarkInfo", {}).get("/Marked", "")),
           "lang": str(root.get("/Lang", "")),
           "displayDocTitle": str(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", "")),
           "mcids": marked, "links": annots}
    print(json.dumps({"elems": elems, "problems": problems, "catalog": cat}))


if __name__ == "__main__":
    main(sys.argv[1])
