"""Reads a triptych workbook with openpyxl (an independent reader) and
prints what the Go test asserts on, as JSON."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "tables": {}, "formulas": {}}
ws = wb["Comparison"]
out["freeze"] = ws.freeze_panes
out["print_titles"] = ws.print_title_rows
out["orientation"] = ws.page_setup.orientation
out["fit_width"] = ws.page_setup.fitToWidth
for name in wb.sheetnames:
    sheet = wb[name]
    for t in sheet.tables.values():
        out["tables"][t.name] = {"sheet": name, "ref": t.ref, "style": t.tableStyleInfo.name}
    for row in sheet.iter_rows():
        for c in row:
            if c.data_type == "f":
                out["formulas"][name] = out["formulas"].get(name, 0) + 1
rows = []
for row in ws.iter_rows(min_row=5, values_only=True):
    if any(v is not None for v in row):
        rows.append([v for v in row])
out["rows"] = rows
out["header"] = [c.value for c in ws[4]]
out["title"] = ws["A1"].value
props = wb.properties
out["props"] = {"title": props.title, "creator": props.creator, "created": props.created.isoformat() if props.created else None}
json.dump(out, sys.stdout, ensure_ascii=False)
