#!/usr/bin/env python3
"""Writes resources/fonts/NotoSansCJKsc-Regular.otf.br from Debian's fonts-noto-cjk.

The collection's Simplified Chinese member is written out as a standalone
OpenType font (fontTools copies its tables unchanged) and brotli-compressed.
Needs the Debian packages fonts-noto-cjk, python3-fonttools and python3-brotli.
"""
import io
import sys

import brotli
from fontTools.ttLib import TTCollection

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
TARGET = sys.argv[1] if len(sys.argv) > 1 else 'resources/fonts/NotoSansCJKsc-Regular.otf.br'

face = next(
    f
    for f in TTCollection(SOURCE, recalcTimestamp=False, recalcBBoxes=False).fonts
    if f['name'].getDebugName(6) == 'NotoSansCJKsc-Regular'
)
buffer = io.BytesIO()
face.save(buffer)
with open(TARGET, 'wb') as out:
    out.write(brotli.compress(buffer.getvalue(), quality=11, lgwin=24))
