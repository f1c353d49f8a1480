#!/usr/bin/env python3
"""The yardstick of the whole-process figures: plain ``jieba.lcut`` over every page of a
folder, in one process as a user would run it (dictionary load included).

    python benchmarks/jieba_pages.py FOLDER
"""
import sys
from pathlib import Path

import jieba

jieba.setLogLevel(60)
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    jieba.lcut(path.read_text(encoding="utf-8"))
