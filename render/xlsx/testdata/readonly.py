"""Reads workbooks with openpyxl in read-only mode, which trusts each
sheet's <dimension ref>, and prints every sheet's dimension and cell
values (cached values for formulas) as JSON: {file: {sheet: {...}}}."""
import json
import sys

import openpyxl

out = {}
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append(["" if v is None else str(v) for v in row])
        sheets[ws.title] = {"dimension": ws.calculate_dimension(), "rows": rows}
    out[path] = {"order": wb.sheetnames, "sheets": sheets}
    wb.close()
json.dump(out, sys.stdout, ensure_ascii=False)
