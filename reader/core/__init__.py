"""The detection engine: pure Python, no Qt.

Data flows one way: text -> tokens with offsets -> candidates -> scored suggestions -> decisions -> restored text.
"""
