#!/usr/bin/env python3
"""Writes the CSV robustness fixtures and their expected parse (reference: Python's csv module).

Run from this folder: python3 generate.py
Each case is written as raw bytes to cases/<name>.csv. For the valid cases, expected.json holds
the header and rows as Python's csv module reads them (blank rows dropped, as DataInput skips
blank lines). The invalid cases (which Python's csv module accepts leniently) list the line the
error must name; those expectations are stated by hand from RFC 4180.
"""
import csv
import io
import json
import os

VALID = {
    "simple": b"name,value\na,1\nb,2\n",
    "quoted_delimiter": b'name,value\n"x,y",1\n"p, q , r",2\n',
    "escaped_quotes": b'name,value\n"say ""hi""",1\n"""",2\n',
    "newline_in_quotes": b'name,value\n"line1\nline2",1\n"a\r\nb",2\nc,3\n',
    "crlf": b"name,value\r\na,1\r\nb,2\r\n",
    "bom": b"\xef\xbb\xbfname,value\na,1\n",
    "no_trailing_newline": b"name,value\na,1\nb,2",
    "empty_fields": b"a,b,c\n1,,3\n,,\n",
    "trailing_blank_lines": b"name,value\na,1\n\n\n",
    "inner_blank_lines": b"name,value\n\na,1\n\r\nb,2\n",
    "utf8": "name,value\nÄpfel,1\n日本,2\n".encode("utf-8"),
    "quoted_header": b'"name","value"\n"a","1"\n',
    "single_column": b"value\n1\n2\n\n3\n",
    "header_only": b"name,value\n",
    "numeric": b"name,value\na,1e3\nb, 2.5 \nc,-0.0\nd,+7\ne,.5\nf,1.7976931348623157e308\n"
    b"g,4.9e-324\nh,123456789012345678901234567890\n",
}

# name -> (bytes, line the error must name, substring of the reason)
INVALID = {
    "unterminated_quote": (b'name,value\na,1\n"oops,2\nb,3\n', 3, "unterminated"),
    "ragged_short": (b"a,b,c\n1,2,3\n4,5\n", 3, "expected 3 fields"),
    "ragged_long": (b"a,b,c\n1,2,3\n4,5,6,7\n", 3, "expected 3 fields"),
    "stray_quote": (b'name,value\nab"c,1\n', 2, "quote inside an unquoted field"),
    "text_after_quote": (b'name,value\n"ab"c,1\n', 2, "after a closing quote"),
    "invalid_utf8": (b"name,value\na,1\nb\xff,2\n", 3, "invalid UTF-8"),
    "ragged_after_multiline": (b'a,b\n"x\ny",1\n2\n', 4, "expected 2 fields"),
}

# name -> (bytes, column, line of the first non-number, the offending text)
BAD_NUMBERS = {
    "not_a_number": (b"name,value\na,1\nb,abc\n", "value", 3, "abc"),
    "nan": (b"name,value\na,NaN\n", "value", 2, "NaN"),
    "infinity": (b"name,value\na,1\nb,inf\n", "value", 3, "inf"),
    "empty_value": (b"name,value\na,\n", "value", 2, ""),
    "hex": (b"name,value\na,0x10\n", "value", 2, "0x10"),
    "comma_decimal": (b'name,value\na,"1,5"\n', "value", 2, "1,5"),
    "after_multiline": (b'name,value\n"a\nb",1\nc,x\n', "value", 4, "x"),
}


def main():
    os.makedirs("cases", exist_ok=True)
    expected = {"valid": {}, "invalid": {}, "bad_numbers": {}}
    for name, data in VALID.items():
        with open(f"cases/{name}.csv", "wb") as f:
            f.write(data)
        text = data.decode("utf-8-sig")
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), strict=True) if r != []]
        entry = {"header": rows[0], "rows": rows[1:]}
        if name == "numeric":
            entry["value"] = [float(r[1]) for r in rows[1:]]
        expected["valid"][name] = entry
    for name, (data, line, reason) in INVALID.items():
        with open(f"cases/{name}.csv", "wb") as f:
            f.write(data)
        expected["invalid"][name] = {"line": line, "reason": reason}
    for name, (data, column, line, text) in BAD_NUMBERS.items():
        with open(f"cases/{name}.csv", "wb") as f:
            f.write(data)
        expected["bad_numbers"][name] = {"column": column, "line": line, "text": text}
    with open("expected.json", "w") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
