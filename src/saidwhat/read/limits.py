"""The documented limits of every reader: past them a document is refused with a reason, not read.

They bound the time and memory one document can cost: trafilatura took 1.5 s for a page of 1.2 MB of
links and 9.9 s for one of 5.9 MB on this project's machine (busy at the time). News pages and
articles are far below them.
"""

# A file, a JSON Lines line or a web-archive record larger than this is refused (reason too-large)
# before it is read into memory.
MAX_FILE_BYTES = 8 * 1024 * 1024
# An HTML page with more markup than this once scripts, styles and SVG are removed is refused
# (too-large) before it is parsed.
MAX_MARKUP_BYTES = 2 * 1024 * 1024
# JSON nested deeper than this is refused (too-deep) before it is parsed; article records nest
# about five levels.
MAX_JSON_DEPTH = 100
