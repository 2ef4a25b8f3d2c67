"""Fills workbooks as a reader would, with openpyxl: the argument is a JSON
list of {"src", "out", "sheet", "cells": {"D5": 4, ...}}; a null value
empties the cell."""
import json
import sys

import openpyxl

for job in json.loads(sys.argv[1]):
    wb = openpyxl.load_workbook(job["src"])
    ws = wb[job["sheet"]]
    for ref, value in job["cells"].items():
        ws[ref].value = value
    wb.save(job["out"])
